/** UI: gzipped bundle sizes of the one Custom UI bundle (the panel's first load is index.html + main.js + main.css). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildUi } from '../static/build';

export async function run(): Promise<Record<string, unknown>> {
  const { files } = await buildUi({ outdir: mkdtempSync(join(tmpdir(), 'ob-ui-')) });
  const gz = (name: string) => files.find((f) => f.name === name)?.gzipBytes ?? 0;
  return { panelGzipBytes: gz('index.html') + gz('main.js') + gz('main.css'), mainJsGzipBytes: gz('main.js'), totalGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}
