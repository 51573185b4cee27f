/**
 * What the local Jira's JQL knows before it evaluates anything: which fields exist and which it does not
 * evaluate, the checks Jira makes on a query (unknown field, an operator a field does not support, an
 * unknown project), and how values are read (dates, relative dates, functions, issue properties, ADF text).
 */
import { JqlError, JqlNotEmulated, periodMs } from './jql-parser';
import type { JqlField, JqlNode, JqlQuery, JqlValue } from './jql-parser';
import type { EmulatorStore } from './model';

export interface EntityPropertyIndex {
  propertyKey: string;
  values: Array<{ path: string; type: 'string' | 'number' | 'date' | 'user' | 'text'; searchAlias?: string }>;
}
export type Scalar = string | number | null;
export interface Alias { propertyKey: string; path: string; type: string }

const FIELDS = new Set([
  'project', 'issuetype', 'type', 'parent', 'key', 'issuekey', 'id', 'created', 'createddate', 'updated',
  'updateddate', 'labels', 'status', 'statuscategory', 'summary', 'description', 'text', 'assignee',
  'reporter',
]);
/** Fields that `~` (contains the words) applies to. */
const TEXT_FIELDS = new Set(['summary', 'description', 'text']);
/** Jira fields this local Jira does not evaluate: a query using them answers 501, not a false 400. */
const NOT_EMULATED = new Set([
  'priority', 'component', 'components', 'rank', 'fixversion', 'affectedversion', 'sprint', 'resolution',
  'resolutiondate', 'duedate', 'environment', 'comment', 'watcher', 'watchers', 'votes', 'epic link', 'team',
  'creator', 'level',
]);
const ORDERED_ONLY_BY_NAME = ['project', 'issuetype', 'type'];

/** Throws Jira's error for a query Jira refuses, and JqlNotEmulated for one this emulator cannot run. */
export function checkQuery(
  query: JqlQuery,
  store: EmulatorStore,
  aliases: Map<string, Alias>,
  pointsClauses: Set<string>,
  now: () => Date,
): void {
  const checkField = (f: JqlField) => {
    if (f.kind === 'property' || pointsClauses.has(f.name)) return;
    if (NOT_EMULATED.has(f.name) || /^cf\[\d+\]$/.test(f.name))
      throw new JqlNotEmulated(`not emulated in the local Jira: the JQL field '${f.name}'`);
    if (!FIELDS.has(f.name) && !aliases.has(f.name))
      throw new JqlError(`Field '${f.name}' does not exist or you do not have permission to view it.`);
  };
  const walk = (n: JqlNode | null): void => {
    if (!n) return;
    if (n.kind === 'not') return walk(n.operand);
    if (n.kind !== 'clause') { walk(n.left); walk(n.right); return; }
    checkField(n.field);
    const name = n.field.kind === 'field' ? n.field.name : 'property';
    if (n.operator === '~' && !TEXT_FIELDS.has(name))
      throw new JqlError(`The operator '~' is not supported by the '${name}' field.`);
    if (ORDERED_ONLY_BY_NAME.includes(name) && ['>', '<', '>=', '<='].includes(n.operator))
      throw new JqlError(`The operator '${n.operator}' is not supported by the '${name}' field.`);
    if (name !== 'project') return;
    for (const v of n.values) {
      if (!store.projects.has(String(valueOf(v, now)).toUpperCase()))
        throw new JqlError(`The value '${valueOf(v, now)}' does not exist for the field 'project'.`);
    }
  };
  walk(query.where);
  for (const o of query.orderBy) checkField(o.field);
}

export function valueOf(v: JqlValue, now: () => Date): string | number {
  if (v.kind === 'relative' || v.kind === 'function') return dateOf(v, now);
  return v.value;
}

const DATE_FORMATS =
  "'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', " +
  "or a period format e.g. '-5d', '4w 2d'";

export function dateOf(v: JqlValue, now: () => Date): number {
  const n = now();
  if (v.kind === 'relative') return n.getTime() + v.ms;
  if (v.kind === 'function') {
    if (v.name === 'now') return n.getTime();
    const d = new Date(Date.UTC(n.getUTCFullYear(), n.getUTCMonth(), n.getUTCDate()));
    if (v.name === 'startofday') return d.getTime();
    if (v.name === 'startofweek') return d.getTime() - d.getUTCDay() * 86400000;
    if (v.name === 'startofmonth') return Date.UTC(n.getUTCFullYear(), n.getUTCMonth(), 1);
    if (v.name === 'startofyear') return Date.UTC(n.getUTCFullYear(), 0, 1);
    throw new JqlError(`Unable to find JQL function '${v.name}()'.`);
  }
  const period = periodMs(String(v.value));
  if (period !== null) return n.getTime() + period;
  const t = Date.parse(String(v.value).replace(/\//g, '-'));
  const invalid = `Date value '${v.value}' for field is invalid.`;
  if (Number.isNaN(t)) throw new JqlError(`${invalid} Valid formats include: ${DATE_FORMATS}.`);
  return t;
}

export function readProperty(
  store: EmulatorStore,
  issueKey: string,
  propertyKey: string,
  path: string,
): Scalar {
  const value = store.properties.get(issueKey)?.get(propertyKey);
  let cur: unknown = value;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[part];
  }
  if (typeof cur === 'string' || typeof cur === 'number') return cur;
  if (typeof cur === 'boolean') return String(cur);
  return null;
}

/** The plain text of an ADF document (for `~`). */
export function adfText(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as { text?: string; content?: unknown[] };
  return `${n.text ?? ''} ${(n.content ?? []).map(adfText).join(' ')}`.trim();
}

/** Jira's `~`: every word of the value occurs in the field (case-insensitive; no stemming here). */
export function containsWords(actual: unknown, wanted: unknown): boolean {
  const words = String(wanted).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const text = ` ${String(actual ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return words.length > 0 && words.every((w) => text.includes(` ${w} `));
}

/** The names JQL knows the site's story points field by: cf[id], its id and its name. */
export function storyPointClauses(fieldId: string): Set<string> {
  const id = fieldId.replace(/^customfield_/, '');
  return new Set([`cf[${id}]`, fieldId.toLowerCase(), 'story point estimate', 'story points']);
}
