/**
 * Between the edit form's strings and a GadgetConfig: checked with the contract's schema, errors per field in
 * words.
 */
import { DEFAULT_GADGET_CONFIG, GadgetConfigSchema, type GadgetConfig } from '../../../../src/contract';
import type { DraftField, GadgetDraft } from './gadget-edit-form';

const FIELD_OF: Record<keyof GadgetConfig, DraftField> = {
  projectKey: 'projectKey',
  period: 'period',
  unit: 'unit',
  trend: 'trend',
  targetShare: 'targetPercent',
  refreshMinutes: 'refreshMinutes',
};
const FIELD_ERROR: Record<DraftField, string> = {
  projectKey: 'Choose a project.',
  period: 'Choose one of the periods.',
  unit: 'Choose issue count or story points.',
  trend: 'Choose weeks or months.',
  targetPercent: 'Enter a percentage from 0 to 100.',
  refreshMinutes: 'Choose one of the refresh intervals.',
};

export function draftFrom(saved: unknown): GadgetDraft {
  const s = (saved && typeof saved === 'object' ? saved : {}) as Partial<Record<keyof GadgetConfig, unknown>>;
  const text = (v: unknown, fallback: string | number) =>
    typeof v === 'string' || typeof v === 'number' ? String(v) : String(fallback);
  const share = typeof s.targetShare === 'number' ? s.targetShare : DEFAULT_GADGET_CONFIG.targetShare;
  return {
    projectKey: text(s.projectKey, ''),
    period: text(s.period, DEFAULT_GADGET_CONFIG.period),
    unit: text(s.unit, DEFAULT_GADGET_CONFIG.unit),
    trend: text(s.trend, DEFAULT_GADGET_CONFIG.trend),
    targetPercent: String(Math.round(share * 1000) / 10),
    refreshMinutes: text(s.refreshMinutes, DEFAULT_GADGET_CONFIG.refreshMinutes),
  };
}

export type DraftCheck =
  { ok: true; config: GadgetConfig } | { ok: false; errors: Partial<Record<DraftField, string>> };

export function checkDraft(draft: GadgetDraft): DraftCheck {
  const percentText = draft.targetPercent.trim();
  const candidate = {
    projectKey: draft.projectKey,
    period: draft.period,
    unit: draft.unit,
    trend: draft.trend,
    targetShare: percentText === '' ? Number.NaN : Number(percentText) / 100,
    refreshMinutes: Number(draft.refreshMinutes),
  };
  const parsed = GadgetConfigSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, config: parsed.data };
  const errors: Partial<Record<DraftField, string>> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    const field = typeof key === 'string' && key in FIELD_OF ? FIELD_OF[key as keyof GadgetConfig] : null;
    if (field) errors[field] = FIELD_ERROR[field];
  }
  return { ok: false, errors };
}
