/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { PanelView, type PanelViewProps } from '../../static/app/src/panel/panel-view';
import { makePanel, makeStored } from './fixtures';

const noop = () => undefined;
const view = (data = makePanel(), extra: Partial<PanelViewProps> = {}) =>
  render(<PanelView data={data} busy={false} actionError={null} onOverride={noop} onClear={noop} {...extra} />);

describe('PanelView: the tag', () => {
  it.each([
    ['strategic', 'Strategic · PM'],
    ['tactical', 'Tactical · PO'],
    ['mixed', 'Mixed'],
  ] as const)('shows %s as a lozenge reading "%s"', (kind, label) => {
    const { container } = view(makePanel({ classification: makeStored({ kind }) }));
    expect(container.querySelector('.lozenge')!.textContent).toBe(label);
    expect(container.querySelector('.lozenge')!.className).toBe(`lozenge ${kind}`);
  });

  it.each([[0.95, 'high'], [0.7, 'high'], [0.69, 'medium'], [0.4, 'medium'], [0.39, 'low'], [0, 'low']])('confidence %d reads "%s confidence"', (confidence, word) => {
    view(makePanel({ classification: makeStored({ confidence }) }));
    expect(screen.getByText(new RegExp(`^${word} confidence`))).toBeTruthy();
  });

  it('shows the strategic share as a bar', () => {
    view(makePanel({ classification: makeStored({ share: 0.82 }) }));
    expect(screen.getByRole('img', { name: 'Strategic share: 82% strategic' })).toBeTruthy();
  });
});

describe('PanelView: the evidence', () => {
  it('gives the side, the distinction in words, the matched phrase and the seed', () => {
    view();
    expect(screen.getByText('Product manager (strategic)')).toBeTruthy();
    expect(screen.getByText(/The product roadmap, MVPs and release planning/)).toBeTruthy();
    expect(screen.getByText('“the 2027 roadmap”')).toBeTruthy();
    expect(screen.getByText(/Seed 000: Product owner vs product manager/)).toBeTruthy();
    expect(screen.getByText('Product owner (tactical)')).toBeTruthy();
    expect(screen.getByText(/Seed 001: Product Manager vs. Product Owner/)).toBeTruthy();
  });

  it('shows at most four pieces of evidence', () => {
    const evidence = Array.from({ length: 6 }, (_, i) => ({ side: 'PO' as const, signal: 'backlog', text: `phrase ${i}`, seed: '001' as const, weight: -1 }));
    const { container } = view(makePanel({ classification: makeStored({ automatic: { kind: 'tactical', share: 0.1, confidence: 0.9, evidence } }) }));
    expect(container.querySelectorAll('ul.evidence li')).toHaveLength(4);
  });

  it('says so when no phrase was found', () => {
    view(makePanel({ classification: makeStored({ automatic: { kind: 'mixed', share: 0.5, confidence: 0.2, evidence: [] } }) }));
    expect(screen.getByText(/No distinctive phrase found/)).toBeTruthy();
  });
});

describe('PanelView: epic context', () => {
  it('for a child: its epic with the epic’s tag', () => {
    const { container } = view(makePanel({ issue: { key: 'SHOP-5', summary: 's', type: 'Story', isEpic: false }, childBalance: null, classification: makeStored({ kind: 'tactical' }), epic: { key: 'SHOP-1', summary: 'Vision epic', type: 'Epic', kind: 'strategic', share: 0.9 } }));
    expect(screen.getByRole('heading', { name: 'Epic' })).toBeTruthy();
    expect(screen.getByText('Vision epic')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('.lozenge')).map((l) => l.textContent)).toEqual(['Tactical · PO', 'Strategic · PM']);
  });

  it.each([
    ['VISION_WITHOUT_EXECUTION', 'This strategic epic has no tactical breakdown yet.'],
    ['EXECUTION_WITHOUT_DIRECTION', 'These are tactical children with no strategic intent stated.'],
  ] as const)('for an epic: the children’s balance and the %s warning', (code, message) => {
    view(makePanel({ warnings: [{ code, message }] }));
    expect(screen.getByRole('heading', { name: 'Child issues' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Children by count: strategic 1, mixed 0, tactical 3, unclassified 1/ })).toBeTruthy();
    expect(screen.getByRole('note').textContent).toBe(message);
  });

  it('shows no epic section for an issue outside any epic', () => {
    view(makePanel({ issue: { key: 'SHOP-9', summary: 's', type: 'Task', isEpic: false }, childBalance: null, epic: null }));
    expect(screen.queryByRole('heading', { name: /Epic|Child issues/ })).toBeNull();
  });
});

