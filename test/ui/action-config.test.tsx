/** @jest-environment jsdom */
import { fakeBridge } from './fake-bridge';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ActionConfigForm, inputsFrom } from '../../static/app/src/automation/action-config-form';
import { routeFor } from '../../static/app/src/route';

beforeEach(() => fakeBridge.reset());

describe('the Automation action configuration form', () => {
  it('is the screen for the action module, ' +
    'with the saved inputs and the invalid ones Automation reports', () => {
    const context = {
      moduleKey: 'classify-ownership',
      extension: {
        type: 'action',
        data: { inputs: { issueKey: 'SHOP-1' } },
        errors: { invalidInputs: { issueKey: { message: 'issueKey is required' } } },
      },
    };
    expect(routeFor(context)).toEqual({
      name: 'action-config',
      saved: { issueKey: 'SHOP-1' },
      invalid: { issueKey: { message: 'issueKey is required' } },
    });
  });

  it.each([
    [undefined, { issueKey: '{{issue.key}}', onlyIfUnclassified: false }],
    [{ issueKey: '  ' }, { issueKey: '{{issue.key}}', onlyIfUnclassified: false }],
    [{ issueKey: 'SHOP-2', onlyIfUnclassified: 'true' }, { issueKey: 'SHOP-2', onlyIfUnclassified: true }],
  ])('starts from %j as %j', (saved, inputs) => {
    expect(inputsFrom(saved)).toEqual(inputs);
  });

  it('passes every change on with view.submit, so Automation keeps the state', async () => {
    render(<ActionConfigForm saved={{}} invalid={{}} />);
    fireEvent.change(screen.getByLabelText('Issue to classify'), { target: { value: 'MOBILE-3' } });
    fireEvent.click(screen.getByLabelText('Only if the issue has no classification yet'));
    await waitFor(() => expect(fakeBridge.submitted).toHaveLength(2));
    expect(fakeBridge.submitted[1]).toEqual({ issueKey: 'MOBILE-3', onlyIfUnclassified: true });
  });

  it('submits the latest inputs when Automation\'s Next button sends AUTOMATION_ACTION_SUBMIT', async () => {
    render(<ActionConfigForm saved={{ issueKey: 'SHOP-9' }} invalid={{}} />);
    await waitFor(() => expect(fakeBridge.listeners.AUTOMATION_ACTION_SUBMIT).toHaveLength(1));
    act(() => fakeBridge.emit('AUTOMATION_ACTION_SUBMIT'));
    await waitFor(() =>
      expect(fakeBridge.submitted).toEqual([{ issueKey: 'SHOP-9', onlyIfUnclassified: false }]),
    );
  });

  it('shows the message of an invalid input until the field is edited', () => {
    render(
      <ActionConfigForm
        saved={{ issueKey: 'bad' }}
        invalid={{ issueKey: { message: 'must be an issue key' } }}
      />,
    );
    expect(screen.getByText('must be an issue key')).toBeTruthy();
    expect(screen.getByLabelText('Issue to classify').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByLabelText('Issue to classify'), { target: { value: '{{issue.key}}' } });
    expect(screen.queryByText('must be an issue key')).toBeNull();
  });
});
