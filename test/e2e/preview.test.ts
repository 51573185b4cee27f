/**
 * End to end in Debian's Chromium against `npm start`'s preview: the issue panel, an override seen
 * by the report, a confirmation seen by the admin page, a new issue classified by the trigger, a
 * backfill to the end, both themes, a user without edit rights, XSS, and axe-core on every screen
 * (Jira's real sizes are in sizes.test.ts).
 */
import { screenshotDir } from './screenshot-dir';
import type { Browser } from 'playwright-core';
import { appFrame, launchChromium, previewInBrowser, runInBrowser, seriousAxeFindings } from './browser';
import { startPreview } from '../../dev/start';

const SHOTS = screenshotDir();

jest.setTimeout(90000);

runInBrowser('the app in a browser', () => {
  const dialogs: string[] = [];
  const s = previewInBrowser({ width: 1280, height: 960 }, (page) => {
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  const frame = s.frame;
  const axe = seriousAxeFindings;

  it('opens an issue with the panel: tag, share, evidence, and no accessibility problems', async () => {
    await s.page.goto(`${s.preview.url}/browse/SHOP-1`);
    const f = await frame();
    await f.locator('.lozenge').first().waitFor();
    expect(await f.locator('.lozenge').first().textContent()).toMatch(/Strategic · PM|Tactical · PO|Mixed/);
    expect(await f.locator('ul.evidence li').count()).toBeGreaterThan(0);
    expect(await f.locator('ul.evidence li[title^="From “"]').count()).toBeGreaterThan(0);
    expect(await axe(f)).toEqual([]);
    await s.page.screenshot({ path: `${SHOTS}/panel-light.png` });
  });

  it('overrides the tag and the gadget counts the change', async () => {
    await s.page.goto(`${s.preview.url}/projects/SHOP/apps/ownership-report?theme=light`);
    let g = await frame();
    await g.locator('text=By issue count').waitFor();
    const mixedBefore = Number(
      (await g.locator('table.tally').first().locator('td').nth(1).textContent())!.replace(/\D+/g, ''),
    );
    await s.page.goto(`${s.preview.url}/browse/SHOP-2`);
    const f = await frame();
    await f.locator('button:has-text("Change tag")').click();
    await f.locator('select').first().selectOption('mixed');
    await f.locator('input').first().fill('Covers the pricing bet too');
    await f.locator('button:has-text("Set tag")').click();
    await f.locator('text=Return to automatic').waitFor();
    expect(await f.locator('.lozenge').first().textContent()).toBe('Mixed');
    expect(await f.locator('text=Covers the pricing bet too').count()).toBe(1);
    await s.page.goto(`${s.preview.url}/projects/SHOP/apps/ownership-report?theme=light`);
    g = await frame();
    await g.locator('text=By issue count').waitFor();
    const mixedAfter = Number(
      (await g.locator('table.tally').first().locator('td').nth(1).textContent())!.replace(/\D+/g, ''),
    );
    expect(mixedAfter).toBe(mixedBefore + 1);
    expect(await axe(g)).toEqual([]);
    await s.page.screenshot({ path: `${SHOTS}/gadget-light.png`, fullPage: true });
  });

  it('a user who may not edit sees why and gets no override control', async () => {
    await s.page.goto(`${s.preview.url}/browse/SHOP-3?as=bob`);
    const f = await frame();
    await f.locator('text=/Edit issues permission/').waitFor();
    expect(await f.locator('button:has-text("Set tag")').count()).toBe(0);
  });

  it('creates an issue, the trigger classifies it, and its text shows as text', async () => {
    await s.page.goto(`${s.preview.url}/create`);
    const summary = '<img src=x onerror=alert(1)> Market research and pricing strategy for next year';
    await s.page.fill('input[name=summary]', summary);
    await s.page.fill('textarea[name=description]', 'Decide which segment we enter; grow revenue by 20%.');
    await s.page.click('button:has-text("Create")');
    await s.page.waitForURL(/\/browse\/SHOP-\d+/);
    expect(await s.page.locator('#summary-text').textContent()).toContain('<img src=x onerror=alert(1)>');
    const f = await frame();
    await f.locator('.lozenge').first().waitFor();
    expect(await f.locator('.lozenge').first().textContent()).toBe('Strategic · PM');
    expect(dialogs).toEqual([]);
  });

  it('edits the gadget configuration, then runs a backfill to the end', async () => {
    await s.page.goto(`${s.preview.url}/dashboard?edit=1`);
    const e = await frame();
    await e.locator('select').first().selectOption('MOBILE');
    await e.locator('input[type=number]').fill('150');
    await e.locator('button:has-text("Save")').click();
    await e.locator('.field-error').waitFor();
    await e.locator('input[type=number]').fill('40');
    await e.locator('button:has-text("Save")').click();
    await s.page.waitForURL((u) => !u.searchParams.has('edit'));
    const g = await frame();
    await g.locator('text=Mobile App').waitFor();
    await g.locator('button:has-text("Classify")', { hasText: /^Classify \d+ issues$/ }).click();
    await g.locator('text=/issues have no tag yet|of \\d+ classified/').first().waitFor();
    await g.locator('text=/^Done: \\d+ issues classified\\.$/').waitFor({ timeout: 60000 });
    await g.locator('.figure').waitFor();
    expect(await g.locator('text=/issues have no tag yet/').count()).toBe(0);
  });

  it('shows role balance and hierarchy health in the project report', async () => {
    await s.page.goto(`${s.preview.url}/projects/SHOP/apps/ownership-report`);
    const g = await frame();
    await g.locator('text=Who does which work').waitFor();
    await g.locator('text=/tactical issues have no strategic parent/').waitFor();
    expect(await g.locator('table.tally >> nth=2').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await axe(g)).toEqual([]);
    await g.locator('text=Who does which work').scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: `${SHOTS}/gadget-team.png`, fullPage: true });
  });

  it('"Looks right" counts as agreement on the admin page; learning resets behind a confirmation; ' +
    'a non-admin is told why not', async () => {
    const reviewed = async () => {
      await s.page.goto(`${s.preview.url}/admin`);
      const a = await frame();
      await a.locator('.card-value').first().waitFor();
      return {
        a,
        count: Number(
          await a.locator('.card', { hasText: 'Reviewed by people' }).locator('.card-value').textContent(),
        ),
      };
    };
    const before = await reviewed();
    await s.page.goto(`${s.preview.url}/browse/SHOP-3`);
    const f = await frame();
    await f.locator('button:has-text("Looks right")').click();
    await f.locator('text=/^Confirmed by Alice Admin/').waitFor();
    const after = await reviewed();
    expect(after.count).toBe(before.count + 1);
    const a = after.a;
    expect(await axe(a)).toEqual([]);
    await s.page.screenshot({ path: `${SHOTS}/admin.png`, fullPage: true });
    await a.locator('button.danger-subtle:has-text("Reset learning")').click();
    await a.locator('dialog[open] >> text=Reset what the classifier learned?').waitFor();
    await a.locator('dialog[open] button.danger').click();
    await a.locator('text=Nothing learned yet').waitFor();
    await a.locator('button:has-text("Re-classify")').click();
    await a
      .locator(
        'text=/^(Re-classifying SHOP: \\d+ of \\d+ issues so far|SHOP: ' +
          '(\\d+ issues re-classified|every tag is already)).*$/',
      )
      .waitFor();
    await s.page.goto(`${s.preview.url}/admin?as=bob`);
    const b = await frame();
    await b.locator('text=/Only Jira administrators/').waitFor();
  });

  it('reads well in the dark theme', async () => {
    await s.page.goto(`${s.preview.url}/browse/SHOP-1?theme=dark`);
    const f = await frame();
    await f.locator('.lozenge').first().waitFor();
    expect(await f.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    expect(await axe(f)).toEqual([]);
    await s.page.screenshot({ path: `${SHOTS}/panel-dark.png` });
    await s.page.goto(`${s.preview.url}/dashboard?theme=dark`);
    const g = await frame();
    await g.locator('.figure').waitFor();
    expect(await axe(g)).toEqual([]);
    await s.page.screenshot({ path: `${SHOTS}/gadget-dark.png`, fullPage: true });
    await s.page.goto(`${s.preview.url}/admin?theme=dark`);
    const a = await frame();
    await a.locator('.card-value').first().waitFor();
    expect(await axe(a)).toEqual([]);
    await s.page.screenshot({ path: `${SHOTS}/admin-dark.png`, fullPage: true });
  });
});

runInBrowser('the panel follows edits of the issue', () => {
  let preview: Awaited<ReturnType<typeof startPreview>>;
  let browser: Browser;
  beforeAll(async () => {
    preview = await startPreview(0, { quiet: true });
    browser = await launchChromium();
  });
  afterAll(async () => { await browser?.close(); await preview?.close(); });

  it('refreshes on JIRA_ISSUE_CHANGED after the summary is edited', async () => {
    const page = await browser.newPage();
    await page.goto(`${preview.url}/browse/SHOP-4`);
    const f = await appFrame(page);
    await f.locator('.lozenge').first().waitFor();
    await page.fill('input[name=summary]', 'Fix the crash in the checkout form');
    await page.fill(
      'textarea[name=description]',
      'Steps to reproduce: submit the form. Expected result: no crash.',
    );
    await page.click('#edit-issue button');
    await page.locator('#edit-status:has-text("Saved.")').waitFor();
    await f.locator('mark', { hasText: 'Fix' }).first().waitFor({ state: 'attached', timeout: 15000 });
    expect(await f.locator('.lozenge').first().textContent()).toBe('Tactical · PO');
  });
});
