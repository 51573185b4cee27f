/**
 * The local Jira held to jira.js, continued: writes checked field by field as Jira checks them,
 * permissions, tasks and comments (the workflow and JQL: jira-js-workflow-jql.test.ts).
 */
import { DEMO_USERS } from '../../dev/emulator';
import { statusOf, useJiraJs } from './jira-js-setup';

const ctx = useJiraJs();

describe('writes checked as Jira checks them', () => {
  const errorsOf = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: { cause?: { response?: { data?: unknown } }; response?: { data?: unknown } }) =>
        (e.cause?.response?.data ?? e.response?.data) as { errors?: Record<string, string> },
    );

  it('refuses unknown fields and wrong types field by field, in the errors map', async () => {
    const r = await errorsOf(
      ctx.alice.issues.createIssue({
        fields: {
          project: { key: 'SHOP' },
          issuetype: { name: 'Task' },
          summary: '',
          labels: ['has space'],
          nosuch: 1,
        } as never,
      }),
    );
    expect(Object.keys(r?.errors ?? {}).sort()).toEqual(['labels', 'nosuch', 'summary']);
    // The request itself breaks the spec (an empty summary); the answer does not.
    expect(ctx.jira.specViolations.splice(0).every((v) => v.includes(' request: '))).toBe(true);
  });

  it("takes the issue type by id, stores a create body's properties, " +
    "applies update verbs and returns the issue when asked", async () => {
    const created = await ctx.alice.issues.createIssue({
      fields: { project: { key: 'SHOP' }, issuetype: { id: '10002' }, summary: 'Typed by id' },
      properties: [{ key: 'contract-create', value: { at: 'create' } }],
    });
    expect(ctx.jira.store.issues.get(created.key)?.type).toBe('Task');
    expect(ctx.jira.store.properties.get(created.key)?.get('contract-create')).toEqual({ at: 'create' });
    await ctx.alice.issues.editIssue({
      issueIdOrKey: created.key,
      update: {
        labels: [{ add: 'one' }, { add: 'two' }, { remove: 'one' }],
        summary: [{ set: 'Set by a verb' }],
      },
    });
    expect(ctx.jira.store.issues.get(created.key)).toMatchObject({
      labels: ['two'],
      summary: 'Set by a verb',
    });
    const r = await fetch(`${ctx.jira.url}/rest/api/3/issue/${created.key}?returnIssue=true`, {
      method: 'PUT',
      headers: { 'x-forge-principal': 'app', 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { summary: 'Returned' } }),
    });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { fields: { summary: string } }).fields.summary).toBe('Returned');
  });

  it('needs a parent for a sub-task, ' +
    'and refuses to delete an issue with sub-tasks unless told to', async () => {
    const orphan = await errorsOf(
      ctx.alice.issues.createIssue({
        fields: { project: { key: 'SHOP' }, issuetype: { name: 'Sub-task' }, summary: 'No parent' },
      }),
    );
    expect(Object.keys(orphan?.errors ?? {})).toEqual(['parent']);
    const parent = await ctx.alice.issues.createIssue({
      fields: { project: { key: 'SHOP' }, issuetype: { name: 'Task' }, summary: 'Has a sub-task' },
    });
    const sub = await ctx.alice.issues.createIssue({
      fields: {
        project: { key: 'SHOP' },
        issuetype: { name: 'Sub-task' },
        summary: 'A sub-task',
        parent: { key: parent.key },
      },
    });
    expect(await statusOf(ctx.alice.issues.deleteIssue({ issueIdOrKey: parent.key }))).toBe(400);
    await ctx.alice.issues.deleteIssue({ issueIdOrKey: parent.key, deleteSubtasks: true });
    expect([ctx.jira.store.issues.has(parent.key), ctx.jira.store.issues.has(sub.key)]).toEqual([
      false,
      false,
    ]);
  });
});

describe('permissions, tasks and comments', () => {
  it('knows every project permission key, refuses unknown ones, ' +
    'and answers /permissions/check for another user', async () => {
    const mine = await ctx.bob.permissions.getMyPermissions({
      permissions: 'BROWSE_PROJECTS,DELETE_ISSUES,ADD_COMMENTS',
      projectKey: 'SHOP',
    });
    const held = Object.fromEntries(
      Object.entries(mine.permissions as Record<string, { havePermission?: boolean }>).map(([k, v]) => [
        k,
        v.havePermission,
      ]),
    );
    expect(held).toEqual({ BROWSE_PROJECTS: true, DELETE_ISSUES: false, ADD_COMMENTS: false });
    expect(await statusOf(ctx.bob.permissions.getMyPermissions({ permissions: 'NO_SUCH_PERMISSION' }))).toBe(
      400,
    );
    const shop = Number(ctx.jira.store.projects.get('SHOP')!.id);
    const mobile = Number(ctx.jira.store.projects.get('MOBILE')!.id);
    const checked = await ctx.alice.permissions.getBulkPermissions({
      accountId: DEMO_USERS.viewer.accountId,
      projectPermissions: [{ permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], projects: [shop, mobile] }],
      globalPermissions: ['ADMINISTER'],
    });
    expect(checked).toMatchObject({
      projectPermissions: [
        { permission: 'BROWSE_PROJECTS', projects: [shop] },
        { permission: 'EDIT_ISSUES', projects: [] },
      ],
      globalPermissions: [],
    });
  });

  it('shows a task only to whoever submitted it', async () => {
    const issueID = Number((await ctx.alice.issues.getIssue({ issueIdOrKey: 'SHOP-5' })).id);
    const r = await fetch(`${ctx.jira.url}/rest/api/3/issue/properties/multi`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'x-forge-principal': 'app', 'content-type': 'application/json' },
      body: JSON.stringify({ issues: [{ issueID, properties: { 'contract-task': 1 } }] }),
    });
    const task = /\/task\/([^/?]+)/.exec(r.headers.get('location') ?? '')![1]!;
    expect(
      (await fetch(`${ctx.jira.url}/rest/api/3/task/${task}`, { headers: { 'x-forge-principal': 'app' } }))
        .status,
    ).toBe(200);
    expect(await statusOf(ctx.bob.tasks.getTask({ taskId: task }))).toBe(404);
  });

  it('adds and lists comments, as the user, in ADF', async () => {
    await ctx.alice.issueComments.addComment({
      issueIdOrKey: 'SHOP-6',
      comment: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }],
      } as never,
    });
    const list = await ctx.bob.issueComments.getComments({ issueIdOrKey: 'SHOP-6' });
    expect(list.comments?.map((c) => c.author?.accountId)).toEqual([DEMO_USERS.admin.accountId]);
    expect(
      await statusOf(
        ctx.bob.issueComments.addComment({
          issueIdOrKey: 'SHOP-6',
          comment: { type: 'doc', version: 1, content: [] } as never,
        }),
      ),
    ).toBe(400);
  });
});
