import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where browser tests save screenshots: test/e2e/screenshots only on request (`npm run screenshots`,
 * which sets UPDATE_SCREENSHOTS=1), otherwise a temporary folder, so `npm test` never rewrites
 * tracked files.
 */
export function screenshotDir(): string {
  const dir = process.env.UPDATE_SCREENSHOTS === '1'
    ? resolve(__dirname, 'screenshots')
    : join(tmpdir(), 'ownership-balance-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}
