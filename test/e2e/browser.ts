/**
 * What every browser test shares: Debian's Chromium (the tests are skipped, and say so, without it),
 * the first app frame of a page, and axe-core's serious and critical findings in a frame.
 */
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const runInBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn('Browser tests SKIPPED: /usr/bin/chromium is missing (apt-get install chromium).');

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

/** The page's first Forge frame, once it is there. */
export async function appFrame(page: Page): Promise<Frame> {
  return (await (await page.waitForSelector('iframe[data-forge]')).contentFrame())!;
}

export async function seriousAxeFindings(f: Frame): Promise<string[]> {
  await f.evaluate(AXE);
  const result = await f.evaluate(() => (window as unknown as {
    axe: { run: (o: unknown) => Promise<{ violations: Array<{ id: string; impact: string }> }> };
  }).axe.run({ resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact})`);
}
