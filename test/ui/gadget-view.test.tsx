/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { GadgetView, type GadgetViewProps } from '../../static/app/src/gadget/gadget-view';
import { makeGadget } from './fixtures';

const noop = () => undefined;
const view = (props: Partial<GadgetViewProps> = {}) =>
  render(
    <GadgetView
      data={makeGadget()}
      searchHref={(jql) => `https://site.test/issues/?jql=${encodeURIComponent(jql)}`}
      onOpenJql={noop}
      reportHref="https://site.test/jira/software/projects/SHOP/apps/x/y"
      onOpenReport={noop}
      {...props}
    />,
  );

describe('GadgetView (compact)', () => {
  it('leads with one figure for the chosen measure, against the target in plain units', () => {
    const { container } = view();
    expect(container.querySelector('.figure')!.textContent).toBe('17%');
    expect(screen.getByText(/strategic by issue count/)).toBeTruthy();
    expect(screen.getByText('target 30% · 13 percentage points below')).toBeTruthy();
  });

  it('uses story points when the gadget is set to them', () => {
    const data = makeGadget();
    const { container } = view({ data: { ...data, config: { ...data.config, unit: 'points' } } });
    expect(container.querySelector('.figure')!.textContent).toBe('11%');
    expect(screen.getByText(/strategic by story points/)).toBeTruthy();
    expect(screen.getByText('target 30% · 19 percentage points below')).toBeTruthy();
  });

  it('shows one bar whose parts are real links to Jira search that open in a new tab', () => {
    const onOpenJql = jest.fn();
    const { container } = view({ onOpenJql });
    const links = Array.from(container.querySelectorAll('svg.bar a'));
    expect(links).toHaveLength(4);
    expect(links[0]!.getAttribute('href')).toBe(
      `https://site.test/issues/?jql=${encodeURIComponent('project = "SHOP" AND ownershipKind = strategic')}`,
    );
    expect(links.every((a) => a.getAttribute('target') === '_blank')).toBe(true);
    fireEvent.click(screen.getAllByRole('link', { name: /10 strategic/ })[0]!);
    expect(onOpenJql).toHaveBeenCalledWith(
      expect.anything(),
      'project = "SHOP" AND ownershipKind = strategic',
    );
  });

  it('draws the trend on a 0–100% axis with short dates and the volume per week', () => {
    const { container } = view();
    expect(Array.from(container.querySelectorAll('svg.share-trend text')).map((t) => t.textContent)).toEqual([
      '0%',
      '50%',
      '100%',
      '7 Sep',
      '14 Sep',
    ]);
    expect(container.querySelectorAll('svg.share-trend rect.volume')).toHaveLength(2);
    expect(screen.getByText('Line: strategic share per week · bars: issues per week (most: 7)')).toBeTruthy();
  });

  it('shows at most two flags and links to the full report', () => {
    const onOpenReport = jest.fn();
    view({
      data: makeGadget({ scope: { source: 'your-search', message: 'Some issues are hidden from you.' } }),
      onOpenReport,
    });
    expect(screen.getAllByRole('note').map((n) => n.textContent)).toEqual([
      'Some issues are hidden from you.',
      '2 issues have no tag yet: open the full report to classify them.',
    ]);
    const report = screen.getByRole('link', { name: 'Open full report' });
    expect(report.getAttribute('href')).toBe('https://site.test/jira/software/projects/SHOP/apps/x/y');
    fireEvent.click(report);
    expect(onOpenReport).toHaveBeenCalledTimes(1);
  });
});
