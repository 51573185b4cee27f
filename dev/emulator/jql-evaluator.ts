/** Evaluates a parsed JQL query against the emulator's issues, with issue-property search aliases. */
import { JqlError, JqlNotEmulated, parseJql, type JqlField, type JqlNode, type JqlValue } from './jql-parser';
import { categoryOf } from './workflow';
import type { EmuIssue, EmulatorStore } from './model';

export interface EntityPropertyIndex { propertyKey: string; values: Array<{ path: string; type: 'string' | 'number' | 'date' | 'user' | 'text'; searchAlias?: string }> }

type Scalar = string | number | null;

const FIELDS = new Set(['project', 'issuetype', 'type', 'parent', 'key', 'issuekey', 'id', 'created', 'createddate', 'updated', 'updateddate',
  'labels', 'status', 'statuscategory', 'summary', 'description', 'text', 'assignee', 'reporter']);
/** Fields that `~` (contains the words) applies to. */
const TEXT_FIELDS = new Set(['summary', 'description', 'text']);
/** Jira fields this local Jira does not evaluate: a query using them answers 501, not a false 400. */
const NOT_EMULATED = new Set(['priority', 'component', 'components', 'rank', 'fixversion', 'affectedversion', 'sprint', 'resolution',
  'resolutiondate', 'duedate', 'environment', 'comment', 'watcher', 'watchers', 'votes', 'epic link', 'team', 'creator', 'level']);

/** `caller` is whoever runs the query: currentUser() names them. */
export function compileJql(jql: string, store: EmulatorStore, index: EntityPropertyIndex[], now: () => Date, caller: string | null = null) {
  const pointsClauses = storyPointClauses(store.storyPointsField);
  const query = parseJql(jql);
  const aliases = new Map<string, { propertyKey: string; path: string; type: string }>();
  for (const e of index) for (const v of e.values) if (v.searchAlias) aliases.set(v.searchAlias.toLowerCase(), { propertyKey: e.propertyKey, path: v.path, type: v.type });

  const checkField = (f: JqlField) => {
    if (f.kind === 'property') return;
    if (pointsClauses.has(f.name)) return;
    if (NOT_EMULATED.has(f.name) || /^cf\[\d+\]$/.test(f.name)) throw new JqlNotEmulated(`not emulated in the local Jira: the JQL field '${f.name}'`);
    if (!FIELDS.has(f.name) && !aliases.has(f.name)) throw new JqlError(`Field '${f.name}' does not exist or you do not have permission to view it.`);
  };
  const walk = (n: JqlNode | null): void => {
    if (!n) return;
    if (n.kind === 'clause') {
      checkField(n.field);
      if (n.operator === '~' && !(n.field.kind === 'field' && TEXT_FIELDS.has(n.field.name))) {
        throw new JqlError(`The operator '~' is not supported by the '${n.field.kind === 'field' ? n.field.name : 'property'}' field.`);
      }
      if (n.field.kind === 'field' && ['project', 'issuetype', 'type'].includes(n.field.name) && ['>', '<', '>=', '<='].includes(n.operator)) throw new JqlError(`The operator '${n.operator}' is not supported by the '${n.field.name}' field.`);
      if (n.field.kind === 'field' && n.field.name === 'project') for (const v of n.values) {
        const key = String(valueOf(v, now)).toUpperCase();
        if (!store.projects.has(key)) throw new JqlError(`The value '${valueOf(v, now)}' does not exist for the field 'project'.`);
      }
    } else if (n.kind === 'not') walk(n.operand);
    else { walk(n.left); walk(n.right); }
  };
  walk(query.where);
  for (const o of query.orderBy) checkField(o.field);

  const read = (issue: EmuIssue, f: JqlField): Scalar | Scalar[] => {
    if (f.kind === 'property') return readProperty(store, issue.key, f.propertyKey, f.path);
    const alias = aliases.get(f.name);
    if (alias) return readProperty(store, issue.key, alias.propertyKey, alias.path);
    if (pointsClauses.has(f.name)) return issue.storyPoints;
    switch (f.name) {
      case 'project': return [issue.projectKey, store.projects.get(issue.projectKey)?.id ?? null];
      case 'issuetype': case 'type': return issue.type;
      case 'parent': return issue.parent;
      case 'key': case 'issuekey': return issue.key;
      case 'id': return Number(issue.id);
      case 'created': case 'createddate': return Date.parse(issue.created);
      case 'updated': case 'updateddate': return Date.parse(issue.updated);
      case 'labels': return issue.labels;
      case 'status': return issue.status;
      case 'statuscategory': return [categoryOf(issue.status).key, categoryOf(issue.status).name];
      case 'summary': return issue.summary;
      case 'description': return adfText(issue.description);
      case 'text': return `${issue.summary} ${adfText(issue.description)}`;
      case 'assignee': return issue.assignee;
      case 'reporter': return issue.reporter;
      default: return null;
    }
  };
  const isDate = (f: JqlField) => f.kind === 'field' && /^(created|updated)/.test(f.name);

  const test = (issue: EmuIssue, n: JqlNode): boolean => {
    if (n.kind === 'and' || n.kind === 'or') return n.kind === 'and' ? test(issue, n.left) && test(issue, n.right) : test(issue, n.left) || test(issue, n.right);
    if (n.kind === 'not') return !test(issue, n.operand);
    const raw = read(issue, n.field);
    const actual = (Array.isArray(raw) ? raw : [raw]).filter((x): x is string | number => x !== null && x !== undefined);
    if (n.operator === 'is empty') return actual.length === 0;
    if (n.operator === 'is not empty') return actual.length > 0;
    const wanted = n.values.map((v) => (v.kind === 'function' && v.name === 'currentuser' ? caller ?? '' : isDate(n.field) ? dateOf(v, now) : valueOf(v, now)));
    const eq = (a: string | number, b: string | number) => (typeof a === 'number' && typeof b === 'number' ? a === b : String(a).toLowerCase() === String(b).toLowerCase());
    const cmp = (a: string | number, b: string | number) => (typeof a === 'number' ? a - Number(b) : String(a).localeCompare(String(b)));
    switch (n.operator) {
      case '=': return actual.some((a) => eq(a, wanted[0]!));
      case '!=': return actual.length > 0 && !actual.some((a) => eq(a, wanted[0]!));
      case 'in': return actual.some((a) => wanted.some((w) => eq(a, w)));
      case 'not in': return actual.length > 0 && !actual.some((a) => wanted.some((w) => eq(a, w)));
      case '>': return actual.some((a) => cmp(a, wanted[0]!) > 0);
      case '>=': return actual.some((a) => cmp(a, wanted[0]!) >= 0);
      case '<': return actual.some((a) => cmp(a, wanted[0]!) < 0);
      case '<=': return actual.some((a) => cmp(a, wanted[0]!) <= 0);
      case '~': return actual.some((a) => containsWords(a, wanted[0]));
      default: return false;
    }
  };

  const sortKey = (issue: EmuIssue, f: JqlField): string | number => {
    if (f.kind === 'field' && (f.name === 'key' || f.name === 'issuekey')) return `${issue.projectKey}-${String(Number(issue.key.split('-')[1])).padStart(9, '0')}`;
    const v = read(issue, f);
    const first = Array.isArray(v) ? v[0] : v;
    return first ?? '';
  };

  return {
    matches: (issue: EmuIssue) => (query.where ? test(issue, query.where) : true),
    sort: (issues: EmuIssue[]) => {
      const order = query.orderBy.length ? query.orderBy : [{ field: { kind: 'field', name: 'created' } as JqlField, direction: 'desc' as const }];
      return issues.sort((a, b) => {
        for (const o of order) {
          const x = sortKey(a, o.field), y = sortKey(b, o.field);
          const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
          if (c !== 0) return o.direction === 'asc' ? c : -c;
        }
        return Number(a.id) - Number(b.id);
      });
    },
  };
}

