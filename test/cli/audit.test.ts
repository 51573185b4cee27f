/**
 * `ownership-balance audit`: the per-type table, every strategic and mixed call, a reproducible sample; gzip
 * or not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BIN = resolve(__dirname, '../../src/cli/bin.cjs');
const DEV_SET = resolve(__dirname, '../../../shared/data/dev-set.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'ob-audit-'));
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};
const gz = join(dir, 'dev-set.jsonl.gz');
writeFileSync(gz, gzipSync(readFileSync(DEV_SET)));

describe('audit', () => {
  it('prints counts and rates per issue type, and every strategic and mixed call with its evidence, from a gzipped file', () => {
    const r = run(['audit', gz, '--sample', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^items: 386$/m);
    expect(r.stdout).toMatch(/^type +items +strategic +mixed +tactical$/m);
    expect(r.stdout).toMatch(/^all +386 +\d+ \(\d+\.\d\d%\) +\d+ \(\d+\.\d\d%\) +\d+ \(\d+\.\d\d%\)$/m);
    const calls = Number(/^strategic and mixed calls: (\d+)/m.exec(r.stdout)![1]);
    expect(calls).toBeGreaterThan(20);
    expect(r.stdout.split('\n').filter((l) => /^ {2}\S+ +(strategic|mixed) /.test(l))).toHaveLength(calls);
  });

  it('draws the same sample for the same seed, another for another, and writes one `evaluate` can score once labeled', () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    const c = join(dir, 'c.jsonl');
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
    const labeled = join(dir, 'labeled.jsonl');
    writeFileSync(labeled, rows.map((r) => JSON.stringify({ ...r, gold: 'strategic' })).join('\n'));
    const scored = run(['evaluate', labeled]);
    expect(scored.code).toBe(0);
    expect(scored.stdout).toMatch(/strategic/);
  });

  it('says what is wrong with its arguments or its file', () => {
    expect(run(['audit']).stderr).toMatch(/no input file given/);
    expect(run(['audit', gz, '--sample', 'x']).code).toBe(2);
    expect(run(['audit', join(dir, 'missing.jsonl')])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no such file/),
    });
  });
});
