import { SIGNALS } from '../../src/domain/catalogue';
import { CONTEXT_SIGNALS } from '../../src/domain/evidence';
import { routeFor } from '../../static/app/src/route';
import { SEED_TITLE, SIGNAL_MEANING } from '../../static/app/src/labels';

describe('routeFor', () => {
  it.each([
    [
      'the issue panel by module key',
      { moduleKey: 'ownership-panel', extension: { type: 'jira:issuePanel' } },
      { name: 'issue-panel' },
    ],
    [
      'the issue panel by extension type',
      { extension: { type: 'jira:issuePanel' } },
      { name: 'issue-panel' },
    ],
    [
      'the gadget view',
      {
        moduleKey: 'ownership-gadget',
        extension: { type: 'jira:dashboardGadget', gadgetConfiguration: { projectKey: 'SHOP' } },
      },
      { name: 'gadget-view' },
    ],
    [
      'the gadget edit view',
      {
        moduleKey: 'ownership-gadget',
        extension: {
          type: 'jira:dashboardGadget',
          entryPoint: 'edit',
          gadgetConfiguration: { projectKey: 'SHOP' },
        },
      },
      { name: 'gadget-edit', saved: { projectKey: 'SHOP' } },
    ],
    [
      'the gadget edit view with nothing saved',
      { moduleKey: 'ownership-gadget', extension: { entryPoint: 'edit' } },
      { name: 'gadget-edit', saved: {} },
    ],
    [
      'the admin page',
      { moduleKey: 'ownership-admin', extension: { type: 'jira:adminPage' } },
      { name: 'admin' },
    ],
    [
      'the project report page',
      { moduleKey: 'ownership-report', extension: { type: 'jira:projectPage', project: { key: 'SHOP' } } },
      { name: 'project-report' },
    ],
    ['another module', { moduleKey: 'someone-else' }, { name: 'unknown', moduleKey: 'someone-else' }],
    ['no context at all', null, { name: 'unknown', moduleKey: null }],
  ])('routes %s', (_name, context, screen) => {
    expect(routeFor(context)).toEqual(screen);
  });
});

describe('labels', () => {
  it('words every distinction the classifier can cite', () => {
    const ids = [...SIGNALS.map((s) => s.id), ...CONTEXT_SIGNALS];
    expect(ids.filter((id) => !(id in SIGNAL_MEANING))).toEqual([]);
  });
  it('names every seed', () => {
    expect(Object.keys(SEED_TITLE).sort()).toEqual(['000', '001', '002', '003', '004']);
  });
});
