/**
 * How Jira checks an issue's fields on create and edit: unknown fields and values of the wrong type
 * are refused field by field, in the `errors` map (never a silent accept), issue types by id or name,
 * a sub-task needs a parent, `update` verbs (set / add / remove) on the fields that take them.
 */
import { ISSUE_TYPES } from './model';

export type FieldErrors = Record<string, string>;

const isAdf = (v: unknown) =>
  v === null || (typeof v === 'object' && (v as { type?: unknown }).type === 'doc');
const isLabel = (v: unknown) => typeof v === 'string' && v.length > 0 && !/\s/.test(v);

/** The issue type a `{ id }` or `{ name }` names, or null. */
export function issueTypeOf(value: unknown): string | null {
  const t = (value ?? {}) as { id?: unknown; name?: unknown };
  if (typeof t.name === 'string' && ISSUE_TYPES[t.name]) return t.name;
  if (typeof t.id === 'string')
    return Object.entries(ISSUE_TYPES).find(([, v]) => v.id === t.id)?.[0] ?? null;
  return null;
}

/** Checks `fields` (and `update`) as Jira does; `create` adds project and the required fields. */
export function checkFields(
  fields: Record<string, unknown>,
  update: Record<string, unknown>,
  pointsField: string,
  create: boolean,
): FieldErrors {
  const errors: FieldErrors = {};
  const known = new Set([
    'summary',
    'description',
    'issuetype',
    'parent',
    'labels',
    'assignee',
    pointsField,
    ...(create ? ['project', 'reporter'] : []),
  ]);
  for (const name of [...Object.keys(fields), ...Object.keys(update)]) {
    if (!known.has(name))
      errors[name] = `Field '${name}' cannot be set. It is not on the appropriate screen, or unknown.`;
  }
  if ('summary' in fields && (typeof fields.summary !== 'string' || !fields.summary.trim()))
    errors.summary = 'You must specify a summary of the issue.';
  else if (typeof fields.summary === 'string' && fields.summary.length > 255)
    errors.summary = 'Summary must be less than 255 characters.';
  if (create && !('summary' in fields)) errors.summary = 'You must specify a summary of the issue.';
  if ('description' in fields && !isAdf(fields.description))
    errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format).';
  if ('labels' in fields && !(Array.isArray(fields.labels) && fields.labels.every(isLabel)))
    errors.labels = 'The label must not contain spaces, and labels must be a list of text.';
  if (pointsField in fields && fields[pointsField] !== null && typeof fields[pointsField] !== 'number')
    errors[pointsField] = 'Operation value must be a number.';
  if (
    'assignee' in fields &&
    fields.assignee !== null &&
    typeof (fields.assignee as { accountId?: unknown })?.accountId !== 'string'
  )
    errors.assignee = 'Specify a valid value for assignee.';
  if ((create || 'issuetype' in fields) && !issueTypeOf(fields.issuetype))
    errors.issuetype = 'Specify an issue type';
  const type = issueTypeOf(fields.issuetype);
  if (create && type && ISSUE_TYPES[type]!.subtask && !(fields.parent as { key?: unknown } | undefined)?.key)
    errors.parent = 'Given parent issue does not belong to appropriate hierarchy.';
  for (const [name, ops] of Object.entries(update)) {
    if (!known.has(name)) continue;
    const verbs = name === 'labels' ? ['add', 'remove', 'set'] : ['set'];
    if (
      !Array.isArray(ops) ||
      !ops.every(
        (op) =>
          typeof op === 'object' &&
          op !== null &&
          Object.keys(op).length === 1 &&
          verbs.includes(Object.keys(op)[0]!),
      )
    ) {
      errors[name] = `Field '${name}' takes the operations ${verbs.join(', ')}, one per entry.`;
    }
  }
  return errors;
}

/** Folds `update` verbs into plain field values, given the issue's current labels. */
export function applyUpdateVerbs(
  fields: Record<string, unknown>,
  update: Record<string, unknown>,
  labels: string[],
): Record<string, unknown> {
  const out = { ...fields };
  for (const [name, ops] of Object.entries(update)) {
    for (const op of ops as Array<Record<string, unknown>>) {
      if ('set' in op) out[name] = op.set;
      if (name === 'labels' && ('add' in op || 'remove' in op)) {
        const current = (out.labels as string[] | undefined) ?? labels;
        out.labels =
          'add' in op ? [...new Set([...current, String(op.add)])] : current.filter((l) => l !== op.remove);
      }
    }
  }
  return out;
}
