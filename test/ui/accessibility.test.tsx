/** @jest-environment jsdom */
import { render } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { AgreementView } from '../../static/app/src/admin/agreement-view';
import { EmptyState, ErrorState, Loading } from '../../static/app/src/components/states';
import { BackfillSection } from '../../static/app/src/gadget/backfill-section';
import { GadgetEditForm } from '../../static/app/src/gadget/gadget-edit-form';
import { GadgetView } from '../../static/app/src/gadget/gadget-view';
import { TeamView } from '../../static/app/src/report/team-view';
import { ReportView } from '../../static/app/src/report/report-view';
import { PanelView } from '../../static/app/src/panel/panel-view';
import { makeAgreement, makeBackfill, makeGadget, makeInsights, makePanel, makeStored } from './fixtures';

const noop = () => undefined;
const draft = {
  projectKey: 'SHOP',
  period: '90d',
  unit: 'count',
  trend: 'week',
  targetPercent: '150',
  refreshMinutes: '0',
};

/** jsdom computes no layout, so colour contrast is checked in the browser tests instead. */
async function seriousViolations(ui: ReactElement): Promise<string[]> {
  const { container } = render(<main>{ui}</main>);
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

it.each<[string, ReactElement]>([
  [
    'issue panel (epic, may override)',
    <PanelView
      data={makePanel({ warnings: [{ code: 'VISION_WITHOUT_EXECUTION', message: 'No breakdown.' }] })}
      busy={false}
      actionError={null}
      onOverride={noop}
      onClear={noop}
    />,
  ],
  [
    'issue panel (child, overridden)',
    <PanelView
      data={makePanel({
        issue: { key: 'SHOP-2', summary: 's', type: 'Story', isEpic: false },
        childBalance: null,
        epic: { key: 'SHOP-1', summary: 'e', type: 'Epic', kind: 'strategic', share: 1 },
        classification: makeStored({
          overridden: true,
          override: { kind: 'mixed', by: 'a', at: '2026-11-02T09:00:00.000Z', note: 'n' },
        }),
      })}
      busy={false}
      actionError="Could not save."
      onOverride={noop}
      onClear={noop}
    />,
  ],
  [
    'issue panel (may not override)',
    <PanelView
      data={makePanel({ canOverride: false, cannotOverrideReason: 'You need the Edit issues permission.' })}
      busy={false}
      actionError={null}
      onOverride={noop}
      onClear={noop}
    />,
  ],
  [
    'gadget view',
    <GadgetView
      data={makeGadget()}
      searchHref={(jql) => `https://x.test/issues/?jql=${jql}`}
      onOpenJql={noop}
      reportHref="https://x.test/report"
      onOpenReport={noop}
    />,
  ],
  [
    'project report',
    <>
      <ReportView
        data={makeGadget()}
        hrefs={{ search: (j) => `https://x.test/?jql=${j}`, issue: (k) => `https://x.test/browse/${k}` }}
        onOpenJql={noop}
        onOpenIssue={noop}
      />
      <BackfillSection unclassified={2} status={null} error={null} starting={false} onStart={noop} />
      <TeamView data={makeInsights()} searchHref={(j) => `https://x.test/?jql=${j}`} onOpenJql={noop} />
    </>,
  ],
  [
    'gadget backfill running',
    <BackfillSection unclassified={2} status={makeBackfill()} error={null} starting={false} onStart={noop} />,
  ],
  [
    'gadget edit view with errors',
    <GadgetEditForm
      draft={draft}
      projects={[{ key: 'SHOP', name: 'Storefront' }]}
      projectsError={null}
      errors={{ targetPercent: 'Enter a percentage from 0 to 100.' }}
      formError="Refused."
      saving={false}
      onChange={noop}
      onRetryProjects={noop}
      onSubmit={noop}
    />,
  ],
  ['admin page', <AgreementView data={makeAgreement()} busy={false} onReset={noop} />],
  ['loading', <Loading what="the tag" />],
  ['empty', <EmptyState title="This gadget has no project yet." />],
  ['error', <ErrorState message="Jira is not answering." onRetry={noop} />],
])('%s: no serious or critical axe-core violation', async (_screen, ui) => {
  expect(await seriousViolations(ui)).toEqual([]);
});
