/**
 * "Recompute figures and tags" for a Jira admin: recomputes a project's figures from Jira (the same job
 * that runs daily) and says what drift it fixed; re-classifies the project now (the backfill: its untagged
 * issues and the tags made by older rules or before the latest lesson from people's changes — the daily run
 * refreshes only the latter, and the tags of issues edited since its previous run whose event was lost).
 * Presentational; the container does the calls.
 */
import { useState } from 'react';
import type { BackfillStatus, ReconcileStatus } from '../../../../src/contract';
import { Section } from '../components/states';

export interface ReconcileSectionProps {
  projects: Array<{ key: string; name: string }>;
  status: ReconcileStatus | null;
  busy: boolean;
  onStart: (projectKey: string) => void;
  onRefresh: (projectKey: string) => void;
  reclassify: BackfillStatus | null;
  onReclassify: (projectKey: string) => void;
  onRefreshReclassify: (projectKey: string) => void;
}

export function reclassifySummary(s: BackfillStatus): string {
  if (s.state === 'running' && s.scope === 'stale')
    return `Bringing ${s.projectKey}'s tags up to date (daily): ${s.done} of ${s.total} so far.`;
  if (s.state === 'running') return `Re-classifying ${s.projectKey}: ${s.done} of ${s.total} issues so far.`;
  if (s.state === 'failed')
    return `Re-classifying ${s.projectKey} stopped after ${s.done} of ${s.total} issues. Try again.`;
  const outcome =
    s.total === 0
      ? 'every tag is already from the current rules'
      : `${s.done} issues re-classified with the current rules`;
  return `${s.projectKey}: ${outcome}.`;
}

export function reconcileSummary(s: ReconcileStatus): string {
  if (s.state === 'running') return `Recomputing ${s.projectKey}: ${s.checked} issues checked so far.`;
  if (s.state === 'failed')
    return `Recomputing ${s.projectKey} stopped after ${s.checked} issues. Try again.`;
  const fixed = s.fixed.added + s.fixed.changed + s.fixed.removed;
  const issues =
    fixed === 0
      ? 'no issue needed fixing'
      : `${fixed} issues fixed (${s.fixed.added} added, ${s.fixed.changed} changed, ` +
        `${s.fixed.removed} removed)`;
  return `${s.projectKey}: ${s.checked} issues checked, ${issues}, ${s.fixed.weeks} weeks corrected.`;
}

export function ReconcileSection({
  projects,
  status,
  busy,
  onStart,
  onRefresh,
  reclassify,
  onReclassify,
  onRefreshReclassify,
}: ReconcileSectionProps) {
  const [project, setProject] = useState(projects[0]?.key ?? '');
  return (
    <Section title="Recompute figures and tags">
      <p className="muted">
        The figures are kept as issues change and checked against Jira every day, when tags made by older
        rules (after an upgrade) or before the classifier learned from people’s changes are also refreshed
        (tags set by people are kept). Recompute a project now if the figures look wrong; re-classify it to
        tag its untagged issues and refresh older tags right away.
      </p>
      <div className="row">
        <label htmlFor="ob-reconcile-project">Project</label>
        <select
          id="ob-reconcile-project"
          value={project}
          disabled={busy}
          onChange={(e) => setProject(e.currentTarget.value)}
        >
          {projects.map((p) => (
            <option key={p.key} value={p.key}>
              {p.name} ({p.key})
            </option>
          ))}
        </select>
        <button type="button" disabled={busy || !project} onClick={() => onStart(project)}>
          Recompute
        </button>
        <button type="button" disabled={busy || !project} onClick={() => onReclassify(project)}>
          Re-classify
        </button>
        {status?.state === 'running' ? (
          <button type="button" className="link" disabled={busy} onClick={() => onRefresh(status.projectKey)}>
            Check progress
          </button>
        ) : null}
        {reclassify?.state === 'running' ? (
          <button
            type="button"
            className="link"
            disabled={busy}
            onClick={() => onRefreshReclassify(reclassify.projectKey)}
          >
            Check re-classifying
          </button>
        ) : null}
      </div>
      {status ? <p role="status">{reconcileSummary(status)}</p> : null}
      {reclassify ? <p role="status">{reclassifySummary(reclassify)}</p> : null}
    </Section>
  );
}
