/**
 * Builds the one Custom UI bundle (issue panel, gadget view, gadget edit) into static/app/build:
 * index.html (no inline script or style, as Forge's CSP requires), main.js, main.css, icon.svg.
 * `npm run build:ui`, or `buildUi()` from code; reports raw and gzipped sizes.
 */
import { build, type Plugin } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** zod bundles error messages in ~40 languages (260 KB); the UI shows English, so only `en` is kept. */
const englishOnlyZodLocales: Plugin = {
  name: 'zod-english-locale',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${sep}zod${sep}`)
        ? { path: join(dirname(args.importer), '../locales/en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

export interface BuiltFile { name: string; bytes: number; gzipBytes: number }

/**
 * React's API is served by Preact's compat layer by default: react-dom alone is ~60 KB gzipped and
 * would push the panel's first load past its 150 KB budget (the bench reports both figures).
 * `runtime: 'react'` builds with react-dom instead, for comparison.
 */
const PREACT_COMPAT = {
  react: 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react-dom': 'preact/compat',
  'react/jsx-runtime': 'preact/jsx-runtime',
};

export interface BuildOptions { outdir?: string; minify?: boolean; runtime?: 'preact' | 'react' }

export async function buildUi(options: BuildOptions = {}): Promise<{ outdir: string; files: BuiltFile[] }> {
  const outdir = options.outdir ?? resolve(__dirname, 'app/build');
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { main: resolve(__dirname, 'app/src/main.tsx') },
    bundle: true, minify: options.minify ?? true, format: 'iife', target: 'es2020', outdir, jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent', legalComments: 'none',
    alias: options.runtime === 'react' ? {} : PREACT_COMPAT,
    plugins: [englishOnlyZodLocales],
  });
  for (const f of readdirSync(resolve(__dirname, 'app/public')))
    copyFileSync(resolve(__dirname, 'app/public', f), join(outdir, f));
  const files = readdirSync(outdir).filter((f) => statSync(join(outdir, f)).isFile()).map((name) => {
    const data = readFileSync(join(outdir, name));
    return { name, bytes: data.length, gzipBytes: gzipSync(data).length };
  });
  return { outdir, files };
}

if (require.main === module) {
  buildUi()
    .then(({ outdir, files }) => {
      for (const f of files)
        process.stdout.write(
          `${f.name.padEnd(12)} ${String(f.bytes).padStart(8)} B  ${String(f.gzipBytes).padStart(7)} B gz\n`,
        );
      process.stdout.write(`built into ${outdir}\n`);
    })
    .catch((e: unknown) => {
      process.stderr.write(`UI build failed: ${(e as Error).message}\n`);
      process.exit(1);
    });
}
