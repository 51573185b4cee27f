/**
 * A Jira CSV export read as a stream (gunzipped when gzip), in flat memory: the records are parsed
 * piece by piece, and of the issue ids only those some record names as its parent are kept, to map
 * "Parent id" to a key. What it yields is what reading the whole file gives (read-csv-export.ts).
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { CsvParser, UNCLOSED_QUOTE } from './csv';
import { csvColumns, csvIds, csvRecordRow, NOT_AN_EXPORT, type CsvColumns } from './read-csv-export';
import type { InputProblem, InputRow } from './read-work-items';
import { isGzipFile } from './stream-lines';

/**
 * The file's records, each with its number (the header is record 1); the last is `unclosed` when the file
 * ends inside a quoted field.
 */
export async function* streamCsvRecords(
  path: string,
): AsyncGenerator<{ cells: string[]; line: number; unclosed?: boolean }> {
  let input: Readable = createReadStream(path);
  if (isGzipFile(path)) input = input.pipe(createGunzip());
  const decoder = new StringDecoder('utf8');
  const parser = new CsvParser();
  let line = 0;
  for await (const chunk of input) {
    for (const cells of parser.push(decoder.write(chunk as Buffer))) yield { cells, line: ++line };
  }
  const last = [...parser.push(decoder.end()), ...parser.end()];
  for (const [i, cells] of last.entries()) {
    const unclosed = parser.unclosedQuote && i === last.length - 1;
    yield { cells, line: ++line, ...(unclosed ? { unclosed } : {}) };
  }
}

export interface CsvExport { columns: CsvColumns; keyById: Map<string, string> }

/**
 * Reads the header and maps the parent ids the records name to their keys (two passes); a problem when the
 * file is not a Jira CSV export.
 */
export async function openCsvExport(path: string): Promise<CsvExport | InputProblem> {
  let columns: CsvColumns | null = null;
  const wanted = new Set<string>();
  for await (const { cells, line } of streamCsvRecords(path)) {
    if (line === 1) columns = csvColumns(cells);
    else if (columns) { const p = csvIds(columns, cells).parentId; if (p) wanted.add(p); }
    if (!columns) return { line: 1, message: NOT_AN_EXPORT };
  }
  if (!columns) return { line: 1, message: NOT_AN_EXPORT };
  const keyById = new Map<string, string>();
  if (wanted.size > 0) {
    for await (const { cells, line } of streamCsvRecords(path)) {
      const { id, key } = csvIds(columns, cells);
      if (line > 1 && wanted.has(id)) keyById.set(id, key);
    }
  }
  return { columns, keyById };
}

/** The export's work items and problems, in file order. */
export async function* streamCsvRows(
  path: string, opened: CsvExport,
): AsyncGenerator<InputRow | InputProblem> {
  for await (const { cells, line, unclosed } of streamCsvRecords(path)) {
    if (line === 1) continue;
    if (unclosed) { yield { line, message: UNCLOSED_QUOTE }; continue; }
    const r = csvRecordRow(opened.columns, opened.keyById, cells, line);
    if (r) yield r;
  }
}
