/**
 * The CLI on a big file: `classify` streams JSON Lines in flat memory. Builds a file of
 * CLI_BENCH_MB megabytes (default 1024) from the real Titanium tracker's issues, with unique keys,
 * runs `classify` on it in a child process, and reports that process's true peak RSS and throughput.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { streamLines } from '../src/cli/stream-lines';

const ROOT = resolve(__dirname, '..');
const TRACKER = resolve(ROOT, '../shared/data/titanium-tracker.jsonl.gz');

async function buildFile(path: string, bytes: number): Promise<number> {
  const lines: string[] = [];
  for await (const line of streamLines(TRACKER)) if (line.trim()) lines.push(line);
  const out = createWriteStream(path);
  let written = 0;
  let n = 0;
  for (let round = 0; written < bytes; round++) {
    for (const line of lines) {
      const row = JSON.parse(line) as { key: string; parent?: string | null };
      const text = `${JSON.stringify({ ...row, key: `${row.key}-R${round}`, parent: row.parent ? `${row.parent}-R${round}` : null })}\n`;
      if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
      written += Buffer.byteLength(text);
      n++;
      if (written >= bytes) break;
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
  return n;
}

export async function run(): Promise<Record<string, unknown>> {
  const mb = Number(process.env.CLI_BENCH_MB ?? 1024);
  const dir = mkdtempSync(join(tmpdir(), 'ob-cli-bench-'));
  const file = join(dir, 'big.jsonl');
  try {
    const items = await buildFile(file, mb * 1024 * 1024);
    const script = `require('tsx/cjs'); const { runCliAsync } = require(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))});
      let n = 0; runCliAsync(['classify', ${JSON.stringify(file)}], { out: () => { n++; }, err: () => {} })
      .then((code) => { process.stderr.write(JSON.stringify({ code, n, peakRssKb: process.resourceUsage().maxRSS }) + '\\n'); });`;
    const t = Date.now();
    const child = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1024 * 1024 });
    const seconds = (Date.now() - t) / 1000;
    const report = JSON.parse(child.stderr.trim().split('\n').pop() ?? '{}') as { code: number; n: number; peakRssKb: number };
    return {
      fileMb: Math.round(statSync(file).size / 1024 / 1024), items, classified: report.n, exitCode: report.code,
      peakRssMb: Math.round(report.peakRssKb / 1024), seconds: Math.round(seconds), itemsPerSecond: Math.round(report.n / seconds),
    };
  } finally { rmSync(dir, { recursive: true, force: true }); }
}
