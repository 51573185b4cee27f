/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { BalanceBar, ShareBar } from '../../static/app/src/components/bars';
import { Lozenge } from '../../static/app/src/components/lozenge';
import { EmptyState, ErrorState, Loading } from '../../static/app/src/components/states';
import { ShareTrend } from '../../static/app/src/components/share-trend';
import { makeGadget } from './fixtures';

describe('Lozenge', () => {
  it.each([
    ['strategic', 'Strategic · PM', 'strategic'],
    ['tactical', 'Tactical · PO', 'tactical'],
    ['mixed', 'Mixed', 'mixed'],
    [null, 'Unclassified', 'none'],
  ] as const)('kind %s reads "%s"', (kind, text, cls) => {
    render(<Lozenge kind={kind} />);
    expect(screen.getByText(text).className).toBe(`lozenge ${cls}`);
  });
});

describe('ShareBar', () => {
  it.each([[0, 0], [0.82, 82], [1, 100], [0.333, 33]])('share %d draws %d%% strategic', (share, pct) => {
    const { container } = render(<ShareBar share={share} label="Strategic share" />);
    expect(screen.getByRole('img', { name: `Strategic share: ${pct}% strategic` })).toBeTruthy();
    const [strategic, tactical] = Array.from(container.querySelectorAll('rect'));
    expect(Number(strategic!.getAttribute('width'))).toBe(pct);
    expect(Number(tactical!.getAttribute('width'))).toBe(100 - pct);
  });
});

describe('BalanceBar', () => {
  it('draws one segment per kind in proportion and lists the numbers as text', () => {
    const { container } = render(
      <BalanceBar
        tally={{ strategic: 1, mixed: 1, tactical: 2, unclassified: 0 }}
        label="By issue count"
        unit=""
        share={0.25}
      />,
    );
    expect(
      Array.from(container.querySelectorAll('rect')).map((r) => Number(r.getAttribute('width'))),
    ).toEqual([25, 25, 50, 0]);
    expect(
      screen.getByRole('img', { name: 'By issue count: strategic 1, mixed 1, tactical 2, unclassified 0' }),
    ).toBeTruthy();
    expect(screen.getByText('By issue count · 25% strategic')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('td')).map((td) => td.textContent!.trim())).toEqual([
      'Strategic 1',
      'Mixed 1',
      'Tactical 2',
      'Unclassified 0',
    ]);
  });

  it('draws nothing (and divides by nothing) when the tally is empty', () => {
    const { container } = render(
      <BalanceBar
        tally={{ strategic: 0, mixed: 0, tactical: 0, unclassified: 0 }}
        label="By story points"
        unit="pts"
        share={null}
      />,
    );
    expect(container.querySelectorAll('rect')).toHaveLength(0);
    expect(screen.getByText('By story points')).toBeTruthy();
  });
});

describe('ShareTrend', () => {
  const trend = makeGadget().trend;
  it.each([
    ['week', 'count', ['7 Sep', '14 Sep']],
    ['month', 'points', ['Sep 26', 'Sep 26']],
  ] as const)(
    'per %s in %s: a point per period on a 0–100%% axis, the target line, the volume',
    (granularity, unit, dates) => {
      const { container } = render(
        <ShareTrend trend={trend} unit={unit} granularity={granularity} targetShare={0.3} />,
      );
      expect(container.querySelectorAll('circle.share-dot')).toHaveLength(2);
      expect(container.querySelectorAll('rect.volume')).toHaveLength(2);
      const line = container.querySelector('line.target-line')!;
      expect(Number(line.getAttribute('y1'))).toBeCloseTo(78 - 0.3 * 72);
      expect(Array.from(container.querySelectorAll('text')).map((t) => t.textContent)).toEqual([
        '0%',
        '50%',
        '100%',
        ...dates,
      ]);
      expect(
        screen.getByRole('img', {
          name: new RegExp(`^Strategic share per ${granularity}, target 30%\\. ${dates[0]}: `),
        }),
      ).toBeTruthy();
    },
  );

  it('says so when no period has classified work', () => {
    render(<ShareTrend trend={[]} unit="count" granularity="week" targetShare={0.3} />);
    expect(screen.getByText('No classified work in this period yet.')).toBeTruthy();
  });

  it('is drawn at its figure\'s measured width: ' +
    'a wide gadget gets a wide chart, its text at its size', () => {
    const observed: Element[] = [];
    class WidthObserver {
      constructor(private readonly report: (entries: Array<{ contentRect: { width: number } }>) => void) {}
      observe(el: Element) { observed.push(el); this.report([{ contentRect: { width: 760 } }]); }
      disconnect() {}
    }
    const real = (globalThis as { ResizeObserver?: unknown }).ResizeObserver;
    (globalThis as { ResizeObserver?: unknown }).ResizeObserver = WidthObserver;
    try {
      const { container } = render(
        <ShareTrend trend={trend} unit="count" granularity="week" targetShare={0.3} />,
      );
      expect(observed.map((el) => el.tagName)).toEqual(['FIGURE']);
      expect(container.querySelector('svg.share-trend')!.getAttribute('viewBox')).toBe('0 0 760 124');
      expect(container.querySelector('line.target-line')!.getAttribute('x2')).toBe('756');
    } finally {
      (globalThis as { ResizeObserver?: unknown }).ResizeObserver = real;
    }
  });
});

describe('states', () => {
  it('loading is announced politely', () => {
    render(<Loading what="the tag" />);
    expect(screen.getByRole('status').textContent).toMatch(/Loading the tag/);
  });
  it.each(['panel', 'gadget', 'page'] as const)(
    'loading the %s is a skeleton of its final shape, announced in words',
    (shape) => {
      const { container } = render(<Loading what="the tag" shape={shape} />);
      expect(container.querySelector('.skeleton')!.classList.contains(shape)).toBe(true);
      expect(container.querySelectorAll('.bone').length).toBeGreaterThan(3);
      expect(screen.getByRole('status').textContent).toBe('Loading the tag…');
    },
  );
  it('an empty state says what is missing', () => {
    render(<EmptyState title="This gadget has no project yet." />);
    expect(screen.getByText('This gadget has no project yet.')).toBeTruthy();
  });
  it('an error is an alert with a retry', () => {
    const onRetry = jest.fn();
    render(<ErrorState message="Jira is not answering" onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toBe('Jira is not answering');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
