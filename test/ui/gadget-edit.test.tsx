/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_GADGET_CONFIG } from '../../src/contract';
import { checkDraft, draftFrom } from '../../static/app/src/gadget/gadget-config-draft';
import {
  GadgetEditForm,
  type GadgetDraft,
  type GadgetEditFormProps,
} from '../../static/app/src/gadget/gadget-edit-form';

const draft = (extra: Partial<GadgetDraft> = {}): GadgetDraft => ({
  projectKey: 'SHOP',
  period: '90d',
  unit: 'count',
  trend: 'week',
  targetPercent: '30',
  refreshMinutes: '0',
  ...extra,
});

describe('draftFrom / checkDraft', () => {
  it('starts from the defaults when nothing is saved', () => {
    expect(draftFrom(undefined)).toEqual({
      projectKey: '',
      period: DEFAULT_GADGET_CONFIG.period,
      unit: 'count',
      trend: 'week',
      targetPercent: '30',
      refreshMinutes: '0',
    });
  });

  it('round-trips a saved configuration', () => {
    const saved = {
      projectKey: 'MOBILE',
      period: '365d',
      unit: 'points',
      trend: 'month',
      targetShare: 0.45,
      refreshMinutes: 15,
    };
    const checked = checkDraft(draftFrom(saved));
    expect(checked).toEqual({ ok: true, config: saved });
  });

  it.each([
    ['no project', draft({ projectKey: '' }), 'projectKey'],
    ['a target over 100', draft({ targetPercent: '150' }), 'targetPercent'],
    ['a negative target', draft({ targetPercent: '-1' }), 'targetPercent'],
    ['an empty target', draft({ targetPercent: ' ' }), 'targetPercent'],
    ['a target that is not a number', draft({ targetPercent: 'abc' }), 'targetPercent'],
    ['an unknown period', draft({ period: '7d' }), 'period'],
    ['an unknown refresh interval', draft({ refreshMinutes: '7' }), 'refreshMinutes'],
  ] as const)('refuses %s, naming the field', (_name, d, field) => {
    const checked = checkDraft(d);
    expect(checked).toEqual({ ok: false, errors: { [field]: expect.any(String) } });
  });
});

describe('GadgetEditForm', () => {
  const props = (extra: Partial<GadgetEditFormProps> = {}): GadgetEditFormProps => ({
    draft: draft(),
    projects: [
      { key: 'SHOP', name: 'Storefront' },
      { key: 'MOBILE', name: 'Mobile App' },
    ],
    projectsError: null,
    errors: {},
    formError: null,
    saving: false,
    onChange: () => undefined,
    onRetryProjects: () => undefined,
    onSubmit: () => undefined,
    ...extra,
  });

  it.each([
    ['Project', 'projectKey', 'MOBILE'],
    ['Period', 'period', '365d'],
    ['Measure by', 'unit', 'points'],
    ['Trend', 'trend', 'month'],
    ['Target strategic share (%)', 'targetPercent', '45'],
    ['Refresh', 'refreshMinutes', '15'],
  ])('the labelled field "%s" reports changes to %s', (label, field, value) => {
    const onChange = jest.fn();
    render(<GadgetEditForm {...props({ onChange })} />);
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
    expect(onChange).toHaveBeenCalledWith(field, value);
  });

  it('shows each error next to its field and marks the field invalid', () => {
    render(<GadgetEditForm {...props({ errors: { targetPercent: 'Enter a percentage from 0 to 100.' } })} />);
    const input = screen.getByLabelText('Target strategic share (%)');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Enter a percentage from 0 to 100.',
    );
    expect(screen.getByLabelText('Period').getAttribute('aria-invalid')).toBeNull();
  });

  it('submits through the form', () => {
    const onSubmit = jest.fn();
    render(<GadgetEditForm {...props({ onSubmit })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['loading', props({ projects: null }), /Loading projects/],
    [
      'failed',
      props({ projects: null, projectsError: 'Jira is not answering right now.' }),
      /Jira is not answering right now/,
    ],
    ['empty', props({ projects: [] }), /You may not browse any project/],
  ])('the project list when %s', (_name, p, text) => {
    const { container } = render(<GadgetEditForm {...p} />);
    expect(container.textContent).toMatch(text);
  });

  it('offers a retry when the projects failed to load', () => {
    const onRetryProjects = jest.fn();
    render(<GadgetEditForm {...props({ projects: null, projectsError: 'x', onRetryProjects })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetryProjects).toHaveBeenCalledTimes(1);
  });

  it('disables Save while saving and shows a refusal from the server', () => {
    render(<GadgetEditForm {...props({ saving: true, formError: 'Pick a project you may browse.' })} />);
    expect((screen.getByRole('button', { name: 'Saving…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('alert').textContent).toBe('Pick a project you may browse.');
  });
});
