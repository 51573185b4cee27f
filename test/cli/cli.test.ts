import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../../src/cli/bin.cjs');
const DEV_SET = resolve(__dirname, '../../../shared/data/dev-set.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'ob-cli-'));

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const line = (o: Record<string, unknown>) =>
  JSON.stringify({ key: 'A-1', type: 'Task', summary: 'Fix the login bug', ...o });

describe('classify', () => {
  it('prints one JSON line per item in the documented shape', () => {
    const r = run([
      'classify',
      file(
        'two.jsonl',
        [
          line({}),
          line({ key: 'A-2', type: 'Initiative', summary: 'Product vision and roadmap for next year' }),
        ].join('\n'),
      ),
    ]);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.key)).toEqual(['A-1', 'A-2']);
    expect(out[0]).toEqual({
      key: 'A-1',
      kind: 'tactical',
      strategicShare: expect.any(Number),
      confidence: expect.any(Number),
      evidence: expect.any(Array),
    });
    expect(out[1].kind).toBe('strategic');
    expect(out[1].evidence[0]).toEqual({
      side: 'PM',
      signal: expect.any(String),
      text: expect.any(String),
      seed: expect.stringMatching(/^00[0-4]$/),
    });
  });

  it.each([
    ['table', /^key\s+kind\s+share/],
    ['csv', /^key,kind,strategicShare,confidence,evidence/],
  ])('--format %s', (format, header) => {
    const r = run(['classify', file(`f-${format}.jsonl`, line({})), '--format', format]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(header);
    expect(r.stdout).toContain('A-1');
  });

  it('reads a Jira search response with ADF descriptions', () => {
    const r = run(['classify', resolve(__dirname, '../../../shared/fixtures/jira-cli/search.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').length).toBeGreaterThan(0);
  });

  it('reads a Jira CSV export with quoted multiline fields and repeated Labels columns', () => {
    const csv =
      'Summary,Issue key,Issue Type,Description,Labels,Labels,Parent,Custom field (Story point estimate)\n' +
      '"Define pricing strategy","SHOP-1",Epic,"Market research on competitors,\nthen decide pricing for next year",roadmap,strategy,,\n' +
      'Fix cart bug,SHOP-2,Bug,"Steps to reproduce: add item",,,SHOP-1,3\n';
    const r = run(['classify', file('export.csv', csv)]);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => [o.key, o.kind])).toEqual([['SHOP-1', 'strategic'], ['SHOP-2', 'tactical']]);
  });

  it('gives parents in the file as context to their children', () => {
    const r = run([
      'classify',
      file(
        'tree.jsonl',
        [
          line({
            key: 'E-1',
            type: 'Initiative',
            summary: 'Product vision, market positioning and pricing strategy for next year',
          }),
          line({ key: 'C-1', summary: 'Item 7', parent: 'E-1' }),
        ].join('\n'),
      ),
    ]);
    const child = JSON.parse(r.stdout.trim().split('\n')[1]!);
    expect(child.evidence.map((e: { signal: string }) => e.signal)).toContain('parent-epic');
  });
});

