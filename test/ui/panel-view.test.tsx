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
    expect(screen.getByText(new RegExp(`${word} confidence`))).toBeTruthy();
  });

  it('names the strategic share in words beside the tag, and hedges a low-confidence tag', () => {
    view(makePanel({ classification: makeStored({ kind: 'tactical', share: 0.18, confidence: 0.3 }) }));
    expect(screen.getByText(/^Likely tactical · 18% strategic · low confidence/)).toBeTruthy();
  });

  it('says why in one plain sentence from the strongest evidence of its side', () => {
    view();
    expect(screen.getByText('Looks like product-manager work: the roadmap.')).toBeTruthy();
  });

  it('explains PM and PO work behind a help link', () => {
    const { container } = view();
    expect(screen.getByText('What are PM and PO work?')).toBeTruthy();
    expect(container.querySelector('details.help')!.textContent).toMatch(/Product manager \(strategic\).*Product owner \(tactical\)/);
  });
});

describe('PanelView: the evidence', () => {
  const quoted = [
    { side: 'PM' as const, signal: 'roadmap', text: 'Plan the 2027 roadmap now', seed: '000' as const, weight: 1.2, meaning: 'The product roadmap', highlight: [14, 21] as [number, number] },
    { side: 'PO' as const, signal: 'type-prior', text: 'Issue type: Epic', seed: '000' as const, weight: -0.2, meaning: 'Issue type Epic' },
  ];
  it('is folded behind "Show evidence (N)", grouped by quote, the matched words highlighted, the seed in a tooltip', () => {
    const { container } = view(makePanel({ classification: makeStored({ automatic: { kind: 'strategic', share: 0.8, confidence: 0.8, evidence: quoted } }) }));
    expect(container.querySelector('details.evidence')!.hasAttribute('open')).toBe(false);
    expect(screen.getByText('Show evidence (2)')).toBeTruthy();
    expect(container.querySelector('mark')!.textContent).toBe('roadmap');
    expect(container.querySelector('ul.evidence li')!.getAttribute('title')).toMatch(/^From “Product owner vs product manager/);
    expect(container.querySelector('ul.evidence li')!.textContent).toMatch(/^Product manager · The product roadmap/);
  });

  it('says so when no phrase was found', () => {
    view(makePanel({ classification: makeStored({ automatic: { kind: 'mixed', share: 0.5, confidence: 0.2, evidence: [] } }) }));
    expect(screen.getByText(/No telling phrase/)).toBeTruthy();
  });
});

describe('PanelView: epic context', () => {
  it('for a child: its epic with the epic’s tag', () => {
    const { container } = view(makePanel({ issue: { key: 'SHOP-5', summary: 's', type: 'Story', isEpic: false }, childBalance: null, classification: makeStored({ kind: 'tactical' }), epic: { key: 'SHOP-1', summary: 'Vision epic', type: 'Epic', kind: 'strategic', share: 0.9 } }));
    expect(screen.getByText('Vision epic')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('.lozenge')).map((l) => l.textContent)).toEqual(['Tactical · PO', 'Strategic · PM']);
  });

  it.each([
    ['VISION_WITHOUT_EXECUTION', 'This strategic epic has no tactical breakdown yet.'],
    ['EXECUTION_WITHOUT_DIRECTION', 'These are tactical children with no strategic intent stated.'],
  ] as const)('for an epic: the children as one compact bar, how they agree with it, and the %s warning', (code, message) => {
    view(makePanel({ warnings: [{ code, message }] }));
    expect(screen.getByRole('img', { name: 'Child issues by count: 1 strategic, 3 tactical, 1 unclassified' })).toBeTruthy();
    expect(screen.getByText(/The epic reads strategic, its children tactical \(25% strategic by count\)/)).toBeTruthy();
    expect(screen.getByRole('note').textContent).toBe(message);
  });

  it('shows no epic context for an issue outside any epic', () => {
    const { container } = view(makePanel({ issue: { key: 'SHOP-9', summary: 's', type: 'Task', isEpic: false }, childBalance: null, epic: null }));
    expect(container.querySelector('section.context')).toBeNull();
  });
});

describe('PanelView: the human’s say', () => {
  it('"Looks right" confirms the automatic tag', () => {
    const onOverride = jest.fn();
    view(makePanel(), { onOverride });
    fireEvent.click(screen.getByRole('button', { name: 'Looks right' }));
    expect(onOverride).toHaveBeenCalledWith('strategic', '');
  });

  it('"Change tag" opens the form, which sends the chosen tag and note, and Cancel closes it', () => {
    const onOverride = jest.fn();
    view(makePanel(), { onOverride });
    expect(screen.queryByLabelText('Tag')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Change tag' }));
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'mixed' } });
    fireEvent.change(screen.getByLabelText('Why (optional)'), { target: { value: '  both, really ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set tag' }));
    expect(onOverride).toHaveBeenCalledWith('mixed', 'both, really');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('Tag')).toBeNull();
  });

  it('after an override: who (display name), when (relative), the note, the automatic result, and the way back', () => {
    const onClear = jest.fn();
    const override = { kind: 'tactical' as const, by: 'alice-account', at: new Date(Date.now() - 3 * 864e5).toISOString(), note: 'delivery only' };
    const { container } = view(makePanel({ overrideByName: 'Alice Example', classification: makeStored({ kind: 'tactical', overridden: true, override }) }), { onClear });
    expect(screen.getByText(/Set to Tactical · PO by Alice Example/)).toBeTruthy();
    expect(container.querySelector('time')!.textContent).toBe('3 days ago');
    expect(screen.getByText(/“delivery only”/)).toBeTruthy();
    expect(screen.getByText(/Automatic: Strategic · PM \(82% strategic\)/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Looks right' })).toBeNull();
    expect(screen.getByText(/^Set by a person/)).toBeTruthy();
    expect(screen.queryByText(/confidence/)).toBeNull();
    expect(screen.getByText(/^Show the automatic result’s evidence \(\d+\)$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Return to automatic' }));
    expect(onClear).toHaveBeenCalledTimes(1);
  });

  it('a confirmation reads as one', () => {
    const override = { kind: 'strategic' as const, by: 'bob', at: new Date().toISOString() };
    view(makePanel({ overrideByName: 'Bob', classification: makeStored({ overridden: true, override }) }));
    expect(screen.getByText(/^Confirmed by Bob/)).toBeTruthy();
  });

  it('offers no way back when the tag is automatic', () => {
    view();
    expect(screen.queryByRole('button', { name: 'Return to automatic' })).toBeNull();
  });

  it.each([
    ['a stated reason', 'You need the Edit issues permission in this project to change the tag.', 'You need the Edit issues permission in this project to change the tag.'],
    ['no reason given', null, 'You may not change the tag of this issue.'],
  ])('without the right to edit (%s): no controls, the reason instead', (_name, reason, shown) => {
    view(makePanel({ canOverride: false, cannotOverrideReason: reason, childBalance: null }));
    expect(screen.queryByRole('button', { name: 'Change tag' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Looks right' })).toBeNull();
    expect(screen.getByRole('note').textContent).toBe(shown);
  });

  it('disables the controls while saving and shows a failed save', () => {
    view(makePanel({ classification: makeStored({ overridden: true, override: { kind: 'mixed', by: 'a', at: '2026-11-02T09:00:00.000Z' } }) }), { busy: true, actionError: 'Jira refused: you lack a permission for this.' });
    for (const name of ['Change tag', 'Return to automatic']) expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
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
