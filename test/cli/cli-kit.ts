/** Runs the packaged CLI (src/cli/bin.cjs) as a user would, and writes input files for it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../../src/cli/bin.cjs');
export const DEV_SET = resolve(__dirname, '../../../shared/data/dev-set.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'ob-cli-'));

export function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
/** A path in the tests' scratch folder (nothing written). */
export const workDir = (name: string) => join(dir, name);

export function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
export const line = (o: Record<string, unknown>) =>
  JSON.stringify({ key: 'A-1', type: 'Task', summary: 'Fix the login bug', ...o });
