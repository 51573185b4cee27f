/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { AgreementView, MIN_REVIEWS } from '../../static/app/src/admin/agreement-view';
import { RolesSection } from '../../static/app/src/admin/roles-section';
import { makeAgreement } from './fixtures';

const noop = () => undefined;

describe('AgreementView', () => {
  it('sums up in cards: classified, reviewed, and no agreement rate before the minimum sample', () => {
    const { container } = render(<AgreementView data={makeAgreement()} busy={false} onReset={noop} />);
    expect(Array.from(container.querySelectorAll('.card-value')).map((c) => c.textContent)).toEqual([
      '40',
      '9',
      '—',
    ]);
    expect(screen.getByText(`shown after ${MIN_REVIEWS} reviews (9 so far)`)).toBeTruthy();
  });

  it('shows the agreement rate once enough tags were reviewed', () => {
    const { container } = render(
      <AgreementView
        data={makeAgreement({ reviewed: { confirmed: 18, overridden: 6 } })}
        busy={false}
        onReset={noop}
      />,
    );
    expect(container.querySelectorAll('.card-value')[2]!.textContent).toBe('75%');
  });

  it('says in plain words which signals it now trusts less or more', () => {
    render(<AgreementView data={makeAgreement()} busy={false} onReset={noop} />);
    expect(screen.getByText('20% less')).toBeTruthy();
    expect(screen.queryByText(/×/)).toBeNull();
    expect(
      screen.getByText(/^From 3 reviews .*Checked on each of 24 reviews in turn, kept aside while/),
    ).toBeTruthy();
    expect(
      screen.getByText(/agreed with people 50% of the time before learning and 100% after/),
    ).toBeTruthy();
    expect(
      screen.getByText(/Calibrated to this site from 12 reviews: borderline work now leans tactical/),
    ).toBeTruthy();
    expect(screen.getByText(/^Automatic tags made before follow what it learned in the next daily update/))
      .toBeTruthy();
  });

  it('before any weight moves, says what it has collected and why nothing ' +
    'moved yet; it can still be reset', () => {
    const adaptation = {
      learnedFrom: 2,
      learnedAt: '2026-11-20T00:00:00.000Z',
      signals: [],
      calibration: null,
    };
    render(<AgreementView data={makeAgreement({ adaptation })} busy={false} onReset={noop} />);
    expect(screen.getByText(/^From 2 reviews \(confirmed or changed tags\)/)).toBeTruthy();
    expect(screen.getByText(/^No weight has moved yet/)).toBeTruthy();
    expect(screen.queryByText(/^Automatic tags made before follow/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Reset learning' })).toBeTruthy();
  });

  it('checks learning only once 20 reviews can be checked', () => {
    const heldOut = { trained: 76, heldOut: 19, agreementBefore: 0.5, agreementAfter: 1 };
    render(<AgreementView data={makeAgreement({ heldOut })} busy={false} onReset={noop} />);
    expect(screen.getByText(/Too few reviews yet to check it on ones kept aside\./)).toBeTruthy();
    expect(screen.queryByText(/before learning/)).toBeNull();
  });

  it('with nothing reviewed since the last reset, says nothing was learned', () => {
    render(<AgreementView data={makeAgreement({ adaptation: null })} busy={false} onReset={noop} />);
    expect(screen.getByText(/^Nothing learned yet/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reset learning' })).toBeNull();
  });

  it('resets learning only after a confirmation', () => {
    const onReset = jest.fn();
    render(<AgreementView data={makeAgreement()} busy={false} onReset={onReset} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset learning' }));
    expect(screen.getByText('Reset what the classifier learned?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onReset).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Reset learning' }));
    const confirm = screen
      .getAllByRole('button', { name: 'Reset learning', hidden: true })
      .find((b) => b.classList.contains('danger'))!;
    fireEvent.click(confirm);
    expect(onReset).toHaveBeenCalledTimes(1);
  });
});

describe('RolesSection', () => {
  it('finds people by name and sets their role', async () => {
    const onSave = jest.fn();
    const alice = { accountId: 'a-1', displayName: 'Alice Admin' };
    render(
      <RolesSection
        roles={{}}
        people={[]}
        busy={false}
        onSave={onSave}
        onSearch={() => Promise.resolve([alice])}
      />,
    );
    expect(screen.getByText('No roles set yet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Find a person'), { target: { value: 'ali' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Find' })); });
    fireEvent.click(screen.getByRole('button', { name: 'Set as PM' }));
    expect(onSave).toHaveBeenCalledWith({ 'a-1': 'PM' }, alice);
  });

  it('changes a role, or goes back to inferring it', () => {
    const onSave = jest.fn();
    render(
      <RolesSection
        roles={{ 'b-1': 'PO' }}
        people={[{ accountId: 'b-1', displayName: 'Bob Viewer' }]}
        busy={false}
        onSave={onSave}
        onSearch={() => Promise.resolve([])}
      />,
    );
    fireEvent.change(screen.getByLabelText('Role of Bob Viewer'), { target: { value: 'PM' } });
    expect(onSave).toHaveBeenLastCalledWith({ 'b-1': 'PM' }, undefined);
    fireEvent.change(screen.getByLabelText('Role of Bob Viewer'), { target: { value: 'none' } });
    expect(onSave).toHaveBeenLastCalledWith({}, undefined);
  });
});
