/**
 * The local Jira held to jira.js, continued: the workflow (transitions, status categories, the
 * status-change event), the JQL the app and people use every day, and the spec's checks of query and
 * header parameters.
 */
import { Version3Client } from 'jira.js';
import { DEMO_USERS } from '../../dev/emulator';
import { statusOf, useJiraJs } from './jira-js-setup';

const ctx = useJiraJs();

describe('faithful where it matters', () => {
  it('moves issues through the workflow, with status categories and a status-change event', async () => {
    const events: Array<{
      payload: { eventType: string; changelog?: { items: Array<{ field: string; toString: string }> } };
    }> = [];
    const stop = ctx.jira.onEvent((e) => { events.push(e as never); });
    const { key } = await ctx.alice.issues.createIssue({
      fields: {
        project: { key: 'SHOP' },
        issuetype: { name: 'Task' },
        summary: 'Moves through the workflow',
      },
    });
    await new Promise((r) => setTimeout(r, 20));
    events.length = 0;
    const transitions = await ctx.alice.issues.getTransitions({ issueIdOrKey: key });
    const done = transitions.transitions!.find((t) => t.to?.statusCategory?.key === 'done')!;
    await ctx.alice.issues.doTransition({ issueIdOrKey: key, transition: { id: done.id } });
    const issue = await ctx.alice.issues.getIssue({ issueIdOrKey: key, fields: ['status'] });
    expect(issue.fields.status?.statusCategory?.key).toBe('done');
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(events.map((e) => e.payload.changelog?.items[0])).toEqual([
      expect.objectContaining({ field: 'status', toString: 'Done' }),
    ]);
    expect(await statusOf(ctx.bob.issues.doTransition({ issueIdOrKey: key, transition: { id: '11' } }))).toBe(
      400,
    );
    const statuses = await ctx.alice.projects.getAllStatuses({ projectIdOrKey: 'SHOP' });
    expect(statuses[0]?.statuses?.map((s) => s.statusCategory?.key)).toEqual([
      'new',
      'indeterminate',
      'done',
    ]);
  });

  it('evaluates text search and status categories, answers 501 for JQL it does not evaluate, ' +
    'and refuses unbounded queries', async () => {
    const doneCount = (
      await ctx.alice.issueSearch.countIssues({ jql: 'project = SHOP AND statusCategory = Done' })
    ).count!;
    expect(doneCount).toBeGreaterThan(0);
    const hits = await ctx.alice.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql: 'project = SHOP AND summary ~ "product vision"',
      fields: ['summary'],
      maxResults: 100,
    });
    expect(hits.issues!.length).toBeGreaterThan(0);
    expect(
      hits.issues!.every(
        (i) => /product/i.test(String(i.fields.summary)) && /vision/i.test(String(i.fields.summary)),
      ),
    ).toBe(true);
    expect(
      await statusOf(ctx.alice.issueSearch.countIssues({ jql: 'project = SHOP AND priority = High' })),
    ).toBe(501);
    expect(
      await statusOf(
        ctx.alice.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql: 'ORDER BY created DESC' }),
      ),
    ).toBe(400);
  });

  it('looks a user up by account id', async () => {
    expect((await ctx.bob.users.getUser({ accountId: DEMO_USERS.admin.accountId })).displayName).toBe(
      'Alice Admin',
    );
  });
});

describe('everyday JQL', () => {
  it('knows currentUser(), the story points field by cf[id] and by name, ' +
    'and 501s the clauses it does not evaluate', async () => {
    const count = async (c: Version3Client, jql: string) => (await c.issueSearch.countIssues({ jql })).count!;
    const points = [...ctx.jira.store.issues.values()].filter(
      (i) => i.projectKey === 'SHOP' && (i.storyPoints ?? 0) > 3,
    ).length;
    expect(await count(ctx.alice, 'project = SHOP AND cf[10016] > 3')).toBe(points);
    expect(await count(ctx.alice, 'project = SHOP AND "Story point estimate" > 3')).toBe(points);
    const mine = [...ctx.jira.store.issues.values()].filter(
      (i) => i.projectKey === 'SHOP' && i.reporter === DEMO_USERS.viewer.accountId,
    ).length;
    expect(await count(ctx.bob, 'project = SHOP AND reporter = currentUser()')).toBe(mine);
    for (const jql of [
      'project = SHOP ORDER BY rank',
      'project = SHOP AND component = Web',
      'project = SHOP AND priority = High',
    ]) {
      expect([jql, await statusOf(ctx.alice.issueSearch.countIssues({ jql }))]).toEqual([jql, 501]);
    }
  });
});

it('answers expand=names and properties=*all on an issue', async () => {
  await ctx.alice.issueProperties.setIssueProperty({
    issueIdOrKey: 'SHOP-7',
    propertyKey: 'contract-all',
    propertyValue: { a: 1 },
  });
  const issue = await ctx.alice.issues.getIssue({
    issueIdOrKey: 'SHOP-7',
    fields: ['summary', 'customfield_10016'],
    properties: ['*all'],
    expand: 'names',
  });
  expect(issue.names).toMatchObject({ summary: 'Summary', customfield_10016: 'Story point estimate' });
  expect(issue.properties).toMatchObject({ 'contract-all': { a: 1 } });
});

it('reports query parameters the spec does not document, ' +
  'or of the wrong type, with every error', async () => {
  const r = await fetch(`${ctx.jira.url}/rest/api/3/project/search?maxResults=lots&nosuch=1`, {
    headers: { 'x-forge-principal': 'app' },
  });
  expect(r.status).toBe(400);
  expect(ctx.jira.specViolations.splice(0)).toEqual([
    'GET /rest/api/3/project/search request: query parameter "maxResults" must be an integer',
    'GET /rest/api/3/project/search request: query parameter "nosuch" is not in the spec',
  ]);
});

it('checks header parameters too: a required one missing is reported', async () => {
  await fetch(`${ctx.jira.url}/rest/atlassian-connect/1/migration/field`, {
    method: 'PUT',
    headers: { 'x-forge-principal': 'app', 'content-type': 'application/json' },
    body: '{}',
  });
  expect(ctx.jira.specViolations.splice(0)).toContain(
    'PUT /rest/atlassian-connect/1/migration/field request: ' +
      'required header "Atlassian-Transfer-Id" is missing',
  );
});
