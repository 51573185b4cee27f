/**
 * Before any suite: bundle the backend with Forge's own bundler, so the integration suites run the
 * code `forge deploy` would ship. A failure is recorded, not thrown, so that every suite that needs
 * the bundle fails with the bundler's message and the rest still report (CI counts them all).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildForgeBundle } from '../../dev/forge-bundle/build-bundle';
import { BUNDLE_DIR, BUNDLE_FAILURE_FILE } from './bundle-paths';

export default function globalSetup(): void {
  rmSync(BUNDLE_FAILURE_FILE, { force: true });
  const built = buildForgeBundle(BUNDLE_DIR);
  process.stdout.write(`\n${built.output}\n`);
  if (!built.ok) {
    mkdirSync(dirname(BUNDLE_FAILURE_FILE), { recursive: true });
    writeFileSync(BUNDLE_FAILURE_FILE, built.output);
  }
}
