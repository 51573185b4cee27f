/**
 * The bundle Forge would deploy: built by @forge/bundler before the run (test/support/global-setup.ts),
 * it exports every handler manifest.yml names; a configuration that makes ts-loader emit nothing
 * fails the bundler, as it fails `forge deploy`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { missingHandlers } from '../../dev/forge-bundle/handler-check';
import { readManifest } from '../../dev/runtime';
import { BUNDLE_DIR } from '../support/bundle-paths';
import { loadBundledApp } from '../support/bundled-app';

const ROOT = resolve(__dirname, '../..');
const manifest = readManifest(join(ROOT, 'manifest.yml'));

describe("Forge's bundle of src/index.ts", () => {
  it('was built by @forge/bundler for every function module of the manifest', () => {
    const report = JSON.parse(readFileSync(join(BUNDLE_DIR, 'bundle-report.json'), 'utf8')) as
      { handlers: Array<{ module: string; func: string }> };
    expect(report.handlers.map((h) => `${h.module}.${h.func}`).sort()).toEqual(
      [...manifest.functions.values()].sort(),
    );
    expect(existsSync(join(BUNDLE_DIR, '__forge__.cjs'))).toBe(true);
  });

  it('exports a function for every handler manifest.yml names', () => {
    expect(missingHandlers(manifest, { index: loadBundledApp() })).toEqual([]);
  });

  it('would report a handler that src/index.ts stopped exporting', () => {
    const { resolver: _dropped, ...rest } = loadBundledApp();
    expect(missingHandlers(manifest, { index: rest })).toEqual([
      { functionKey: 'resolver', handler: 'index.resolver', problem: '"index" does not export "resolver"' },
    ]);
  });

  it('cannot be built when the backend tsconfig.json sets noEmit (ts-loader emits nothing)', () => {
    const app = mkdtempSync(join(tmpdir(), 'forge-noemit-'));
    cpSync(join(ROOT, 'src'), join(app, 'src'), { recursive: true });
    cpSync(join(ROOT, 'manifest.yml'), join(app, 'manifest.yml'));
    cpSync(join(ROOT, 'package.json'), join(app, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
    const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: object;
    };
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ ...tsconfig, compilerOptions: { ...tsconfig.compilerOptions, noEmit: true } }),
    );
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        join(ROOT, 'dev/forge-bundle/forge-bundle.ts'),
        '--app',
        app,
        '--out',
        join(app, 'out'),
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/TypeScript emitted no output for .*src\/index\.ts/);
  }, 90_000);
});