describe('bad input', () => {
  it.each([
    [
      'a malformed JSON line',
      [line({}), '{not json', line({ key: 'A-3' })].join('\n'),
      /line 2: not valid JSON/,
      2,
    ],
    [
      'wrong field types',
      [line({}), JSON.stringify({ key: 7, type: 'Task', summary: 'x' })].join('\n'),
      /line 2: key/,
      1,
    ],
    [
      'a missing summary',
      [JSON.stringify({ key: 'B-1', type: 'Task' }), line({})].join('\n'),
      /line 1: summary/,
      1,
    ],
    [
      'story points that are not numbers',
      [line({ storyPoints: 'lots' }), line({ key: 'A-2' })].join('\n'),
      /line 1: storyPoints/,
      1,
    ],
  ])(
    '%s is reported with its line number, skipped, and the run exits 1',
    (_n, content, message, goodRows) => {
      const r = run(['classify', file(`bad-${goodRows}-${Math.random()}.jsonl`, content)]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout.trim().split('\n')).toHaveLength(goodRows);
    },
  );

  it.each([
    ['an empty file', () => ['classify', file('empty.jsonl', '')], /is empty: nothing to classify/],
    ['a missing file', () => ['classify', join(dir, 'nope.jsonl')], /cannot read .*no such file/],
    ['an unknown command', () => ['frobnicate', 'x'], /unknown command "frobnicate"/],
    [
      'an unknown format',
      () => ['classify', file('ok.jsonl', line({})), '--format', 'xml'],
      /unknown format "xml"/,
    ],
    ['no file', () => ['classify'], /no input file given/],
    [
      'a CSV without the Jira columns',
      () => ['classify', file('other.csv', 'a,b\n1,2\n')],
      /not a Jira CSV export/,
    ],
  ])('%s gives a clear message, not a crash', (_n, args, message) => {
    const r = run(args());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('a 1 MB description is classified', () => {
    const r = run([
      'classify',
      file('huge.jsonl', line({ description: 'Refactor the settings page layout. '.repeat(30000) })),
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).kind).toBe('tactical');
  });
});

describe('evaluate and balance', () => {
  it('evaluate prints labeled in-sample metrics and ends with the leave-one-source-out macro-F1', () => {
    const r = run(['evaluate', DEV_SET]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^the shipped model on these rows \(in-sample on the dev set/);
    expect(r.stdout).toMatch(/confusion/);
    expect(r.stdout).toMatch(/worst misses/);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-2)).toMatch(/^macro-F1 in-sample, strategic vs tactical \d\.\d\d$/);
    expect(Number(lines.at(-2)!.split(' ').pop())).toBeGreaterThanOrEqual(0.85);
    expect(lines.at(-1)).toMatch(/^macro-F1 leave-one-source-out, pooled \d\.\d{3}$/);
    // The figure that predicts new sources: at least what the shipped model reaches today (README).
    expect(Number(lines.at(-1)!.split(' ').pop())).toBeGreaterThanOrEqual(0.85);
  });

  it('evaluate does not call figures in-sample on rows the model was not fitted on', () => {
    const r = run(['evaluate', join(__dirname, '..', 'data', 'titanium-calls-labeled.jsonl')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^the shipped model on these rows \(not the rows it was fitted on\)/);
    expect(r.stdout).not.toMatch(/in-sample/);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(
      /^macro-F1 on these rows, strategic vs tactical \d\.\d\d$/,
    );
  });

  it('evaluate refuses a file without gold labels', () => {
    const r = run(['evaluate', file('nogold.jsonl', line({}))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no row has a "gold" label/);
  });

  it('balance prints per project and per epic', () => {
    const r = run([
      'balance',
      file(
        'bal.jsonl',
        [
          line({ key: 'P-1', project: 'P', type: 'Epic', summary: 'Checkout' }),
          line({ key: 'P-2', project: 'P', parent: 'P-1', storyPoints: 3 }),
        ].join('\n'),
      ),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/by project\n\s+P\s+count S\/T\/M 0\/2\/0\s+points S\/T\/M 0\/3\/0/);
    expect(r.stdout).toMatch(/by epic[^\n]*\n\s+P-1 /);
  });
});

describe('evaluate by source', () => {
  it('scores each source of the dev set on its own, with the pooled figures and a bootstrap interval', () => {
    const r = run(['evaluate', DEV_SET]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^by source \(in-sample/m);
    expect(r.stdout).toMatch(/^by source \(leave-one-source-out/m);
    expect(r.stdout).toMatch(/^gold-mixed rows with a strategic share inside 0\.35–0\.65: \d+%$/m);
    const ratio = String.raw`(\d\.\d\d|n/a)`;
    for (const source of [
      'tidev/jira-archive',
      'PostHog/posthog.com',
      'kubernetes/enhancements',
      'open-telemetry/community',
    ]) {
      expect(r.stdout).toMatch(
        new RegExp(String.raw`^${source.replace('.', '\\.')} +\d+ +\d\.\d\d +${ratio} +${ratio}$`, 'm'),
      );
    }
    // Kubernetes has no strategic item and no strategic call: neither ratio exists.
    expect(r.stdout).toMatch(/^kubernetes\/enhancements +39 +\d\.\d\d +n\/a +n\/a$/m);
    expect(r.stdout).toMatch(/^pooled +362 /m);
    expect(r.stdout).toMatch(/^pooled 95% bootstrap interval: macro-F1 \d\.\d\d–\d\.\d\d/m);
  });
});
