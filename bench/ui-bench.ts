/**
 * UI: gzipped bundle sizes of the one Custom UI bundle (the panel's first load is index.html +
 * main.js + main.css), and the time from iframe load to the panel's first meaningful render
 * (the tag shown) in Debian's Chromium against the local preview.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../dev/host/chromium';
import { buildUi } from '../static/build';
import { startPreview } from '../dev/start';

async function firstRenderMs(): Promise<number | string> {
  if (!existsSync('/usr/bin/chromium')) return 'skipped: /usr/bin/chromium is missing';
  const preview = await startPreview(0, { quiet: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(`${preview.url}/browse/SHOP-${i + 1}`);
      const frame = (await (await page.waitForSelector('iframe[data-forge]')).contentFrame())!;
      await frame.locator('.lozenge').first().waitFor();
      times.push(await frame.evaluate(() => performance.now()));
    }
    return Math.round(times.sort((a, b) => a - b)[2]!);
  } finally { await browser.close(); await preview.close(); }
}

const PANEL_BUDGET_GZIP_BYTES = 150 * 1024;

async function sizes(runtime: 'preact' | 'react') {
  const { files } = await buildUi({ outdir: mkdtempSync(join(tmpdir(), 'ob-ui-')), runtime });
  const gz = (name: string) => files.find((f) => f.name === name)?.gzipBytes ?? 0;
  return {
    panel: gz('index.html') + gz('main.js') + gz('main.css'),
    mainJs: gz('main.js'),
    total: files.reduce((s, f) => s + f.gzipBytes, 0),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const shipped = await sizes('preact');
  const withReactDom = await sizes('react');
  return {
    panelGzipBytes: shipped.panel,
    mainJsGzipBytes: shipped.mainJs,
    totalGzipBytes: shipped.total,
    panelBudgetGzipBytes: PANEL_BUDGET_GZIP_BYTES,
    panelWithinBudget: shipped.panel <= PANEL_BUDGET_GZIP_BYTES,
    /** The same bundle built on react-dom instead of preact/compat, for comparison. */
    panelGzipBytesWithReactDom: withReactDom.panel,
    /** Median of 5, milliseconds from the frame's navigation start until the tag is on screen. */
    panelFirstRenderMs: await firstRenderMs(),
  };
}
