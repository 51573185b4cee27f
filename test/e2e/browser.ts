/**
 * What every browser test shares: Debian's Chromium (the tests are skipped, and say so, without it),
 * `npm start`'s preview with a page on it, the first app frame of a page, and axe-core's serious and
 * critical findings in a frame.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../../dev/host/chromium';
import { startPreview } from '../../dev/start';

export { CHROMIUM, launchChromium };

export const runInBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM))
  console.warn('Browser tests SKIPPED: /usr/bin/chromium is missing (apt-get install chromium).');

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');


/** The page's first Forge frame, once it is there. */
export async function appFrame(page: Page): Promise<Frame> {
  return (await (await page.waitForSelector('iframe[data-forge]')).contentFrame())!;
}

export async function seriousAxeFindings(f: Frame): Promise<string[]> {
  await f.evaluate(AXE);
  const result = await f.evaluate(() => (window as unknown as {
    axe: { run: (o: unknown) => Promise<{ violations: Array<{ id: string; impact: string }> }> };
  }).axe.run({ resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact})`);
}

export interface PreviewInBrowser {
  preview: Preview;
  browser: Browser;
  page: Page;
  frame: () => Promise<Frame>;
}
type Preview = Awaited<ReturnType<typeof startPreview>>;

/**
 * `npm start`'s preview and a Chromium page on it for a describe block: started before it, closed after it.
 */
export function previewInBrowser(
  viewport: { width: number; height: number },
  onPage?: (page: Page) => void,
): PreviewInBrowser {
  const s = { frame: () => appFrame(s.page) } as PreviewInBrowser;
  beforeAll(async () => {
    s.preview = await startPreview(0, { quiet: true });
    s.browser = await launchChromium();
    s.page = await s.browser.newPage({ viewport });
    onPage?.(s.page);
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.preview?.close();
  });
  return s;
}
