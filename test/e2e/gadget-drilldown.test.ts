/**
 * In Debian's Chromium against `npm start`'s preview: the gadget's bar opens Jira search with the
 * kind's JQL in a new window (a real link, followed through router.open), and the edit view reads well
 * and passes axe-core in both themes; screenshots of the edit view go to test/e2e/screenshots.
 */
import { screenshotDir } from './screenshot-dir';
import { previewInBrowser, runInBrowser as run, seriousAxeFindings } from './browser';

const SHOTS = screenshotDir();

jest.setTimeout(90000);

run('gadget drill-down and edit view in a browser', () => {
  const s = previewInBrowser({ width: 1280, height: 900 });
  const frame = s.frame;
  const axe = seriousAxeFindings;

  it.each([['strategic'], ['tactical']])(
    'the %s part of the bar opens Jira search with its JQL',
    async (kind) => {
      await s.page.goto(`${s.preview.url}/dashboard`);
      const g = await frame();
      const link = g.locator('.legend a', { hasText: kind }).first();
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('href')).toMatch(/\/issues\/\?jql=/);
      // router.open: Jira opens a new window and the dashboard stays where it was.
      const [search] = await Promise.all([s.page.context().waitForEvent('page'), link.click()]);
      await search.waitForURL(/\/issues\?jql=/);
      expect(s.page.url()).toMatch(/\/dashboard$/);
      const jql = new URL(search.url()).searchParams.get('jql')!;
      expect(jql).toContain(kind);
      expect(await search.locator('[role=alert]').count()).toBe(0);
      expect(await search.locator('table tr').count()).toBeGreaterThan(0);
      await search.close();
    },
  );

  it.each(['light', 'dark'])(
    'the edit view in the %s theme: labelled fields, errors beside them, no serious axe finding',
    async (theme) => {
      await s.page.goto(`${s.preview.url}/dashboard?edit=1&theme=${theme}`);
      const e = await frame();
      await e.locator('label:has-text("Target strategic share")').waitFor();
      await e.getByLabel('Target strategic share (%)').fill('101');
      await e.locator('button:has-text("Save")').click();
      await e.locator('text=Enter a percentage from 0 to 100.').waitFor();
      expect(await e.getByLabel('Target strategic share (%)').getAttribute('aria-invalid')).toBe('true');
      expect(await axe(e)).toEqual([]);
      await s.page.screenshot({ path: `${SHOTS}/gadget-edit-${theme}.png` });
    },
  );
});
