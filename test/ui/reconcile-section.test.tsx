/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import type { ReconcileStatus } from '../../src/contract';
import { ReconcileSection, reconcileSummary } from '../../static/app/src/admin/reconcile-section';

const status = (extra: Partial<ReconcileStatus> = {}): ReconcileStatus => ({
  projectKey: 'SHOP', state: 'done', checked: 320, fixed: { added: 2, changed: 1, removed: 0, weeks: 3 }, startedAt: '2026-11-29T10:00:00.000Z', finishedAt: '2026-11-29T10:01:00.000Z', ...extra,
});
const projects = [{ key: 'SHOP', name: 'Storefront' }, { key: 'MOBILE', name: 'Mobile App' }];

describe('Recompute figures (admin page)', () => {
  it.each([
    [status(), 'SHOP: 320 issues checked, 3 issues fixed (2 added, 1 changed, 0 removed), 3 weeks corrected.'],
    [status({ fixed: { added: 0, changed: 0, removed: 0, weeks: 0 } }), 'SHOP: 320 issues checked, no issue needed fixing, 0 weeks corrected.'],
    [status({ state: 'running', checked: 100 }), 'Recomputing SHOP: 100 issues checked so far.'],
    [status({ state: 'failed', checked: 40 }), 'Recomputing SHOP stopped after 40 issues. Try again.'],
  ])('says what happened: %#', (s, text) => {
    expect(reconcileSummary(s)).toBe(text);
  });

  it('starts the chosen project and offers to check progress while it runs', () => {
    const onStart = jest.fn();
    const onRefresh = jest.fn();
    render(<ReconcileSection projects={projects} status={status({ state: 'running', checked: 5 })} busy={false} onStart={onStart} onRefresh={onRefresh} />);
    fireEvent.change(screen.getByLabelText('Project'), { target: { value: 'MOBILE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recompute' }));
    fireEvent.click(screen.getByRole('button', { name: 'Check progress' }));
    expect(onStart).toHaveBeenCalledWith('MOBILE');
    expect(onRefresh).toHaveBeenCalledWith('SHOP');
    expect(screen.getByRole('status').textContent).toBe('Recomputing SHOP: 5 issues checked so far.');
  });
});
