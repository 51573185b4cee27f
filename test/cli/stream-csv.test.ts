/**
 * `classify` streams a Jira CSV export (plain or gzipped) and gives exactly what reading the whole file
 * gives: quotes, commas, CRLF and newlines inside fields, characters split across chunks, numeric
 * "Parent id"s mapped to keys, and a record the export gets wrong.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CsvParser, csvField, parseCsv, readCsv } from '../../src/cli/csv';
import { collect } from './cli-kit';
import { streamFormatOf } from '../../src/cli/stream-classify';
import { seededRandom } from '../../src/domain/seeded-random';

const dir = mkdtempSync(join(tmpdir(), 'ob-stream-csv-'));
const devRows = readFileSync(resolve(__dirname, '../../../shared/data/dev-set.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Record<string, string | string[] | null>);

/** The dev set as Jira exports it: numeric ids, the parent by id, two Labels columns, CRLF line ends. */
function jiraExport(): string {
  const idOf = new Map(devRows.map((r, i) => [r.key as string, String(10000 + i)]));
  const header = ['Summary', 'Issue key', 'Issue id', 'Parent id', 'Issue Type', 'Labels', 'Labels',
    'Project key', 'Description', 'Custom field (Story point estimate)'];
  const records = devRows.map((r, i) => {
    const labels = (r.labels as string[] | null) ?? [];
    const tricky = i % 3 === 0 ? '\r\nSaid "ship it", then: 漢字 🚀, done.' : '';
    return [r.summary as string, r.key as string, idOf.get(r.key as string)!,
      r.parent ? (idOf.get(r.parent as string) ?? '') : '', r.type as string,
      labels[0] ?? '', labels[1] ?? '',
      r.project as string, `${r.description ?? ''}${tricky}`, i % 4 === 0 ? String(i % 8) : ''];
  });
  const bad = ['Story points in words', 'BAD-1', '99999', '', 'Story', '', '', 'BAD', 'x', 'three'];
  return [header, ...records.slice(0, 7), bad, ...records.slice(7)]
    .map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}


it('reads a text cut into any pieces exactly as the whole text', () => {
  const text = jiraExport().slice(0, 60_000) + 'last,"record ""without"" a newline"';
  const whole = parseCsv(text);
  expect(whole.length).toBeGreaterThan(20);
  const random = seededRandom(3);
  for (let run = 0; run < 20; run++) {
    const parser = new CsvParser();
    const records: string[][] = [];
    for (let at = 0; at < text.length;) {
      const size = 1 + Math.floor(random() * (run < 10 ? 4 : 4000));
      records.push(...parser.push(text.slice(at, at + size)));
      at += size;
    }
    records.push(...parser.end());
    expect(records).toEqual(whole);
  }
});

it.each([
  ['a Jira CSV export', false],
  ['a gzipped Jira CSV export', true],
])('classifies %s streamed exactly as read whole, parents mapped from their ids', async (name, gz) => {
  const file = join(dir, `${name.replace(/ /g, '-')}${gz ? '.csv.gz' : '.csv'}`);
  const plain = join(dir, `${name.replace(/ /g, '-')}.plain.csv`);
  writeFileSync(file, gz ? gzipSync(jiraExport()) : jiraExport());
  writeFileSync(plain, jiraExport());
  expect(await streamFormatOf(file)).toBe('jira-csv');
  const streamed = await collect(['classify', file], true);
  const whole = await collect(['classify', plain], false);
  expect(streamed.code).toBe(1);
  expect(streamed.out).toHaveLength(devRows.length);
  expect(streamed.out).toEqual(whole.out);
  expect(streamed.err).toEqual([`${file}: line 9: story points "three" is not a number (skipped)`]);
  // Each parent named by id is read as its key: the evidence names it.
  const leans = streamed.out.flatMap((l) => {
    const r = JSON.parse(l) as { key: string; evidence: Array<{ text: string }> };
    return r.evidence.flatMap((e) => /^Leans on its parent (\S+)/.exec(e.text)?.[1] ?? [])
      .map((parent) => [parent, devRows.find((d) => d.key === r.key)?.parent]);
  });
  expect(leans.length).toBeGreaterThan(10);
  expect(leans.filter(([named, real]) => named !== real)).toEqual([]);
});

it('a CSV file that is not a Jira export is read whole, and its message names what is missing', async () => {
  const file = join(dir, 'not-an-export.csv');
  writeFileSync(file, 'Name,Value\nfoo,1\n');
  expect(await streamFormatOf(file)).toBeNull();
  const r = await collect(['classify', file], true);
  expect(r.code).toBe(1);
  expect(r.err[0]).toMatch(/line 1: not a Jira CSV export: the header needs "Issue key" and "Summary"/);
});

it('knows when a text ends inside a quoted field, however it was cut', () => {
  expect(readCsv('a,"b\nc').unclosedQuote).toBe(true);
  expect(readCsv('a,"b ""quoted"""').unclosedQuote).toBe(false);
  const parser = new CsvParser();
  parser.push('a,"b"');
  parser.push('"');
  parser.end();
  expect(parser.unclosedQuote).toBe(true);
});

it('an unclosed quote is named, streamed or read whole; the records before it are kept', async () => {
  const text = 'Summary,Issue key\n"Pricing for the launch",X-1\n"never closed,X-2\nPlan,X-3\n';
  const file = join(dir, 'unclosed.csv');
  writeFileSync(file, text);
  const message = `${file}: line 3: a quoted field is never closed: the rest of the file was read into it ` +
    '(a missing closing ") (skipped)';
  for (const async of [true, false]) {
    const r = await collect(['classify', file], async);
    expect([async, r.code, r.err]).toEqual([async, 1, [message]]);
    expect(r.out.map((l) => (JSON.parse(l) as { key: string }).key)).toEqual(['X-1']);
  }
});
