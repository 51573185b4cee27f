import { resolve } from 'node:path';

/** Where test/support/global-setup.ts puts Forge's bundle of src/index.ts (ignored by git). */
export const BUNDLE_DIR = resolve(__dirname, '../../node_modules/.cache/ownership-balance/forge-bundle');
export const BUNDLE_ENTRY = resolve(BUNDLE_DIR, 'index.cjs');
export const BUNDLE_FAILURE_FILE = resolve(BUNDLE_DIR, '../forge-bundle-failure.txt');
