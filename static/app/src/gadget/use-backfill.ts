/**
 * Backfill state for the gadget: starts a run, and polls getBackfillStatus while one is running —
 * including a run found already going when the gadget (re)loads, so the progress survives a reload.
 */
import { useEffect, useState } from 'react';
import type { BackfillStatus } from '../../../../src/contract';
import { errorText } from '../api/invoke-client';
import { getBackfillStatus, startBackfill } from '../api/gadget-api';

export const POLL_MS = 1500;
export const POLL_AFTER_ERROR_MS = 5000;

export function useBackfill(projectKey: string | null, known: BackfillStatus | null, onFinished: () => void) {
  const [status, setStatus] = useState<BackfillStatus | null>(known);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [pollFailed, setPollFailed] = useState(0);

  useEffect(() => { if (known) setStatus(known); }, [known]);

  useEffect(() => {
    if (!projectKey || status?.state !== 'running') return;
    const timer = setTimeout(() => {
      getBackfillStatus(projectKey).then((next) => {
        setError(null);
        setStatus(next);
        if (next.state !== 'running') onFinished();
      }, (e: unknown) => { setError(errorText(e)); setPollFailed((n) => n + 1); });
    }, pollFailed ? POLL_AFTER_ERROR_MS : POLL_MS);
    return () => clearTimeout(timer);
  }, [projectKey, status, pollFailed, onFinished]);

  const start = () => {
    if (!projectKey) return;
    setStarting(true);
    setError(null);
    startBackfill(projectKey)
      .then(
        (s) => {
          setStatus(s);
          if (s.state !== 'running') onFinished();
        },
        (e: unknown) => setError(errorText(e)),
      )
      .finally(() => setStarting(false));
  };

  return { status, error, starting, start };
}
