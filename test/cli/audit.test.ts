/**
 * `ownership-balance audit`: the per-type table, every strategic and mixed call, a reproducible sample; gzip
 * or not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DEV_SET, file, run, workDir } from './cli-kit';

const gz = file('dev-set.jsonl.gz', '');
writeFileSync(gz, gzipSync(readFileSync(DEV_SET)));

describe('audit', () => {
  it('prints rates per issue type and every strategic and mixed call with its evidence, gzipped', () => {
    const r = run(['audit', gz, '--sample', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^items: 386$/m);
    expect(r.stdout).toMatch(/^type +items +strategic +mixed +tactical$/m);
    expect(r.stdout).toMatch(/^all +386 +\d+ \(\d+\.\d\d%\) +\d+ \(\d+\.\d\d%\) +\d+ \(\d+\.\d\d%\)$/m);
    const calls = Number(/^strategic and mixed calls: (\d+)/m.exec(r.stdout)![1]);
    expect(calls).toBeGreaterThan(20);
    expect(r.stdout.split('\n').filter((l) => /^ {2}\S+ +(strategic|mixed) /.test(l))).toHaveLength(calls);
  });

  it('draws the same sample for a seed, another for another, and writes one `evaluate` scores', () => {
    const a = workDir('a.jsonl');
    const b = workDir('b.jsonl');
    const c = workDir('c.jsonl');
    expect(run(['audit', gz, '--seed', '3', '--sample', '10', '--out', a]).code).toBe(0);
    expect(run(['audit', DEV_SET, '--seed', '3', '--sample', '10', '--out', b]).code).toBe(0);
    expect(run(['audit', gz, '--seed', '4', '--sample', '10', '--out', c]).code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    expect(readFileSync(a, 'utf8')).not.toBe(readFileSync(c, 'utf8'));
    const rows = readFileSync(a, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.call === 'strategic' || r.call === 'mixed')).toBe(true);
    const labeled = workDir('labeled.jsonl');
    writeFileSync(labeled, rows.map((r) => JSON.stringify({ ...r, gold: 'strategic' })).join('\n'));
    const scored = run(['evaluate', labeled]);
    expect(scored.code).toBe(0);
    expect(scored.stdout).toMatch(/strategic/);
  });

  it('says what is wrong with its arguments or its file', () => {
    expect(run(['audit']).stderr).toMatch(/no input file given/);
    expect(run(['audit', gz, '--sample', 'x']).code).toBe(2);
    expect(run(['audit', workDir('missing.jsonl')])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no such file/),
    });
    const notes = run(['audit', file('notes.txt', 'just notes\n')]);
    expect(notes.code).toBe(2);
    expect(notes.stderr).toMatch(/notes\.txt: nothing audit can read \(expected JSON Lines .*CSV export/);
    expect(run(['audit', '-'], ''))
      .toMatchObject({ code: 2, stderr: 'standard input is empty: nothing to audit\n' });
  });

  it('reads standard input and a Jira CSV export as it reads a file', () => {
    const fromFile = run(['audit', DEV_SET, '--sample', '3']);
    expect(run(['audit', '-', '--sample', '3'], readFileSync(gz)))
      .toMatchObject({ code: 0, stdout: fromFile.stdout });
    const csv = 'Summary,Issue key,Issue Type\n' +
      '"Decide our pricing for the launch, with marketing",P-1,Epic\nFix the crash on save,P-2,Bug\n';
    const r = run(['audit', file('export.csv', csv)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^items: 2$/m);
    expect(r.stdout).toMatch(/^Bug +1 +0 \(0\.00%\)/m);
  });
});
