import { resolve } from 'node:path';
import { file, line, run, workDir } from './cli-kit';

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
      '"Define pricing strategy","SHOP-1",Epic,' +
      '"Market research on competitors,\nthen decide pricing for next year",roadmap,strategy,,\n' +
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
    ['a missing file', () => ['classify', workDir('nope.jsonl')], /cannot read .*no such file/],
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
