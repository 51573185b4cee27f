/**
 * `classify` streams JSON Lines and Jira search responses (plain or gzipped) and gives exactly what
 * reading the whole file gives — braces and quotes inside strings, characters split across chunks,
 * an `issues` key nested elsewhere, and a 2 MB response all included.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { collect, run } from './cli-kit';
import { streamFormatOf } from '../../src/cli/stream-classify';
import { streamSearchIssues } from '../../src/cli/stream-search-response';

const dir = mkdtempSync(join(tmpdir(), 'ob-stream-'));
const DEV_SET = resolve(__dirname, '../../../shared/data/dev-set.jsonl');
const devRows = readFileSync(DEV_SET, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Record<string, unknown>);

/** The dev set as a search response, every description made awkward for a scanner, padded to about 2 MB. */
function searchResponse(): string {
  const tricky = ' { [ "quoted" ] } \\ é 漢字 🚀 '.repeat(200);
  const issues = devRows.map((r) => ({
    key: r.key,
    fields: {
      summary: r.summary,
      issuetype: { name: r.type },
      labels: r.labels ?? [],
      description: `${String(r.description ?? '')}${tricky}`,
      parent: r.parent ? { key: r.parent } : null,
      project: { key: r.project },
    },
  }));
  return JSON.stringify(
    { expand: 'names', names: { issues: [{ key: 'NOT-AN-ISSUE' }] }, issues, isLast: true },
    null,
    1,
  );
}


it('finds every issue of a search response and nothing else, across chunk boundaries', async () => {
  const file = join(dir, 'search.json.gz');
  writeFileSync(file, gzipSync(searchResponse()));
  const keys: string[] = [];
  for await (const issue of streamSearchIssues(file)) keys.push((issue as { key: string }).key);
  expect(keys).toEqual(devRows.map((r) => r.key));
});

it.each([
  ['JSON Lines', 'jsonl', () => readFileSync(DEV_SET, 'utf8'), false],
  ['gzipped JSON Lines', 'jsonl', () => readFileSync(DEV_SET, 'utf8'), true],
  ['a search response', 'jira-search', searchResponse, false],
  ['a gzipped search response', 'jira-search', searchResponse, true],
] as const)('classifies %s streamed exactly as read whole', async (name, format, content, gz) => {
  const file = join(dir, `${name.replace(/ /g, '-')}${gz ? '.gz' : ''}`);
  const plain = join(dir, `${name.replace(/ /g, '-')}.plain`);
  writeFileSync(file, gz ? gzipSync(content()) : content());
  writeFileSync(plain, content());
  expect(await streamFormatOf(file)).toBe(format);
  const streamed = await collect(['classify', file], true);
  expect(streamed.code).toBe(0);
  expect(streamed.out).toHaveLength(devRows.length);
  expect(streamed.out).toEqual((await collect(['classify', plain], false)).out);
});

it('standard input streams like a file: JSON Lines, gzipped or a CSV export, problems named', async () => {
  const whole = await collect(['classify', DEV_SET], false);
  const jsonl = readFileSync(DEV_SET, 'utf8');
  for (const input of [jsonl, gzipSync(jsonl)]) {
    const r = run(['classify', '-'], input);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.trim().split('\n')).toEqual(whole.out);
  }
  const csv = 'Summary,Issue key,Issue id,Parent id\nDecide our pricing for the launch,P-1,1,\n' +
    'Add the export button,P-2,2,1\n,,,\n"no key",,3,\n';
  const r = run(['classify', '-'], csv);
  expect(r.code).toBe(1);
  expect(r.stderr.trim()).toBe('standard input: line 5: row has no issue key (skipped)');
  const keys = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { key: string }).key);
  expect(keys).toEqual(['P-1', 'P-2']);
  expect(run(['classify', '-'], ''))
    .toMatchObject({ code: 2, stderr: expect.stringMatching(/^standard input is empty/) });
});
