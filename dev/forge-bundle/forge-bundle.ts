/**
 * Bundles the backend exactly as `forge deploy` does: @forge/bundler's Node bundler (webpack +
 * ts-loader, reading the app's tsconfig.json), entry points from manifest.yml's function handlers
 * through @forge/cli-shared's ConfigFile. Only the runtime wrapper, which the CLI downloads, comes
 * from a local stand-in (FORGE_RUNTIME_PATH, a switch of @forge/bundler's own).
 *
 * Run as a child process (the bundler reads manifest.yml from the working directory):
 * `tsx dev/forge-bundle/forge-bundle.ts [--out DIR]`. It prints what it built and, on failure, the
 * bundler's own message, and exits 1.
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DEFAULT_BUNDLE_DIR = resolve(
  __dirname,
  '../../node_modules/.cache/ownership-balance/forge-bundle',
);

export interface BundleReport {
  outDir: string;
  entry: string;
  handlers: Array<{ module: string; func: string }>;
  modules: string[];
}

export async function bundleWithForge(appDir: string, outDir: string): Promise<BundleReport> {
  process.env.FORGE_RUNTIME_PATH = resolve(__dirname, 'runtime');
  process.chdir(appDir);
  /* eslint-disable @typescript-eslint/no-require-imports */
  const bundler = require('@forge/bundler') as typeof import('@forge/bundler');
  const shared = require('@forge/cli-shared') as typeof import('@forge/cli-shared');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const config = new shared.ConfigFile(new shared.FileSystemReader(), new shared.FileSystemWriter());
  const handlers = await config.getAppHandlers();
  const logger = {
    ...shared.NullLogger,
    warn: (m: string) => process.stderr.write(`[forge bundler] ${m}\n`),
  };
  const wrapper = bundler.getWrapperProvider({ fileSystemReader: new shared.FileSystemReader() });
  const node = bundler.getNodeBundler(logger, wrapper, config);
  const output = await node.bundle({ appDirectory: appDir, entryPoints: bundler.getEntryPoints(handlers) });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(output.outputDir, outDir, { recursive: true });
  for (const [name, content] of output.additionalOutputs ?? new Map())
    writeFileSync(join(outDir, name), content);
  const entry = join(outDir, 'index.cjs');
  if (!existsSync(entry)) throw new Error(`Forge's bundler produced no ${entry}`);
  const report = { outDir, entry, handlers, modules: output.metadata?.modules ?? [] };
  writeFileSync(join(outDir, 'bundle-report.json'), JSON.stringify(report, null, 2));
  return report;
}

if (require.main === module) {
  const i = process.argv.indexOf('--out');
  const outDir = resolve(i > 0 ? process.argv[i + 1]! : DEFAULT_BUNDLE_DIR);
  const appDir = resolve(
    process.argv.includes('--app') ? process.argv[process.argv.indexOf('--app') + 1]! : '.',
  );
  bundleWithForge(appDir, outDir).then(
    (r) =>
      process.stdout.write(
        `Forge bundler (@forge/bundler) built ${r.entry} for ${r.handlers.length} handlers: ` +
          `${r.handlers.map((h) => `${h.module}.${h.func}`).join(', ')}\n`,
      ),
    (e: Error) => {
      process.stderr.write(`Forge bundler failed: ${e.message}\n`);
      process.exit(1);
    },
  );
}
