/** @jest-environment jsdom */
import { fakeBridge } from './fake-bridge';
import { screen, waitFor } from '@testing-library/react';
import { act } from 'react';
import { start } from '../../static/app/src/app-root';
import { makeGadget, makeInsights, makePanel } from './fixtures';

beforeEach(() => { fakeBridge.reset(); document.body.innerHTML = '<div id="root"></div>'; });
const root = () => document.getElementById('root')!;

it.each([
  [
    'the issue panel',
    { moduleKey: 'ownership-panel', extension: { type: 'jira:issuePanel' } },
    /^Child issues by count: 1 strategic, 3 tactical, 1 unclassified$/,
  ],
  [
    'the gadget view',
    {
      moduleKey: 'ownership-gadget',
      extension: { type: 'jira:dashboardGadget', gadgetConfiguration: makeGadget().config },
    },
    /^Strategic share per week, target 30%/,
  ],
])('enables the theme, reads the context and renders %s', async (_name, context, imageName) => {
  fakeBridge.context = context;
  fakeBridge.answers.getIssuePanel = { ok: true, data: makePanel() };
  fakeBridge.answers.getGadget = { ok: true, data: makeGadget() };
  fakeBridge.answers.getTeamInsights = { ok: true, data: makeInsights() };
  await act(() => start(root()));
  expect(await screen.findByRole('img', { name: imageName })).toBeTruthy();
  expect(fakeBridge.calls.map((c) => c.name).slice(0, 2)).toEqual(['enableTheming', 'getContext']);
});

it('renders the gadget edit view with the saved configuration', async () => {
  fakeBridge.context = {
    moduleKey: 'ownership-gadget',
    extension: {
      type: 'jira:dashboardGadget',
      entryPoint: 'edit',
      gadgetConfiguration: { ...makeGadget().config, targetShare: 0.45 },
    },
  };
  fakeBridge.answers.listProjects = { ok: true, data: [{ key: 'SHOP', name: 'Storefront' }] };
  await act(() => start(root()));
  await waitFor(() =>
    expect((screen.getByLabelText('Target strategic share (%)') as HTMLInputElement).value).toBe('45'),
  );
});

it('says a foreign module is not ours instead of guessing', async () => {
  fakeBridge.context = { moduleKey: 'someone-else' };
  await act(() => start(root()));
  expect(await screen.findByText('This view is not part of Ownership Balance.')).toBeTruthy();
});
