/**
 * Before any suite: bundle the backend with Forge's own bundler, so the integration suites run the
 * code `forge deploy` would ship. A failure is recorded, not thrown, so that every suite that needs
 * the bundle fails with the bundler's message and the rest still report (CI counts them all).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BUNDLE_DIR, BUNDLE_FAILURE_FILE } from './bundle-paths';

export default function globalSetup(): void {
  const root = resolve(__dirname, '../..');
  rmSync(BUNDLE_FAILURE_FILE, { force: true });
  const run = spawnSync(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'),
    resolve(root, 'dev/forge-bundle/forge-bundle.ts'), '--out', BUNDLE_DIR], { cwd: root, encoding: 'utf8' });
  const said = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
  process.stdout.write(`\n${said}\n`);
  if (run.status !== 0) {
    mkdirSync(dirname(BUNDLE_FAILURE_FILE), { recursive: true });
    writeFileSync(BUNDLE_FAILURE_FILE, said || `the bundler exited with ${String(run.status ?? run.signal)}`);
  }
}
