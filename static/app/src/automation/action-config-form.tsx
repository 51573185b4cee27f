/**
 * The configuration form of the "Classify ownership" Automation action (manifest `action.config`).
 * Per Atlassian's module reference: inputs load from `extension.data.inputs`, every change is passed
 * on with `view.submit(inputs)` so Automation keeps the state, the native Next button sends
 * AUTOMATION_ACTION_SUBMIT, and `extension.errors.invalidInputs` marks fields on first load.
 * The issue defaults to the `{{issue.key}}` smart value, which Automation resolves when the rule runs.
 */
import { events, view } from '@forge/bridge';
import { useEffect, useRef, useState } from 'react';

export interface ActionInputs { issueKey: string; onlyIfUnclassified: boolean }

export const DEFAULT_ISSUE = '{{issue.key}}';

export function inputsFrom(saved: unknown): ActionInputs {
  const s = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>;
  const issueKey = typeof s.issueKey === 'string' && s.issueKey.trim() ? s.issueKey.trim() : DEFAULT_ISSUE;
  return { issueKey, onlyIfUnclassified: s.onlyIfUnclassified === true || s.onlyIfUnclassified === 'true' };
}

export function ActionConfigForm({
  saved,
  invalid,
}: {
  saved: unknown;
  invalid: Record<string, { message?: string }>;
}) {
  const [inputs, setInputs] = useState<ActionInputs>(() => inputsFrom(saved));
  const [errors, setErrors] = useState(invalid);
  const latest = useRef(inputs);
  useEffect(() => {
    const subscription = events.on('AUTOMATION_ACTION_SUBMIT', () => {
      void view.submit(latest.current);
    });
    return () => {
      void subscription.then((s) => s.unsubscribe());
    };
  }, []);
  const change = (next: Partial<ActionInputs>, field: keyof ActionInputs) => {
    const updated = { ...latest.current, ...next };
    latest.current = updated;
    setInputs(updated);
    setErrors((e) => ({ ...e, [field]: {} }));
    void view.submit(updated);
  };
  const issueError = errors.issueKey?.message;
  return (
    <form
      className="action-config"
      onSubmit={(e) => {
        e.preventDefault();
        void view.submit(latest.current);
      }}
    >
      <label htmlFor="ob-issue-key">Issue to classify</label>
      <input
        id="ob-issue-key"
        value={inputs.issueKey}
        aria-invalid={issueError ? true : undefined}
        aria-describedby="ob-issue-key-help"
        onChange={(e) => change({ issueKey: e.currentTarget.value }, 'issueKey')}
      />
      <p id="ob-issue-key-help" className="muted">
        {issueError ?? (
          <>
            Usually the rule&apos;s issue: <code>{DEFAULT_ISSUE}</code>. The result is stored on the issue as
            the rule&apos;s actor.
          </>
        )}
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={inputs.onlyIfUnclassified}
          onChange={(e) => change({ onlyIfUnclassified: e.currentTarget.checked }, 'onlyIfUnclassified')}
        />
        Only if the issue has no classification yet
      </label>
      <p className="muted">Later steps can use the kind, share and confidence this action returns.</p>
    </form>
  );
}
