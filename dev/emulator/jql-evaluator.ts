/** Evaluates a parsed JQL query against the emulator's issues, with issue-property search aliases. */
import { parseJql, type JqlField, type JqlNode } from './jql-parser';
import {
  adfText, checkQuery, containsWords, dateOf, readProperty, storyPointClauses, valueOf,
  type Alias, type EntityPropertyIndex, type Scalar,
} from './jql-fields';
import { categoryOf } from './workflow';
import type { EmuIssue, EmulatorStore } from './model';

export type { EntityPropertyIndex };

type Value = string | number;
const bothNumbers = (a: Value, b: Value): a is number => typeof a === 'number' && typeof b === 'number';
const eq = (a: Value, b: Value) =>
  bothNumbers(a, b) ? a === b : String(a).toLowerCase() === String(b).toLowerCase();
/** A clause's comparison: a number field compares numerically with the query's value, text by text. */
const cmp = (a: Value, b: Value) =>
  typeof a === 'number' ? a - Number(b) : String(a).localeCompare(String(b));
/** The sort's comparison: numbers numerically when both are, else as text. */
const order = (a: Value, b: Value) =>
  bothNumbers(a, b) ? a - (b as number) : String(a).localeCompare(String(b));
const DEFAULT_ORDER = [{ field: { kind: 'field', name: 'created' } as JqlField, direction: 'desc' as const }];

/** `caller` is whoever runs the query: currentUser() names them. */
export function compileJql(
  jql: string,
  store: EmulatorStore,
  index: EntityPropertyIndex[],
  now: () => Date,
  caller: string | null = null,
) {
  const pointsClauses = storyPointClauses(store.storyPointsField);
  const query = parseJql(jql);
  const aliases = new Map<string, Alias>();
  for (const e of index) {
    for (const v of e.values)
      if (v.searchAlias)
        aliases.set(v.searchAlias.toLowerCase(), { propertyKey: e.propertyKey, path: v.path, type: v.type });
  }
  checkQuery(query, store, aliases, pointsClauses, now);

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
    if (n.kind === 'and') return test(issue, n.left) && test(issue, n.right);
    if (n.kind === 'or') return test(issue, n.left) || test(issue, n.right);
    if (n.kind === 'not') return !test(issue, n.operand);
    const raw = read(issue, n.field);
    const actual = (Array.isArray(raw) ? raw : [raw]).filter((x): x is Value => x != null);
    if (n.operator === 'is empty') return actual.length === 0;
    if (n.operator === 'is not empty') return actual.length > 0;
    const wanted = n.values.map((v) => {
      if (v.kind === 'function' && v.name === 'currentuser') return caller ?? '';
      return isDate(n.field) ? dateOf(v, now) : valueOf(v, now);
    });
    const first = wanted[0]!;
    switch (n.operator) {
      case '=': return actual.some((a) => eq(a, first));
      case '!=': return actual.length > 0 && !actual.some((a) => eq(a, first));
      case 'in': return actual.some((a) => wanted.some((w) => eq(a, w)));
      case 'not in': return actual.length > 0 && !actual.some((a) => wanted.some((w) => eq(a, w)));
      case '>': return actual.some((a) => cmp(a, first) > 0);
      case '>=': return actual.some((a) => cmp(a, first) >= 0);
      case '<': return actual.some((a) => cmp(a, first) < 0);
      case '<=': return actual.some((a) => cmp(a, first) <= 0);
      case '~': return actual.some((a) => containsWords(a, first));
      default: return false;
    }
  };

  const sortKey = (issue: EmuIssue, f: JqlField): Value => {
    if (f.kind === 'field' && (f.name === 'key' || f.name === 'issuekey'))
      return `${issue.projectKey}-${String(Number(issue.key.split('-')[1])).padStart(9, '0')}`;
    const v = read(issue, f);
    const first = Array.isArray(v) ? v[0] : v;
    return first ?? '';
  };

  return {
    matches: (issue: EmuIssue) => (query.where ? test(issue, query.where) : true),
    sort: (issues: EmuIssue[]) => {
      const orderBy = query.orderBy.length ? query.orderBy : DEFAULT_ORDER;
      return issues.sort((a, b) => {
        for (const o of orderBy) {
          const x = sortKey(a, o.field);
          const y = sortKey(b, o.field);
          const c = order(x, y);
          if (c !== 0) return o.direction === 'asc' ? c : -c;
        }
        return Number(a.id) - Number(b.id);
      });
    },
  };
}
