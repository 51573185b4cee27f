/**
 * Classifies a JSON Lines file, a Jira search response or a Jira CSV export (plain or gzipped) as a
 * stream, in flat memory: pass one notes which keys are parents, pass two classifies those parents, pass
 * three classifies every item with its parent as context and hands each result on. Only the parents'
 * results are kept. A CSV export's parent ids are mapped to keys first (stream-csv-export.ts).
 */
import { classify, type Classification, type HierarchyContext } from '../domain';
import { isProblem, parseJsonlLine, searchIssueRow, type InputRow } from './read-work-items';
import { streamSearchIssues } from './stream-search-response';
import { openCsvExport, streamCsvRows, type CsvExport } from './stream-csv-export';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { isGzipFile, streamLines } from './stream-lines';
import { CsvParser } from './csv';
import { csvColumns } from './read-csv-export';

export type ProblemSink = (line: number, message: string) => void;

export type StreamFormat = 'jsonl' | 'jira-search' | 'jira-csv';

async function* rows(
  path: string, format: StreamFormat, onProblem: ProblemSink, csv: CsvExport | null,
): AsyncGenerator<InputRow> {
  if (csv) {
    for await (const r of streamCsvRows(path, csv)) {
      if (isProblem(r)) onProblem(r.line, r.message);
      else yield r;
    }
    return;
  }
  let n = 0;
  const source = format === 'jsonl' ? streamLines(path) : streamSearchIssues(path);
  for await (const raw of source) {
    n++;
    for (const r of format === 'jsonl' ? parseJsonlLine(raw as string, n) : [searchIssueRow(raw, n)]) {
      if (isProblem(r)) onProblem(r.line, r.message);
      else yield r;
    }
  }
}

export async function* classifyStream(path: string, onProblem: ProblemSink, format: StreamFormat = 'jsonl'):
  AsyncGenerator<InputRow & { result: Classification }> {
  const quiet: ProblemSink = () => undefined;
  const opened = format === 'jira-csv' ? await openCsvExport(path) : null;
  if (opened && 'message' in opened) { onProblem(opened.line, opened.message); return; }
  const parents = new Set<string>();
  for await (const r of rows(path, format, quiet, opened)) if (r.item.parent) parents.add(r.item.parent);
  const parentResults = new Map<string, Classification>();
  for await (const r of rows(path, format, quiet, opened))
    if (parents.has(r.item.key)) parentResults.set(r.item.key, classify(r.item));
  for await (const row of rows(path, format, onProblem, opened)) {
    const p =
      row.item.parent && row.item.parent !== row.item.key ? parentResults.get(row.item.parent) : undefined;
    const context: HierarchyContext | undefined = p
      ? { parent: { key: row.item.parent!, kind: p.kind, strategicShare: p.strategicShare } }
      : undefined;
    yield { ...row, result: classify(row.item, context) };
  }
}

/**
 * The streamable format of a file: JSON Lines (its first line a work item, a Jira issue or a search
 * response), a Jira search response (an object with an `issues` array) or a Jira CSV export (its header
 * names "Issue key" and "Summary"), else null (anything else is read whole, to say what it lacks).
 */
export async function streamFormatOf(path: string): Promise<StreamFormat | null> {
  const head = await firstBytes(path, 1024 * 1024);
  const firstLine = head.split('\n').find((l) => l.trim() !== '');
  const first = firstLine !== undefined && head.includes('\n') ? parseJsonlLine(firstLine, 1) : [];
  if (first.some((r) => !isProblem(r))) return 'jsonl';
  if (/^\s*\{/.test(head) && /"issues"\s*:\s*\[/.test(head)) return 'jira-search';
  const header = new CsvParser().push(head)[0];
  return header && csvColumns(header) ? 'jira-csv' : null;
}

/** The first `n` characters of a file (gunzipped when gzip), read raw: a one-line file is not read whole. */
async function firstBytes(path: string, n: number): Promise<string> {
  let input: Readable = createReadStream(path);
  if (isGzipFile(path)) input = input.pipe(createGunzip());
  const decoder = new StringDecoder('utf8');
  let text = '';
  for await (const chunk of input) {
    text += decoder.write(chunk as Buffer);
    if (text.length >= n) break;
  }
  input.destroy();
  return text.slice(0, n);
}
