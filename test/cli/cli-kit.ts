/**
 * Runs the packaged CLI (src/cli/bin.cjs) as a user would, or its entry points in this process, and
 * writes input files for it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { runCli, runCliAsync } from '../../src/cli/main';

const BIN = resolve(__dirname, '../../src/cli/bin.cjs');
export const DEV_SET = resolve(__dirname, '../../../shared/data/dev-set.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'ob-cli-'));

export interface CliRun { code: number; stdout: string; stderr: string }

/** Runs the packaged CLI with `args`, `input` on its standard input. */
export function run(args: string[], input?: string | Buffer): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
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

/** Runs the CLI in this process: `async` streams what it can (runCliAsync), else it reads whole (runCli). */
export async function collect(argv: string[], async: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const code = async
    ? await runCliAsync(argv, { out: (s) => out.push(s), err: (s) => err.push(s) })
    : runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out, err };
}
