/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import type { ReconcileStatus } from '../../src/contract';
import {
  ReconcileSection,
  reclassifySummary,
  reconcileSummary,
} from '../../static/app/src/admin/reconcile-section';
import { makeBackfill } from './fixtures';

const status = (extra: Partial<ReconcileStatus> = {}): ReconcileStatus => ({
  projectKey: 'SHOP',
  state: 'done',
  checked: 320,
  fixed: { added: 2, changed: 1, removed: 0, weeks: 3 },
  startedAt: '2026-11-29T10:00:00.000Z',
  finishedAt: '2026-11-29T10:01:00.000Z',
  ...extra,
});
const projects = [{ key: 'SHOP', name: 'Storefront' }, { key: 'MOBILE', name: 'Mobile App' }];

describe('Recompute figures (admin page)', () => {
  it.each([
    [
      status(),
      'SHOP: 320 issues checked, 3 issues fixed (2 added, 1 changed, 0 removed), 3 weeks corrected.',
    ],
    [
      status({ fixed: { added: 0, changed: 0, removed: 0, weeks: 0 } }),
      'SHOP: 320 issues checked, no issue needed fixing, 0 weeks corrected.',
    ],
    [status({ state: 'running', checked: 100 }), 'Recomputing SHOP: 100 issues checked so far.'],
    [status({ state: 'failed', checked: 40 }), 'Recomputing SHOP stopped after 40 issues. Try again.'],
  ])('says what happened: %#', (s, text) => {
    expect(reconcileSummary(s)).toBe(text);
  });

  it('starts the chosen project and offers to check progress while it runs', () => {
    const onStart = jest.fn();
    const onRefresh = jest.fn();
    render(
      <ReconcileSection
        projects={projects}
        status={status({ state: 'running', checked: 5 })}
        busy={false}
        onStart={onStart}
        onRefresh={onRefresh}
        reclassify={null}
        onReclassify={jest.fn()}
        onRefreshReclassify={jest.fn()}
      />,
    );
    fireEvent.change(screen.getByLabelText('Project'), { target: { value: 'MOBILE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recompute' }));
    fireEvent.click(screen.getByRole('button', { name: 'Check progress' }));
    expect(onStart).toHaveBeenCalledWith('MOBILE');
    expect(onRefresh).toHaveBeenCalledWith('SHOP');
    expect(screen.getByRole('status').textContent).toBe('Recomputing SHOP: 5 issues checked so far.');
  });

  it('re-classifies the chosen project (tags made by older rules) and follows the run', () => {
    const onReclassify = jest.fn();
    const onRefreshReclassify = jest.fn();
    render(
      <ReconcileSection
        projects={projects}
        status={null}
        busy={false}
        onStart={jest.fn()}
        onRefresh={jest.fn()}
        reclassify={makeBackfill({ state: 'running', done: 40, total: 100 })}
        onReclassify={onReclassify}
        onRefreshReclassify={onRefreshReclassify}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Re-classify' }));
    fireEvent.click(screen.getByRole('button', { name: 'Check re-classifying' }));
    expect(onReclassify).toHaveBeenCalledWith('SHOP');
    expect(onRefreshReclassify).toHaveBeenCalledWith('SHOP');
    expect(screen.getByRole('status').textContent).toBe('Re-classifying SHOP: 40 of 100 issues so far.');
  });

  it.each([
    [
      makeBackfill({ state: 'done', done: 12, total: 12 }),
      'SHOP: 12 issues re-classified with the current rules.',
    ],
    [
      makeBackfill({ state: 'done', done: 0, total: 0 }),
      'SHOP: every tag is already from the current rules.',
    ],
  ])('says how re-classifying ended: %#', (s, text) => {
    expect(reclassifySummary(s)).toBe(text);
  });

  it('names the daily refresh of tags after an update while it runs', () => {
    expect(reclassifySummary(makeBackfill({ scope: 'stale', done: 5, total: 9 }))).toBe(
      "Bringing SHOP's tags up to date (daily): 5 of 9 so far.",
    );
  });
});
