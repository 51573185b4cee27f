/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { BackfillSection, type BackfillSectionProps } from '../../static/app/src/gadget/backfill-section';
import { makeBackfill } from './fixtures';

const noop = () => undefined;

describe('BackfillSection', () => {
  const props = (extra: Partial<BackfillSectionProps>): BackfillSectionProps => ({
    unclassified: 0,
    status: null,
    error: null,
    starting: false,
    onStart: noop,
    ...extra,
  });

  it.each([
    ['nothing to do', props({}), null],
    ['unclassified issues', props({ unclassified: 7 }), /7 issues have no tag yet/],
    ['a run in progress', props({ status: makeBackfill() }), /40 of 100 classified/],
    [
      'a failed run',
      props({
        unclassified: 60,
        status: makeBackfill({
          state: 'failed',
          errors: [{ issueKey: 'SHOP-3', message: 'Jira kept answering 429' }],
        }),
      }),
      /stopped after 40 of 100/,
    ],
    [
      'a finished run with failures',
      props({
        status: makeBackfill({ state: 'done', done: 100, errors: [{ issueKey: 'SHOP-3', message: 'gone' }] }),
      }),
      /SHOP-3: gone/,
    ],
    [
      'a start that failed',
      props({ unclassified: 2, error: 'Jira is busy right now.' }),
      /Jira is busy right now/,
    ],
  ])('%s', (_name, p, text) => {
    const { container } = render(<BackfillSection {...p} />);
    expect(container.textContent).toMatch(text ?? /^$/);
  });

  it('says when a run classified everything', () => {
    render(
      <BackfillSection
        {...props({ unclassified: 0, status: makeBackfill({ state: 'done', done: 12, total: 12 }) })}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Done: 12 issues classified.');
  });

  it('says what a daily refresh does: it brings the app\'s older tags up to date', () => {
    const running = makeBackfill({ scope: 'stale', done: 3, total: 8 });
    const { container, rerender } = render(<BackfillSection {...props({ status: running })} />);
    expect(screen.getByRole('heading', { name: 'Bring tags up to date' })).toBeTruthy();
    expect(container.textContent).toMatch(/3 of 8 updated…/);
    const done = makeBackfill({ scope: 'stale', state: 'done', done: 8, total: 8 });
    rerender(<BackfillSection {...props({ status: done })} />);
    expect(screen.getByRole('status').textContent).toBe('Done: 8 tags brought up to date.');
  });

  it('shows a progress bar with the counts', () => {
    render(<BackfillSection {...props({ status: makeBackfill({ done: 25, total: 50 }) })} />);
    const bar = screen.getByRole('progressbar', { name: 'Backfill progress' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([25, 50]);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it.each([
    ['Classify 3 issues', props({ unclassified: 3 })],
    ['Try again', props({ unclassified: 3, status: makeBackfill({ state: 'failed' }) })],
  ])('"%s" starts a run, and is disabled while starting', (name, p) => {
    const onStart = jest.fn();
    const { rerender } = render(<BackfillSection {...p} onStart={onStart} />);
    fireEvent.click(screen.getByRole('button', { name }));
    expect(onStart).toHaveBeenCalledTimes(1);
    rerender(<BackfillSection {...p} onStart={onStart} starting />);
    expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
  });
});