function valueOf(v: JqlValue, now: () => Date): string | number {
  if (v.kind === 'relative' || v.kind === 'function') return dateOf(v, now);
  return v.value;
}

function dateOf(v: JqlValue, now: () => Date): number {
  const n = now();
  if (v.kind === 'relative') return n.getTime() + v.days * 86400000;
  if (v.kind === 'function') {
    if (v.name === 'now') return n.getTime();
    const d = new Date(Date.UTC(n.getUTCFullYear(), n.getUTCMonth(), n.getUTCDate()));
    if (v.name === 'startofday') return d.getTime();
    if (v.name === 'startofweek') return d.getTime() - d.getUTCDay() * 86400000;
    if (v.name === 'startofmonth') return Date.UTC(n.getUTCFullYear(), n.getUTCMonth(), 1);
    if (v.name === 'startofyear') return Date.UTC(n.getUTCFullYear(), 0, 1);
    throw new JqlError(`Unable to find JQL function '${v.name}()'.`);
  }
  const t = Date.parse(String(v.value).replace(/\//g, '-'));
  if (Number.isNaN(t)) throw new JqlError(`Date value '${v.value}' for field is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`);
  return t;
}

function readProperty(store: EmulatorStore, issueKey: string, propertyKey: string, path: string): Scalar {
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
function adfText(node: unknown): string {
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
function storyPointClauses(fieldId: string): Set<string> {
  const id = fieldId.replace(/^customfield_/, '');
  return new Set([`cf[${id}]`, fieldId.toLowerCase(), 'story point estimate', 'story points']);
}
