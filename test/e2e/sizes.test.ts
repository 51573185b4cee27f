/**
 * Jira's real sizes in Debian's Chromium against `npm start`'s preview: the issue panel in a 360 px side
 * panel, the gadget at 400, 500 and 800 px, the project page at 1,000 px — light and dark — held to their
 * height budgets, with no horizontal overflow and no serious axe finding; frames sized to their content.
 */
import { screenshotDir } from './screenshot-dir';
import { previewInBrowser, runInBrowser as run, seriousAxeFindings } from './browser';

const SHOTS = screenshotDir();

jest.setTimeout(90000);

run('the app at Jira\'s real sizes', () => {
  const s = previewInBrowser({ width: 1280, height: 960 });
  const frame = s.frame;
  const axe = seriousAxeFindings;

  it.each([
    ['SHOP-1', 'light'],
    ['SHOP-1', 'dark'],
    ['SHOP-20', 'light'],
    ['SHOP-20', 'dark'],
  ])(
    "the panel of %s fits Jira's side panel at 360 px (%s): at most 400 px tall, no horizontal overflow",
    async (key, theme) => {
      await s.page.goto(`${s.preview.url}/browse/${key}?theme=${theme}`);
      await s.page.locator('iframe.panel-frame').evaluate((el) => {
        (el as HTMLIFrameElement).style.width = '360px';
      });
      const f = await frame();
      await f.locator('.lozenge').first().waitFor();
      const size = await f.evaluate(() => ({
        height: Math.ceil(document.getElementById('root')!.getBoundingClientRect().height),
        width: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(size.client).toBe(360);
      expect(size.height).toBeLessThanOrEqual(400);
      expect(size.width).toBeLessThanOrEqual(size.client);
      expect(await axe(f)).toEqual([]);
    },
  );

  it.each(['light', 'dark'])(
    'the dashboard shows the gadget at 400, 500 and 800 px (%s): at most 500 px tall at 400, ' +
      'no horizontal overflow, frames sized to their content',
    async (theme) => {
      await s.page.goto(`${s.preview.url}/dashboard?theme=${theme}`);
      const handles = await s.page.$$('iframe[data-forge]');
      expect(handles).toHaveLength(3);
      const frames = await Promise.all(handles.map(async (h) => (await h.contentFrame())!));
      const sizes = [];
      for (const f of frames) {
        await f.locator('.figure').waitFor();
        sizes.push(
          await f.evaluate(() => ({
            height: Math.ceil(document.getElementById('root')!.getBoundingClientRect().height),
            scroll: document.documentElement.scrollWidth,
            client: document.documentElement.clientWidth,
          })),
        );
      }
      expect(sizes.map((z, i) => z.client <= [400, 500, 800][i]!)).toEqual([true, true, true]);
      expect(sizes.map((z) => z.scroll <= z.client)).toEqual([true, true, true]);
      expect(sizes[0]!.height).toBeLessThanOrEqual(500);
      // The host sizes each frame to the height its content reports, as Jira does.
      await s.page.waitForFunction(
        (heights) =>
          Array.from(document.querySelectorAll('iframe[data-forge]')).every(
            (el, i) => Math.abs(el.getBoundingClientRect().height - heights[i]!) <= 4,
          ),
        sizes.map((z) => z.height),
      );
      expect(await axe(frames[0]!)).toEqual([]);
      await s.page.screenshot({ path: `${SHOTS}/dashboard-widths-${theme}.png`, fullPage: true });
    },
  );

  it.each(['light', 'dark'])(
    "the project page's full report reads at 1,000 px (%s): both measures, trend, team, no overflow",
    async (theme) => {
      await s.page.setViewportSize({ width: 1100, height: 960 });
      await s.page.goto(`${s.preview.url}/projects/SHOP/apps/ownership-report?theme=${theme}`);
      const r = await frame();
      await r.locator('text=By story points').waitFor();
      await r.locator('text=Who does which work').waitFor();
      expect(
        await r.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
      ).toBe(true);
      expect(await axe(r)).toEqual([]);
      await s.page.screenshot({ path: `${SHOTS}/report-${theme}.png`, fullPage: true });
      await s.page.setViewportSize({ width: 1280, height: 960 });
    },
  );

  it('has a favicon', async () => {
    const r = await fetch(`${s.preview.url}/favicon.ico`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^image\//);
  });
});
