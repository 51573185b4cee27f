/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { GadgetView } from '../../static/app/src/gadget-view';
import { makeGadget, makePanel } from './fixtures';

const noop = () => undefined;

describe('GadgetView', () => {
  it('shows the balance by count and by points, and the drift', () => {
    render(<GadgetView data={makeGadget()} onOpenJql={noop} onBackfill={noop} backfill={null} backfillError={null} />);
    expect(screen.getByRole('img', { name: /By issue count: strategic 10, mixed 5, tactical 60, unclassified 2/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /By story points: strategic 20/ })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/13% under target/);
    expect(screen.getByRole('img', { name: /Strategic share per week, target 30%/ })).toBeTruthy();
  });

  it('drill-down opens the JQL of each kind', () => {
    const onOpenJql = jest.fn();
    render(<GadgetView data={makeGadget()} onOpenJql={onOpenJql} onBackfill={noop} backfill={null} backfillError={null} />);
    fireEvent.click(screen.getByText('Open strategic issues'));
    expect(onOpenJql).toHaveBeenCalledWith('project = "SHOP" AND ownershipKind = strategic');
  });

  it.each([
    ['offers a backfill when issues are unclassified', null, /2 issues have no tag yet/],
    ['shows progress while a backfill runs', { projectKey: 'SHOP', state: 'running' as const, done: 40, total: 100, errors: [], startedAt: null, updatedAt: null }, /40 of 100 classified/],
  ])('%s', (_n, backfill, text) => {
    render(<GadgetView data={makeGadget()} onOpenJql={noop} onBackfill={noop} backfill={backfill} backfillError={null} />);
    expect(screen.getByText(text)).toBeTruthy();
  });

  it('says so when nothing is classified in the period', () => {
    render(<GadgetView data={makeGadget({ trend: [] })} onOpenJql={noop} onBackfill={noop} backfill={null} backfillError={null} />);
    expect(screen.getByText(/No classified work in this period yet/)).toBeTruthy();
  });

  it('renders epic summaries as text', () => {
    const { container } = render(<GadgetView data={makeGadget({ topEpics: { strategic: [{ key: 'SHOP-9', summary: '<script>alert(1)</script>', type: 'Epic', kind: 'strategic', share: 1 }], tactical: [] } })} onOpenJql={noop} onBackfill={noop} backfill={null} backfillError={null} />);
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByText(/<script>alert\(1\)<\/script>/)).toBeTruthy();
  });

  it('has no serious or critical accessibility violation', async () => {
    const { container } = render(<GadgetView data={makeGadget()} onOpenJql={noop} onBackfill={noop} backfill={null} backfillError={null} />);
    const r = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});

describe('the typed invoke wrapper', () => {
  const answers: Record<string, unknown> = {};
  beforeAll(() => {
    (globalThis as Record<string, unknown>).__bridge = { callBridge: async (name: string, payload: { functionKey: string }) => (name === 'invoke' ? answers[payload.functionKey] : null) };
  });
  const load = () => require('../../static/app/src/api') as typeof import('../../static/app/src/api');

  it('returns parsed data on success', async () => {
    answers.getIssuePanel = { ok: true, data: makePanel() };
    await expect(load().call('getIssuePanel', {})).resolves.toMatchObject({ issue: { key: 'SHOP-1' } });
  });
  it('turns an error result into a typed error with the message', async () => {
    answers.getGadget = { ok: false, error: { code: 'INVALID_CONFIG', message: 'Open Edit and pick a project.' } };
    await expect(load().call('getGadget', {})).rejects.toMatchObject({ error: { code: 'INVALID_CONFIG', message: 'Open Edit and pick a project.' } });
  });
  it('refuses a result of the wrong shape instead of rendering it', async () => {
    answers.getIssuePanel = { ok: true, data: { issue: 'nope' } };
    await expect(load().call('getIssuePanel', {})).rejects.toMatchObject({ error: { code: 'INTERNAL' } });
  });
});
