/** Type errors fail the test run: the backend, the Custom UI and the tests are each checked strictly. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const TSC = resolve(ROOT, 'node_modules/typescript/bin/tsc');

describe.each([
  ['the backend Forge bundles', 'tsconfig.json'],
  ['the Custom UI', 'static/tsconfig.json'],
  ['tests, dev and bench', 'test/tsconfig.json'],
])('TypeScript: %s', (_name, project) => {
  it(`${project} has no type errors`, () => {
    const run = spawnSync(process.execPath, [TSC, '--noEmit', '-p', resolve(ROOT, project)], {
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);
});
