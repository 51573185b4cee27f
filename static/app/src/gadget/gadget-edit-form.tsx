/** The gadget's edit view, presentational: the fields, their errors beside them, and Save. */
import type { FormEvent, ReactNode } from 'react';
import type { ProjectOption } from '../api/gadget-api';

export interface GadgetDraft {
  projectKey: string;
  period: string;
  unit: string;
  trend: string;
  /** The target as the person typed it, in percent. */
  targetPercent: string;
  refreshMinutes: string;
}
export type DraftField = keyof GadgetDraft;

export interface GadgetEditFormProps {
  draft: GadgetDraft;
  projects: ProjectOption[] | null;
  projectsError: string | null;
  errors: Partial<Record<DraftField, string>>;
  formError: string | null;
  saving: boolean;
  onChange: (field: DraftField, value: string) => void;
  onRetryProjects: () => void;
  onSubmit: () => void;
}

const PERIODS = [
  ['30d', 'Last 30 days'],
  ['90d', 'Last 90 days'],
  ['180d', 'Last 180 days'],
  ['365d', 'Last 365 days'],
] as const;
const UNITS = [['count', 'Issue count'], ['points', 'Story points']] as const;
const TRENDS = [['week', 'By week'], ['month', 'By month']] as const;
const REFRESH = [
  ['0', 'Never'],
  ['5', 'Every 5 minutes'],
  ['15', 'Every 15 minutes'],
  ['30', 'Every 30 minutes'],
  ['60', 'Every hour'],
] as const;

function Field({
  id,
  label,
  error,
  children,
}: {
  id: DraftField;
  label: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={`field-${id}`}>{label}</label>
      {children}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

export function GadgetEditForm(p: GadgetEditFormProps) {
  const aria = (id: DraftField) => ({
    id: `field-${id}`,
    'aria-invalid': p.errors[id] ? true : undefined,
    'aria-describedby': p.errors[id] ? `${id}-error` : undefined,
    disabled: p.saving,
  });
  const select = (id: DraftField, options: ReadonlyArray<readonly [string, string]>) => (
    <select {...aria(id)} value={p.draft[id]} onChange={(e) => p.onChange(id, e.target.value)}>
      {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
    </select>
  );
  const submit = (e: FormEvent) => { e.preventDefault(); p.onSubmit(); };
  return (
    <form className="ob edit" noValidate onSubmit={submit} aria-busy={p.saving}>
      <Field id="projectKey" label="Project" error={p.errors.projectKey}>
        <select
          {...aria('projectKey')}
          value={p.draft.projectKey}
          onChange={(e) => p.onChange('projectKey', e.target.value)}
        >
          <option value="">
            {p.projects
              ? 'Choose a project'
              : p.projectsError
                ? 'Projects could not be loaded'
                : 'Loading projects…'}
          </option>
          {(p.projects ?? []).map((o) => (
            <option key={o.key} value={o.key}>
              {o.name} ({o.key})
            </option>
          ))}
        </select>
        {p.projectsError && (
          <span className="field-error">
            {p.projectsError}{' '}
            <button type="button" onClick={p.onRetryProjects}>
              Retry
            </button>
          </span>
        )}
        {p.projects && p.projects.length === 0 && (
          <span className="muted">You may not browse any project.</span>
        )}
      </Field>
      <Field id="period" label="Period" error={p.errors.period}>
        {select('period', PERIODS)}
      </Field>
      <Field id="unit" label="Measure by" error={p.errors.unit}>
        {select('unit', UNITS)}
      </Field>
      <Field id="trend" label="Trend" error={p.errors.trend}>
        {select('trend', TRENDS)}
      </Field>
      <Field id="targetPercent" label="Target strategic share (%)" error={p.errors.targetPercent}>
        <input
          {...aria('targetPercent')}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          value={p.draft.targetPercent}
          onChange={(e) => p.onChange('targetPercent', e.target.value)}
        />
      </Field>
      <Field id="refreshMinutes" label="Refresh" error={p.errors.refreshMinutes}>
        {select('refreshMinutes', REFRESH)}
      </Field>
      {p.formError && (
        <div className="error" role="alert">
          {p.formError}
        </div>
      )}
      <div className="row">
        <button className="primary" type="submit" disabled={p.saving}>
          {p.saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
