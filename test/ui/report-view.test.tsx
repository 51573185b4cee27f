/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { ReportView } from '../../static/app/src/report/report-view';
import { TeamView } from '../../static/app/src/report/team-view';
import { makeGadget, makeInsights } from './fixtures';

const noop = () => undefined;
const HREFS = {
  search: (jql: string) => `https://site.test/issues/?jql=${encodeURIComponent(jql)}`,
  issue: (key: string) => `https://site.test/browse/${key}`,
};

describe('ReportView', () => {
  it('shows the balance by count and by story points', () => {
    render(<ReportView data={makeGadget()} hrefs={HREFS} onOpenJql={noop} onOpenIssue={noop} />);
    expect(
      screen.getByRole('img', { name: 'By issue count: strategic 10, mixed 5, tactical 60, unclassified 2' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('img', {
        name: 'By story points: strategic 20, mixed 10, tactical 200, unclassified 0',
      }),
    ).toBeTruthy();
    expect(screen.getByText('Storefront')).toBeTruthy();
  });

  it.each([
    [-0.13, 'warning'],
    [0.02, 'muted'],
    [null, 'muted'],
  ])('drift %p shows the target message styled %s', (drift, cls) => {
    render(
      <ReportView
        data={makeGadget({ target: { share: 0.3, drift, message: 'the drift message' } })}
        hrefs={HREFS}
        onOpenJql={noop}
        onOpenIssue={noop}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('the drift message');
    expect(screen.getByRole('status').className).toBe(cls);
  });

  it('says when the figures count only the issues the viewer can see, and says nothing otherwise', () => {
    const { rerender } = render(
      <ReportView
        data={makeGadget({ scope: { source: 'your-search', message: 'Some issues are hidden from you.' } })}
        hrefs={HREFS}
        onOpenJql={noop}
        onOpenIssue={noop}
      />,
    );
    expect(screen.getByRole('note').textContent).toBe('Some issues are hidden from you.');
    rerender(
      <ReportView
        data={makeGadget({ scope: { source: 'project-figures', message: null } })}
        hrefs={HREFS}
        onOpenJql={noop}
        onOpenIssue={noop}
      />,
    );
    expect(screen.queryByRole('note')).toBeNull();
  });

  it.each([
    ['week', 'count', 'issue count'],
    ['month', 'points', 'story points'],
  ] as const)('draws the trend by %s in %s', (trend, unit, words) => {
    const data = makeGadget();
    render(
      <ReportView
        data={{ ...data, config: { ...data.config, trend, unit } }}
        hrefs={HREFS}
        onOpenJql={noop}
        onOpenIssue={noop}
      />,
    );
    expect(screen.getByRole('heading', { name: `Trend by ${trend} (${words})` })).toBeTruthy();
    expect(
      screen.getByRole('img', { name: new RegExp(`Strategic share per ${trend}, target 30%`) }),
    ).toBeTruthy();
  });

  it.each([
    ['Strategic issues', 'project = "SHOP" AND ownershipKind = strategic'],
    ['Tactical issues', 'project = "SHOP" AND ownershipKind = tactical'],
    ['Unclassified issues', 'project = "SHOP" AND ownershipKind IS EMPTY'],
    ['All issues', 'project = "SHOP"'],
  ])('"%s" opens its JQL', (name, jql) => {
    const onOpenJql = jest.fn();
    render(<ReportView data={makeGadget()} hrefs={HREFS} onOpenJql={onOpenJql} onOpenIssue={noop} />);
    const link = screen.getByRole('link', { name });
    expect(link.getAttribute('href')).toBe(HREFS.search(jql));
    expect(link.getAttribute('target')).toBe('_blank');
    fireEvent.click(link);
    expect(onOpenJql).toHaveBeenCalledWith(expect.anything(), jql);
  });

  it('lists the largest strategic and tactical epics and opens one', () => {
    const onOpenIssue = jest.fn();
    render(<ReportView data={makeGadget()} hrefs={HREFS} onOpenJql={noop} onOpenIssue={onOpenIssue} />);
    expect(screen.getByText('Vision')).toBeTruthy();
    expect(screen.getByText('Checkout fixes')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'SHOP-7' }));
    expect(onOpenIssue).toHaveBeenCalledWith(expect.anything(), 'SHOP-7');
  });

  it('says "None yet." for a side with no epics', () => {
    render(
      <ReportView
        data={makeGadget({ topEpics: { strategic: [], tactical: [] } })}
        hrefs={HREFS}
        onOpenJql={noop}
        onOpenIssue={noop}
      />,
    );
    expect(screen.getAllByText('None yet.')).toHaveLength(2);
  });

  it('renders epic summaries as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = render(
      <ReportView
        data={makeGadget({
          topEpics: {
            strategic: [{ key: 'SHOP-9', summary: hostile, type: 'Epic', kind: 'strategic', share: 1 }],
            tactical: [],
          },
        })}
        hrefs={HREFS}
        onOpenJql={noop}
        onOpenIssue={noop}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(hostile)).toBeTruthy();
  });
});

describe('TeamView', () => {
  it('shows people, their flags, and opens the untethered tactical work', () => {
    const onOpenJql = jest.fn();
    render(<TeamView data={makeInsights()} searchHref={HREFS.search} onOpenJql={onOpenJql} />);
    expect(screen.getByText('Alice')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toMatch(/mostly carries backlog work/);
    const open = screen.getByRole('link', { name: 'Open them' });
    expect(open.getAttribute('href')).toBe(HREFS.search('project = SHOP AND parent IS EMPTY'));
    fireEvent.click(open);
    expect(onOpenJql).toHaveBeenCalledWith(expect.anything(), 'project = SHOP AND parent IS EMPTY');
  });
});
