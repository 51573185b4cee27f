/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { PanelView, type PanelViewProps } from '../../static/app/src/panel/panel-view';
import { makePanel, makeStored } from './fixtures';

const noop = () => undefined;
const view = (data = makePanel(), extra: Partial<PanelViewProps> = {}) =>
  render(
    <PanelView data={data} busy={false} actionError={null} onOverride={noop} onClear={noop} {...extra} />,
  );

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


  it.each([
    [0.95, 'high'],
    [0.7, 'high'],
    [0.69, 'medium'],
    [0.4, 'medium'],
    [0.39, 'low'],
    [0, 'low'],
  ])('confidence %d reads "%s confidence"', (confidence, word) => {
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
    expect(container.querySelector('details.help')!.textContent).toMatch(
      /Product manager \(strategic\).*Product owner \(tactical\)/,
    );
  });
});

describe('PanelView: the evidence', () => {
  const quoted = [
    {
      side: 'PM' as const,
      signal: 'roadmap',
      text: 'Plan the 2027 roadmap now',
      seed: '000' as const,
      weight: 1.2,
      meaning: 'The product roadmap',
      highlight: [14, 21] as [number, number],
    },
    {
      side: 'PO' as const,
      signal: 'type-prior',
      text: 'Issue type: Epic',
      seed: '000' as const,
      weight: -0.2,
      meaning: 'Issue type Epic',
    },
  ];
  it('is folded behind "Show evidence (N)", grouped by quote, the matched words highlighted, ' +
    'the seed in a tooltip', () => {
    const { container } = view(
      makePanel({
        classification: makeStored({
          automatic: { kind: 'strategic', share: 0.8, confidence: 0.8, evidence: quoted },
        }),
      }),
    );
    expect(container.querySelector('details.evidence')!.hasAttribute('open')).toBe(false);
    expect(screen.getByText('Show evidence (2)')).toBeTruthy();
    expect(container.querySelector('mark')!.textContent).toBe('roadmap');
    expect(container.querySelector('ul.evidence li')!.getAttribute('title')).toMatch(
      /^From “Product owner vs product manager/,
    );
    expect(container.querySelector('ul.evidence li')!.textContent).toMatch(
      /^Product manager · The product roadmap/,
    );
  });

  it('says so when no phrase was found', () => {
    view(
      makePanel({
        classification: makeStored({
          automatic: { kind: 'mixed', share: 0.5, confidence: 0.2, evidence: [] },
        }),
      }),
    );
    expect(screen.getByText(/No telling phrase/)).toBeTruthy();
  });
});

describe('PanelView: epic context', () => {
  it('for a child: its epic with the epic’s tag', () => {
    const { container } = view(
      makePanel({
        issue: { key: 'SHOP-5', summary: 's', type: 'Story', isEpic: false },
        childBalance: null,
        classification: makeStored({ kind: 'tactical' }),
        epic: { key: 'SHOP-1', summary: 'Vision epic', type: 'Epic', kind: 'strategic', share: 0.9 },
      }),
    );
    expect(screen.getByText('Vision epic')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('.lozenge')).map((l) => l.textContent)).toEqual([
      'Tactical · PO',
      'Strategic · PM',
    ]);
  });

  it.each([
    ['VISION_WITHOUT_EXECUTION', 'This strategic epic has no tactical breakdown yet.'],
    ['EXECUTION_WITHOUT_DIRECTION', 'These are tactical children with no strategic intent stated.'],
  ] as const)(
    'for an epic: the children as one compact bar, how they agree with it, and the %s warning',
    (code, message) => {
      view(makePanel({ warnings: [{ code, message }] }));
      expect(
        screen.getByRole('img', { name: 'Child issues by count: 1 strategic, 3 tactical, 1 unclassified' }),
      ).toBeTruthy();
      expect(
        screen.getByText(/The epic reads strategic, its children tactical \(25% strategic by count\)/),
      ).toBeTruthy();
      expect(screen.getByRole('note').textContent).toBe(message);
    },
  );

  it('shows no epic context for an issue outside any epic', () => {
    const { container } = view(
      makePanel({
        issue: { key: 'SHOP-9', summary: 's', type: 'Task', isEpic: false },
        childBalance: null,
        epic: null,
      }),
    );
    expect(container.querySelector('section.context')).toBeNull();
  });
});
