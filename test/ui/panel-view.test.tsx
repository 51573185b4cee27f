/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { PanelView } from '../../static/app/src/panel-view';
import { ErrorState, Loading } from '../../static/app/src/components';
import { makePanel, makeStored } from './fixtures';

const noop = () => undefined;
const view = (data = makePanel(), extra: Partial<Parameters<typeof PanelView>[0]> = {}) =>
  render(<PanelView data={data} busy={false} actionError={null} onOverride={noop} onClear={noop} {...extra} />);

describe('PanelView', () => {
  it.each([
    ['strategic', 'Strategic · PM'],
    ['tactical', 'Tactical · PO'],
    ['mixed', 'Mixed'],
  ] as const)('shows the %s tag as a lozenge', (kind, label) => {
    view(makePanel({ classification: makeStored({ kind }) }));
    expect(screen.getAllByText(label)[0]!.className).toContain(`lozenge ${kind}`);
  });

  it.each([[0.9, 'high'], [0.5, 'medium'], [0.2, 'low']])('confidence %d reads as %s', (confidence, word) => {
    view(makePanel({ classification: makeStored({ confidence }) }));
    expect(screen.getByText(new RegExp(`${word} confidence`))).toBeTruthy();
  });

  it('shows the strategic share and the evidence with its side and seed', () => {
    view();
    expect(screen.getByRole('img', { name: /82% strategic/ })).toBeTruthy();
    expect(screen.getByText('“the 2027 roadmap”')).toBeTruthy();
    expect(screen.getAllByText(/Seed 000/).length).toBe(2);
    expect(screen.getByText('Product owner')).toBeTruthy();
  });

  it('offers an override and sends the choice and note', () => {
    const onOverride = jest.fn();
    view(makePanel(), { onOverride });
    fireEvent.change(screen.getByLabelText(/Tag/), { target: { value: 'mixed' } });
    fireEvent.change(screen.getByLabelText(/Note/), { target: { value: 'both, really' } });
    fireEvent.click(screen.getByText('Set tag'));
    expect(onOverride).toHaveBeenCalledWith('mixed', 'both, really');
  });

  it('shows who overrode and when, with a way back to automatic', () => {
    const onClear = jest.fn();
    view(makePanel({ classification: makeStored({ kind: 'tactical', overridden: true, override: { kind: 'tactical', by: 'Alice', at: '2026-11-02T09:00:00.000Z', note: 'delivery only' } }) }), { onClear });
    expect(screen.getByText(/Set to Tactical · PO by Alice/)).toBeTruthy();
    fireEvent.click(screen.getByText('Return to automatic'));
    expect(onClear).toHaveBeenCalled();
  });

  it('hides the override for users who may not edit, and says why', () => {
    view(makePanel({ canOverride: false, cannotOverrideReason: 'You need the Edit issues permission in this project to change the tag.' }));
    expect(screen.queryByText('Set tag')).toBeNull();
    expect(screen.getByText(/Edit issues permission/)).toBeTruthy();
  });

  it('shows hierarchy warnings and the epic of a child', () => {
    view(makePanel({ issue: { key: 'SHOP-5', summary: 's', type: 'Story', isEpic: false }, epic: { key: 'SHOP-1', summary: 'Vision epic', type: 'Epic', kind: 'strategic', share: 0.9 }, warnings: [{ code: 'VISION_WITHOUT_EXECUTION', message: 'This strategic epic has no tactical breakdown yet.' }] }));
    expect(screen.getByText('Vision epic')).toBeTruthy();
    expect(screen.getByText(/no tactical breakdown/)).toBeTruthy();
  });

  it('renders Jira text as text, never as markup', () => {
    const { container } = view(makePanel({ epic: { key: 'SHOP-1', summary: '<img src=x onerror=alert(1)>', type: 'Epic', kind: null, share: null } }));
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });

  it('has no serious or critical accessibility violation', async () => {
    const { container } = view();
    const r = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});

describe('states', () => {
  it('loading is announced', () => {
    render(<Loading what="the tag" />);
    expect(screen.getByRole('status').textContent).toMatch(/Loading the tag/);
  });
  it('an error offers a retry', () => {
    const onRetry = jest.fn();
    render(<ErrorState message="Jira is not answering" onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toBe('Jira is not answering');
    fireEvent.click(screen.getByText('Retry'));
    expect(onRetry).toHaveBeenCalled();
  });
});
