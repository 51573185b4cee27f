/**
 * The app as Forge would deploy it: the exports of the bundle that @forge/bundler built before the
 * run (test/support/global-setup.ts). Integration suites load this, never src/index.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { BUNDLE_ENTRY, BUNDLE_FAILURE_FILE } from './bundle-paths';

export function loadBundledApp(): Record<string, unknown> {
  if (existsSync(BUNDLE_FAILURE_FILE)) {
    throw new Error(
      `Forge's bundler could not build src/index.ts:\n${readFileSync(BUNDLE_FAILURE_FILE, 'utf8')}`,
    );
  }
  if (!existsSync(BUNDLE_ENTRY))
    throw new Error(`No Forge bundle at ${BUNDLE_ENTRY}: run jest (its globalSetup builds it)`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(BUNDLE_ENTRY) as Record<string, unknown>;
}
