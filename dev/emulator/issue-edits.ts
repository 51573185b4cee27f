/**
 * An issue edit as PUT /issue/{key} applies it: `fields` (summary, description, type, parent, story
 * points, assignee, labels) and `update.labels` operations, each change recorded as a changelog item the
 * way Jira's avi:jira:updated:issue event carries it.
 */
import { ISSUE_TYPES, type EmuIssue, type EmulatorStore } from './model';
import type { AdfNode } from '../../src/domain/types';
import { textToAdf } from './adf';

export type ChangelogItem = Record<string, unknown>;

/** Applies the edit to `issue`; an error stops it, leaving the changes made before it in place. */
export function applyIssueEdits(
  store: EmulatorStore,
  issue: EmuIssue,
  body: Record<string, unknown>,
): { error: string | null; items: ChangelogItem[] } {
  const fields = (body.fields ?? {}) as Record<string, unknown>;
  const items: ChangelogItem[] = [];
  const change = (field: string, fieldId: string, from: string | null, to: string | null) =>
    items.push({ field, fieldtype: 'jira', fieldId, from: null, fromString: from, to: null, toString: to });
  const fail = (error: string) => ({ error, items });
  if (typeof fields.summary === 'string' && fields.summary !== issue.summary) {
    change('summary', 'summary', issue.summary, fields.summary);
    issue.summary = fields.summary;
  }
  if ('description' in fields) {
    const d = fields.description;
    change('description', 'description', null, null);
    issue.description = typeof d === 'string' ? textToAdf(d) : ((d as AdfNode | null) ?? null);
  }
  if (fields.issuetype && typeof (fields.issuetype as { name?: string }).name === 'string') {
    const name = (fields.issuetype as { name: string }).name;
    if (!ISSUE_TYPES[name]) return fail(`The issue type '${name}' does not exist.`);
    if (name !== issue.type) {
      change('issuetype', 'issuetype', issue.type, name);
      issue.type = name;
    }
  }
  if ('parent' in fields) {
    const next = (fields.parent as { key?: string } | null)?.key ?? null;
    if (next && !store.issues.has(next)) return fail(`Parent issue ${next} does not exist.`);
    if (next !== issue.parent) {
      change('IssueParentAssociation', 'parent', issue.parent, next);
      issue.parent = next;
    }
  }
  const pointsField = store.storyPointsField;
  if (pointsField in fields) {
    const next = typeof fields[pointsField] === 'number' ? (fields[pointsField] as number) : null;
    if (next !== issue.storyPoints) {
      change('Story point estimate', pointsField, String(issue.storyPoints ?? ''), String(next ?? ''));
      issue.storyPoints = next;
    }
  }
  if ('assignee' in fields) {
    const next = (fields.assignee as { accountId?: string } | null)?.accountId ?? null;
    if (next && !store.users.has(next)) return fail(`The user ${next} does not exist.`);
    if (next !== issue.assignee) {
      change('assignee', 'assignee', issue.assignee, next);
      issue.assignee = next;
    }
  }
  const before = issue.labels.join(' ');
  if (Array.isArray(fields.labels)) issue.labels = fields.labels.map(String);
  const ops = ((body.update ?? {}) as Record<string, unknown>).labels;
  if (Array.isArray(ops))
    for (const op of ops as Array<Record<string, unknown>>) {
      if (typeof op.add === 'string' && !issue.labels.includes(op.add)) issue.labels.push(op.add);
      if (typeof op.remove === 'string') issue.labels = issue.labels.filter((l) => l !== op.remove);
      if (Array.isArray(op.set)) issue.labels = op.set.map(String);
    }
  if (issue.labels.join(' ') !== before) change('labels', 'labels', before, issue.labels.join(' '));
  return { error: null, items };
}
