/**
 * Builds Forge's bundle of the app in a child process (the bundler works from the app's directory)
 * and says what it printed: used by the tests' globalSetup and by the benchmarks.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export function buildForgeBundle(outDir: string): { ok: boolean; output: string } {
  const run = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'),
    resolve(__dirname, 'forge-bundle.ts'), '--out', outDir], { cwd: ROOT, encoding: 'utf8' });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
  return {
    ok: run.status === 0,
    output: output || `the bundler exited with ${String(run.status ?? run.signal)}`,
  };
}
