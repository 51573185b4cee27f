/**
 * A Jira CSV export. Columns as Jira writes them: "Issue key", "Issue id", "Summary", "Issue Type",
 * "Description", "Parent" / "Parent id" (the parent's numeric id, mapped to its key through the file's
 * "Issue id" column) or "Parent key", "Custom field (Epic Link)" (a key), repeated "Labels" and
 * "Component/s" columns, story points under their custom-field name.
 */
import { readCsv, UNCLOSED_QUOTE } from './csv';
import type { InputProblem, InputRow, ReadResult } from './read-work-items';

export const NOT_AN_EXPORT = 'not a Jira CSV export: the header needs "Issue key" and "Summary" columns';

function columnsOf(header: string[]) {
  const is = (h: string, name: string) => h.toLowerCase() === name.toLowerCase();
  const col = (...names: string[]) => header.findIndex((h) => names.some((n) => is(h, n)));
  const cols = (name: string) =>
    header.map((h, i) => (is(h, name) ? i : -1)).filter((i) => i >= 0);
  return {
    key: col('Issue key', 'Key'), summary: col('Summary'), type: col('Issue Type', 'Type'),
    description: col('Description'), parentKey: col('Parent key'), parentId: col('Parent id', 'Parent'),
    epicLink: col('Custom field (Epic Link)', 'Epic Link'), id: col('Issue id'), project: col('Project key'),
    created: col('Created'), status: col('Status'),
    points: col('Custom field (Story point estimate)', 'Custom field (Story Points)', 'Story Points',
      'Story point estimate'),
    labels: cols('Labels'), components: cols('Component/s'),
  };
}

export type CsvColumns = ReturnType<typeof columnsOf>;

/** The export's columns, from its header record; null when it is not a Jira CSV export. */
export function csvColumns(header: string[]): CsvColumns | null {
  const idx = columnsOf(header.map((h) => h.trim()));
  return idx.key < 0 || idx.summary < 0 ? null : idx;
}

const cell = (cells: string[], j: number) => (j >= 0 ? (cells[j] ?? '').trim() : '');

/** This record's issue id and key, and the numeric id of its parent when it names one. */
export const csvIds = (idx: CsvColumns, cells: string[]) => {
  const parentId = cell(cells, idx.parentId);
  const numeric = /^\d+$/.test(parentId) ? parentId : null;
  return { id: cell(cells, idx.id), key: cell(cells, idx.key), parentId: numeric };
};

/**
 * A record as a work item (null for a blank record), its parent's numeric id mapped to a key through
 * `keyById`; `line` is the record's number, the header being 1.
 */
export function csvRecordRow(
  idx: CsvColumns, keyById: ReadonlyMap<string, string>, cells: string[], line: number,
): InputRow | InputProblem | null {
  const get = (j: number) => cell(cells, j);
  if (cells.every((c) => c.trim() === '')) return null;
  if (!get(idx.key)) return { line, message: 'row has no issue key' };
  const pointsText = get(idx.points);
  const points = pointsText === '' ? null : Number(pointsText);
  if (points !== null && !Number.isFinite(points))
    return { line, message: `story points "${pointsText}" is not a number` };
  const byId = get(idx.parentId);
  const fromId = /^\d+$/.test(byId) ? keyById.get(byId) : byId || undefined;
  return { line, item: {
    key: get(idx.key), summary: get(idx.summary), type: get(idx.type) || 'Task',
    description: get(idx.description) || null, project: get(idx.project) || undefined,
    labels: idx.labels.map(get).filter(Boolean), components: idx.components.map(get).filter(Boolean),
    parent: get(idx.parentKey) || fromId || get(idx.epicLink) || null, storyPoints: points,
    created: get(idx.created) || undefined, status: get(idx.status) || undefined,
  } };
}

export function readJiraCsv(text: string): ReadResult {
  const { records: table, unclosedQuote } = readCsv(text);
  const idx = csvColumns(table[0] ?? []);
  if (!idx) return { format: 'csv', rows: [], problems: [{ line: 1, message: NOT_AN_EXPORT }] };
  const keyById = new Map(table.slice(1).map((cells) => csvIds(idx, cells))
    .filter((r) => r.id !== '').map((r) => [r.id, r.key] as const));
  const rows: InputRow[] = [];
  const problems: InputProblem[] = [];
  table.slice(1).forEach((cells, i) => {
    if (unclosedQuote && i === table.length - 2) {
      problems.push({ line: i + 2, message: UNCLOSED_QUOTE });
      return;
    }
    const r = csvRecordRow(idx, keyById, cells, i + 2);
    if (r && 'item' in r) rows.push(r);
    else if (r) problems.push(r);
  });
  return { format: 'csv', rows, problems };
}
