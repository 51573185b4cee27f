/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { PanelView, type PanelViewProps } from '../../static/app/src/panel/panel-view';
import { makePanel, makeStored } from './fixtures';

const noop = () => undefined;
const view = (data = makePanel(), extra: Partial<PanelViewProps> = {}) =>
  render(
    <PanelView data={data} busy={false} actionError={null} onOverride={noop} onClear={noop} {...extra} />,
  );

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

  it('after an override: who (display name), when (relative), the note, the automatic result, ' +
    'and the way back', () => {
    const onClear = jest.fn();
    const override = {
      kind: 'tactical' as const,
      by: 'alice-account',
      at: new Date(Date.now() - 3 * 864e5).toISOString(),
      note: 'delivery only',
    };
    const { container } = view(
      makePanel({
        overrideByName: 'Alice Example',
        classification: makeStored({ kind: 'tactical', overridden: true, override }),
      }),
      { onClear },
    );
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
    [
      'a stated reason',
      'You need the Edit issues permission in this project to change the tag.',
      'You need the Edit issues permission in this project to change the tag.',
    ],
    ['no reason given', null, 'You may not change the tag of this issue.'],
  ])('without the right to edit (%s): no controls, the reason instead', (_name, reason, shown) => {
    view(makePanel({ canOverride: false, cannotOverrideReason: reason, childBalance: null }));
    expect(screen.queryByRole('button', { name: 'Change tag' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Looks right' })).toBeNull();
    expect(screen.getByRole('note').textContent).toBe(shown);
  });

  it('disables the controls while saving and shows a failed save', () => {
    view(
      makePanel({
        classification: makeStored({
          overridden: true,
          override: { kind: 'mixed', by: 'a', at: '2026-11-02T09:00:00.000Z' },
        }),
      }),
      { busy: true, actionError: 'Jira refused: you lack a permission for this.' },
    );
    for (const name of ['Change tag', 'Return to automatic'])
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('alert').textContent).toMatch(/lack a permission/);
  });
});

describe('PanelView: Jira text is text', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  it.each([
    [
      'an epic summary',
      makePanel({ epic: { key: 'SHOP-1', summary: hostile, type: 'Epic', kind: null, share: null } }),
    ],
    [
      'a matched phrase',
      makePanel({
        classification: makeStored({
          automatic: {
            kind: 'strategic',
            share: 1,
            confidence: 1,
            evidence: [{ side: 'PM', signal: 'vision', text: hostile, seed: '000', weight: 2 }],
          },
        }),
      }),
    ],
    [
      'an override note',
      makePanel({
        classification: makeStored({
          overridden: true,
          override: { kind: 'mixed', by: 'a', at: '2026-11-02T09:00:00.000Z', note: hostile },
        }),
      }),
    ],
    ['a warning', makePanel({ warnings: [{ code: 'CHILDREN_DISAGREE', message: hostile }] })],
  ])('%s renders literally', (_where, data) => {
    const { container } = view(data);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(hostile);
  });
});
