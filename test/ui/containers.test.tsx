/** @jest-environment jsdom */
import { fakeBridge } from './fake-bridge';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GadgetContainer } from '../../static/app/src/gadget/gadget-container';
import { ReportContainer } from '../../static/app/src/report/report-container';
import { GadgetEditContainer } from '../../static/app/src/gadget/gadget-edit-container';
import { IssuePanelContainer } from '../../static/app/src/panel/issue-panel-container';
import { makeBackfill, makeGadget, makeInsights, makePanel, makeStored } from './fixtures';

beforeEach(() => fakeBridge.reset());
const refuse = (code: string, message: string) => ({ ok: false, error: { code, message } });

describe('IssuePanelContainer', () => {
  it('shows loading, then the tag', async () => {
    fakeBridge.answers.getIssuePanel = { ok: true, data: makePanel() };
    render(<IssuePanelContainer />);
    expect(screen.getByRole('status').textContent).toMatch(/Loading the ownership tag/);
    expect(await screen.findByText('Strategic · PM', { selector: '.lozenge' })).toBeTruthy();
  });

  it.each([
    [
      'a refusal',
      refuse('JIRA_UNAVAILABLE', 'Jira is not answering right now.'),
      'Jira is not answering right now.',
    ],
    [
      'a broken bridge',
      () => {
        throw new Error('gone');
      },
      'Could not reach the app. Check your connection and try again.',
    ],
    [
      'an answer of the wrong shape',
      { ok: true, data: { issue: 'nope' } },
      'The app answered with something unexpected. Try again.',
    ],
  ])('after %s: an error with Retry, never a spinner; Retry loads again', async (_name, answer, message) => {
    fakeBridge.answers.getIssuePanel = answer;
    render(<IssuePanelContainer />);
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.queryByText(/Loading/)).toBeNull();
    fakeBridge.answers.getIssuePanel = { ok: true, data: makePanel() };
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Strategic · PM', { selector: '.lozenge' })).toBeTruthy();
  });

  it('reloads when Jira says the issue changed', async () => {
    fakeBridge.answers.getIssuePanel = { ok: true, data: makePanel() };
    render(<IssuePanelContainer />);
    await screen.findByText('Strategic · PM', { selector: '.lozenge' });
    fakeBridge.answers.getIssuePanel = {
      ok: true,
      data: makePanel({ classification: makeStored({ kind: 'tactical' }) }),
    };
    act(() => fakeBridge.emit('JIRA_ISSUE_CHANGED', { issueId: '10001' }));
    expect(await screen.findByText('Tactical · PO', { selector: '.lozenge' })).toBeTruthy();
    expect(fakeBridge.invocations('getIssuePanel')).toBe(2);
  });

  it('overrides, shows the new tag, and shows a refused override without losing the panel', async () => {
    fakeBridge.answers.getIssuePanel = { ok: true, data: makePanel() };
    fakeBridge.answers.setOverride = (p: Record<string, unknown>) => ({
      ok: true,
      data: makePanel({
        classification: makeStored({
          kind: p.kind as 'mixed',
          overridden: true,
          override: { kind: p.kind as 'mixed', by: 'me', at: '2026-11-03T10:00:00.000Z' },
        }),
      }),
    });
    render(<IssuePanelContainer />);
    fireEvent.click(await screen.findByRole('button', { name: 'Change tag' }));
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'mixed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set tag' }));
    expect(await screen.findByText('Mixed', { selector: '.lozenge' })).toBeTruthy();
    expect(
      fakeBridge.calls.find((c) => (c.payload as { functionKey?: string }).functionKey === 'setOverride')!
        .payload,
    ).toMatchObject({ payload: { kind: 'mixed' } });
    fakeBridge.answers.clearOverride = refuse('FORBIDDEN', 'You need the Edit issues permission.');
    fireEvent.click(screen.getByRole('button', { name: 'Return to automatic' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You need the Edit issues permission.');
    expect(screen.getByText('Mixed', { selector: '.lozenge' })).toBeTruthy();
  });
});