describe('PanelView: override', () => {
  it('sends the chosen tag and note', () => {
    const onOverride = jest.fn();
    view(makePanel(), { onOverride });
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'mixed' } });
    fireEvent.change(screen.getByLabelText('Note (optional)'), { target: { value: '  both, really ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set tag' }));
    expect(onOverride).toHaveBeenCalledWith('mixed', 'both, really');
  });

  it('shows who overrode and when, the note, and returns to automatic', () => {
    const onClear = jest.fn();
    const override = { kind: 'tactical' as const, by: 'alice-account', at: '2026-11-02T09:00:00.000Z', note: 'delivery only' };
    const { container } = view(makePanel({ classification: makeStored({ kind: 'tactical', overridden: true, override }) }), { onClear });
    expect(screen.getByText(/Set to Tactical · PO by alice-account on/)).toBeTruthy();
    expect(container.querySelector('time')!.getAttribute('dateTime')).toBe('2026-11-02T09:00:00.000Z');
    expect(screen.getByText(/“delivery only”/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Return to automatic' }));
    expect(onClear).toHaveBeenCalledTimes(1);
  });

  it('offers no way back when the tag is automatic', () => {
    view();
    expect(screen.queryByRole('button', { name: 'Return to automatic' })).toBeNull();
    expect(screen.getByText('Tagged automatically.')).toBeTruthy();
  });

  it.each([
    ['a stated reason', 'You need the Edit issues permission in this project to change the tag.', 'You need the Edit issues permission in this project to change the tag.'],
    ['no reason given', null, 'You may not change the tag of this issue.'],
  ])('without the right to edit (%s): no controls, the reason instead', (_name, reason, shown) => {
    view(makePanel({ canOverride: false, cannotOverrideReason: reason }));
    expect(screen.queryByRole('button', { name: 'Set tag' })).toBeNull();
    expect(screen.queryByLabelText('Tag')).toBeNull();
    expect(screen.getByRole('note').textContent).toBe(shown);
  });

  it('disables the controls while saving and shows a failed save', () => {
    view(makePanel({ classification: makeStored({ overridden: true, override: { kind: 'strategic', by: 'a', at: '2026-11-02T09:00:00.000Z' } }) }), { busy: true, actionError: 'Jira refused: you lack a permission for this.' });
    for (const name of ['Set tag', 'Return to automatic']) expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByLabelText('Tag') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.getByRole('alert').textContent).toMatch(/lack a permission/);
  });
});

describe('PanelView: Jira text is text', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  it.each([
    ['an epic summary', makePanel({ epic: { key: 'SHOP-1', summary: hostile, type: 'Epic', kind: null, share: null } })],
    ['a matched phrase', makePanel({ classification: makeStored({ automatic: { kind: 'strategic', share: 1, confidence: 1, evidence: [{ side: 'PM', signal: 'vision', text: hostile, seed: '000', weight: 2 }] } }) })],
    ['an override note', makePanel({ classification: makeStored({ overridden: true, override: { kind: 'mixed', by: 'a', at: '2026-11-02T09:00:00.000Z', note: hostile } }) })],
    ['a warning', makePanel({ warnings: [{ code: 'CHILDREN_DISAGREE', message: hostile }] })],
  ])('%s renders literally', (_where, data) => {
    const { container } = view(data);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(hostile);
  });
});
