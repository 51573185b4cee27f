/**
 * A Jira CSV export. Columns as Jira writes them: "Issue key", "Issue id", "Summary", "Issue Type",
 * "Description", "Parent" / "Parent id" (the parent's numeric id, mapped to its key through the file's
 * "Issue id" column) or "Parent key", "Custom field (Epic Link)" (a key), repeated "Labels" and
 * "Component/s" columns, story points under their custom-field name.
 */
import { parseCsv } from './csv';
import type { InputProblem, InputRow, ReadResult } from './read-work-items';

const NOT_AN_EXPORT = 'not a Jira CSV export: the header needs "Issue key" and "Summary" columns';

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

export function readJiraCsv(text: string): ReadResult {
  const table = parseCsv(text);
  const idx = columnsOf((table[0] ?? []).map((h) => h.trim()));
  if (idx.key < 0 || idx.summary < 0) {
    return { format: 'csv', rows: [], problems: [{ line: 1, message: NOT_AN_EXPORT }] };
  }
  const cell = (cells: string[], j: number) => (j >= 0 ? (cells[j] ?? '').trim() : '');
  const keyById = new Map(table.slice(1)
    .map((cells) => [cell(cells, idx.id), cell(cells, idx.key)] as const)
    .filter(([id]) => id !== ''));
  const parentOf = (cells: string[]) => {
    const byId = cell(cells, idx.parentId);
    const fromId = /^\d+$/.test(byId) ? keyById.get(byId) : byId || undefined;
    return cell(cells, idx.parentKey) || fromId || cell(cells, idx.epicLink) || null;
  };
  const rows: InputRow[] = [];
  const problems: InputProblem[] = [];
  table.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const get = (j: number) => cell(cells, j);
    if (cells.every((c) => c.trim() === '')) return;
    if (!get(idx.key)) { problems.push({ line, message: 'row has no issue key' }); return; }
    const pointsText = get(idx.points);
    const points = pointsText === '' ? null : Number(pointsText);
    if (points !== null && !Number.isFinite(points)) {
      problems.push({ line, message: `story points "${pointsText}" is not a number` });
      return;
    }
    rows.push({ line, item: {
      key: get(idx.key), summary: get(idx.summary), type: get(idx.type) || 'Task',
      description: get(idx.description) || null, project: get(idx.project) || undefined,
      labels: idx.labels.map(get).filter(Boolean), components: idx.components.map(get).filter(Boolean),
      parent: parentOf(cells), storyPoints: points, created: get(idx.created) || undefined,
      status: get(idx.status) || undefined,
    } });
  });
  return { format: 'csv', rows, problems };
}
