/**
 * Reads work items from what Jira exports: JSON Lines of work items (shared/docs/work-items-jsonl.md),
 * of Jira issues or of search responses; a single issue (the GET /rest/api/3/issue response); a search
 * response (`{ issues: [{ key, fields }] }`, as /rest/api/3/search/jql returns it); a Jira CSV export.
 * Every row is validated; a bad row is reported with its line number and skipped, never fatal.
 */
import { z } from 'zod';
import { workItemFromFields, type Kind, type WorkItem } from '../domain';
import { readJiraCsv } from './read-csv-export';

export interface InputRow {
  line: number; item: WorkItem; gold?: Kind; goldShare?: number | null;
  /** Where a labeled row came from (`owner/repo:path@commit`), for per-source evaluation. */
  source?: string;
}
export interface InputProblem { line: number; message: string }
export interface ReadResult {
  format: 'jsonl' | 'csv' | 'jira-search' | 'jira-issue';
  rows: InputRow[];
  problems: InputProblem[];
}

/** Named whenever an input matches none of them. */
export const ACCEPTED_FORMATS =
  'JSON Lines (one work item, Jira issue or search response per line), a Jira issue ' +
  '(the GET /rest/api/3/issue response), a Jira search response ({"issues": [...]}) or a Jira CSV export ' +
  '(with "Issue key" and "Summary" columns)';
/** What `audit` streams: every format above but a single issue. */
export const AUDIT_FORMATS =
  'JSON Lines (one work item, Jira issue or search response per line), a Jira search response ' +
  '({"issues": [...]}) or a Jira CSV export (with "Issue key" and "Summary" columns)';

const JsonlRowSchema = z.object({
  key: z.string().min(1),
  project: z.string().optional(),
  type: z.string().min(1),
  summary: z.string(),
  description: z.union([z.string(), z.record(z.string(), z.unknown()), z.null()]).optional(),
  labels: z.array(z.string()).optional(),
  components: z.array(z.string()).optional(),
  parent: z.string().nullable().optional(),
  storyPoints: z.number().finite().nullable().optional(),
  created: z.string().optional(),
  status: z.string().optional(),
  gold: z.enum(['strategic', 'tactical', 'mixed']).optional(),
  source: z.string().optional(),
  goldShare: z.number().min(0).max(1).nullable().optional(),
});

const JiraIssueSchema = z.object({
  key: z.string().min(1),
  fields: z.object({
    summary: z.string().optional(),
    description: z.unknown().optional(),
    issuetype: z.object({ name: z.string() }).partial().optional(),
    labels: z.array(z.string()).optional(),
    components: z.array(z.object({ name: z.string() }).partial()).optional(),
    parent: z.object({ key: z.string() }).partial().nullable().optional(),
    project: z.object({ key: z.string() }).partial().optional(),
    created: z.string().optional(),
    status: z.object({ name: z.string() }).partial().nullable().optional(),
  }).catchall(z.unknown()),
});

function describe(error: z.ZodError): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
}

function toItem(row: z.infer<typeof JsonlRowSchema>): WorkItem {
  const { gold: _g, goldShare: _s, source: _src, ...item } = row;
  return item as WorkItem;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One JSON value of an input: a work item, a Jira issue (`{ key, fields }`) or a search response. */
function parseJsonValue(value: unknown, line: number): Array<InputRow | InputProblem> {
  if (isObject(value) && Array.isArray(value.issues)) {
    return value.issues.map((issue, i) => withLine(searchIssueRow(issue, i + 1), line));
  }
  if (isObject(value) && isObject(value.fields)) return [withLine(searchIssueRow(value, 1), line)];
  const parsed = JsonlRowSchema.safeParse(value);
  if (!parsed.success) return [{ line, message: describe(parsed.error) }];
  return [
    {
      line,
      item: toItem(parsed.data),
      gold: parsed.data.gold,
      goldShare: parsed.data.goldShare ?? null,
      ...(parsed.data.source ? { source: parsed.data.source } : {}),
    },
  ];
}

const withLine = (r: InputRow | InputProblem, line: number): InputRow | InputProblem => ({ ...r, line });

/** One line of JSON Lines: its rows and problems (none for a blank line). */
export function parseJsonlLine(raw: string, line: number): Array<InputRow | InputProblem> {
  if (raw.trim() === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return [{ line, message: `not valid JSON (${(e as Error).message.slice(0, 80)})` }];
  }
  return parseJsonValue(value, line);
}

export const isProblem = (r: InputRow | InputProblem): r is InputProblem => 'message' in r;

function readJsonl(text: string): ReadResult {
  const rows: InputRow[] = [];
  const problems: InputProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    for (const r of parseJsonlLine(raw, i + 1)) (isProblem(r) ? problems.push(r) : rows.push(r));
  });
  return { format: 'jsonl', rows, problems };
}

function storyPointsOf(fields: Record<string, unknown>): number | null {
  for (const id of ['customfield_10016', 'customfield_10026', 'customfield_10002', 'storyPoints']) {
    const v = fields[id];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return null;
}

/** One issue of a Jira search response (1-based `index`) as a row, or the problem with it. */
export function searchIssueRow(issue: unknown, index: number): InputRow | InputProblem {
  const parsed = JiraIssueSchema.safeParse(issue);
  if (!parsed.success) return { line: index, message: `issue ${index}: ${describe(parsed.error)}` };
  const f = parsed.data.fields;
  return { line: index, item: workItemFromFields(parsed.data.key, f, storyPointsOf(f)) };
}

function readJiraSearch(value: { issues?: unknown }): ReadResult {
  const rows: InputRow[] = [];
  const problems: InputProblem[] = [];
  (Array.isArray(value.issues) ? value.issues : []).forEach((issue, i) => {
    const r = searchIssueRow(issue, i + 1);
    if (isProblem(r)) problems.push(r);
    else rows.push(r);
  });
  return { format: 'jira-search', rows, problems };
}

function split(results: Array<InputRow | InputProblem>): { rows: InputRow[]; problems: InputProblem[] } {
  return { rows: results.filter((r): r is InputRow => !isProblem(r)), problems: results.filter(isProblem) };
}

/** Detects the format and reads every row it can. */
export function readWorkItems(text: string): ReadResult {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let whole: unknown;
    try { whole = JSON.parse(trimmed); } catch { whole = undefined; }
    if (isObject(whole) && Array.isArray(whole.issues)) return readJiraSearch(whole as { issues: unknown[] });
    if (isObject(whole) && isObject(whole.fields))
      return { format: 'jira-issue', ...split(parseJsonValue(whole, 1)) };
    if (Array.isArray(whole))
      return { format: 'jsonl', ...split(whole.flatMap((v, i) => parseJsonValue(v, i + 1))) };
    return readJsonl(text);
  }
  return readJiraCsv(text);
}