describe('GadgetContainer', () => {
  it('asks for a configuration when the gadget has none', async () => {
    fakeBridge.answers.getGadget = refuse('INVALID_CONFIG', 'No project configured.');
    fakeBridge.answers.getTeamInsights = refuse('INVALID_CONFIG', 'No project configured.');
    render(<GadgetContainer />);
    expect(await screen.findByText('This gadget has no project yet.')).toBeTruthy();
  });

  it('opens Jira search with the JQL', async () => {
    fakeBridge.answers.getGadget = { ok: true, data: makeGadget() };
    fakeBridge.answers.getTeamInsights = { ok: true, data: makeInsights() };
    render(<GadgetContainer />);
    fireEvent.click((await screen.findAllByRole('link', { name: /10 strategic/ }))[0]!);
    await waitFor(() =>
      expect(JSON.stringify(fakeBridge.opened)).toContain(
        `/issues/?jql=${encodeURIComponent('project = "SHOP" AND ownershipKind = strategic')}`,
      ),
    );
  });

  it('the report says so when team balance fails, instead of loading forever', async () => {
    fakeBridge.answers.getGadget = { ok: true, data: makeGadget() };
    fakeBridge.answers.getTeamInsights = refuse('RATE_LIMITED', 'Jira is busy.');
    render(<ReportContainer />);
    expect(await screen.findByText(/Team balance is not available: Jira is busy./)).toBeTruthy();
  });

  it('picks up a running backfill after a reload, follows it to the end, says it is done, ' +
    'then reloads the balance', async () => {
    fakeBridge.answers.getGadget = {
      ok: true,
      data: makeGadget({ backfill: makeBackfill({ done: 10, total: 20 }) }),
    };
    fakeBridge.answers.getTeamInsights = { ok: true, data: makeInsights() };
    fakeBridge.answers.getBackfillStatus = {
      ok: true,
      data: makeBackfill({ state: 'done', done: 20, total: 20 }),
    };
    render(<GadgetContainer />);
    expect(await screen.findByText('10 of 20 classified…')).toBeTruthy();
    fakeBridge.answers.getGadget = {
      ok: true,
      data: makeGadget({
        balance: {
          ...makeGadget().balance,
          count: { strategic: 10, tactical: 60, mixed: 5, unclassified: 0 },
        },
        backfill: makeBackfill({ state: 'done', done: 20, total: 20 }),
      }),
    };
    expect(await screen.findByText('Done: 20 issues classified.', {}, { timeout: 4000 })).toBeTruthy();
    expect(screen.queryByText('10 of 20 classified…')).toBeNull();
    expect(fakeBridge.invocations('getBackfillStatus')).toBe(1);
    expect(fakeBridge.invocations('getGadget')).toBe(2);
  });
});

describe('GadgetEditContainer', () => {
  beforeEach(() => {
    fakeBridge.answers.listProjects = {
      ok: true,
      data: [
        { key: 'SHOP', name: 'Storefront' },
        { key: 'MOBILE', name: 'Mobile App' },
      ],
    };
  });

  it('refuses an invalid target beside the field, without asking the server', async () => {
    render(<GadgetEditContainer saved={{ projectKey: 'SHOP' }} />);
    await screen.findByText('Storefront (SHOP)');
    fireEvent.change(screen.getByLabelText('Target strategic share (%)'), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a percentage from 0 to 100.')).toBeTruthy();
    expect(fakeBridge.invocations('validateGadgetConfig')).toBe(0);
    expect(fakeBridge.submitted).toEqual([]);
  });

  it('validates with the resolver, then submits the configuration', async () => {
    fakeBridge.answers.validateGadgetConfig = (p: Record<string, unknown>) => ({ ok: true, data: p.config });
    render(<GadgetEditContainer saved={{}} />);
    await screen.findByText('Mobile App (MOBILE)');
    fireEvent.change(screen.getByLabelText('Project'), { target: { value: 'MOBILE' } });
    fireEvent.change(screen.getByLabelText('Target strategic share (%)'), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const expected = {
      projectKey: 'MOBILE',
      period: '90d',
      unit: 'count',
      trend: 'week',
      targetShare: 0.4,
      refreshMinutes: 0,
    };
    await waitFor(() => expect(fakeBridge.submitted).toEqual([expected]));
  });

  it('shows the server’s refusal and submits nothing', async () => {
    fakeBridge.answers.validateGadgetConfig = refuse('INVALID_CONFIG', 'You may not browse MOBILE.');
    render(<GadgetEditContainer saved={{ projectKey: 'MOBILE' }} />);
    await screen.findByText('Mobile App (MOBILE)');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You may not browse MOBILE.');
    expect(fakeBridge.submitted).toEqual([]);
  });
});
