/**
 * The local Jira held to a client nobody here wrote: jira.js (Version3Client), with basic auth as any
 * Jira client, over every endpoint the app, the preview and the tests use, as two users. Every request
 * and response is checked against Atlassian's OpenAPI spec; a removed endpoint answers 410 and one the
 * local Jira does not emulate 501, never a Jira-shaped 404.
 */
import { Version3Client } from 'jira.js';
import { DEMO_USERS, startJiraEmulator, type JiraEmulator } from '../../dev/emulator';

let jira: JiraEmulator;
let alice: Version3Client;
let bob: Version3Client;
const client = (u: { email?: string; apiToken?: string }) =>
  new Version3Client({ host: jira.url, authentication: { basic: { email: u.email!, apiToken: u.apiToken! } } });
/** The HTTP status a call failed with. */
const statusOf = (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number; cause?: { response?: { status?: number } } }) => e.status ?? e.cause?.response?.status ?? -1);

beforeAll(async () => {
  jira = await startJiraEmulator();
  alice = client(DEMO_USERS.admin);
  bob = client(DEMO_USERS.viewer);
});
afterAll(async () => { await jira.close(); });
afterEach(() => { expect(jira.specViolations).toEqual([]); });

describe('reading', () => {
  it('knows who is calling (basic auth with e-mail and API token)', async () => {
    expect((await alice.myself.getCurrentUser()).accountId).toBe(DEMO_USERS.admin.accountId);
    expect((await bob.myself.getCurrentUser()).accountId).toBe(DEMO_USERS.viewer.accountId);
    const wrong = new Version3Client({ host: jira.url, authentication: { basic: { email: 'alice@example.com', apiToken: 'wrong' } } });
    expect(await statusOf(wrong.myself.getCurrentUser())).toBe(401);
  });

  it('lists fields, projects and permissions as each user may see them', async () => {
    expect((await alice.issueFields.getFields()).some((f) => f.schema?.custom === 'com.pyxis.greenhopper.jira:jsw-story-points')).toBe(true);
    expect((await alice.projects.searchProjects()).values.map((p) => p.key).sort()).toEqual(['MOBILE', 'SHOP']);
    expect((await bob.projects.searchProjects()).values.map((p) => p.key)).toEqual(['SHOP']);
    expect(await statusOf(bob.projects.getProject({ projectIdOrKey: 'MOBILE' }))).toBe(404);
    const edit = await bob.permissions.getMyPermissions({ permissions: 'EDIT_ISSUES', projectKey: 'SHOP' });
    expect((edit.permissions as Record<string, { havePermission?: boolean }>).EDIT_ISSUES?.havePermission).toBe(false);
  });

  it('reads an issue, searches with nextPageToken, counts, and bulk-fetches', async () => {
    const issue = await alice.issues.getIssue({ issueIdOrKey: 'SHOP-1', fields: ['summary', 'created'] });
    expect(issue.key).toBe('SHOP-1');
    const first = await alice.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql: 'project = SHOP ORDER BY key ASC', fields: ['summary'], maxResults: 50 });
    expect(first.issues).toHaveLength(50);
    const second = await alice.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql: 'project = SHOP ORDER BY key ASC', fields: ['summary'], maxResults: 50, nextPageToken: first.nextPageToken });
    expect(second.issues?.[0]?.key).not.toBe(first.issues?.[0]?.key);
    expect((await alice.issueSearch.countIssues({ jql: 'project = SHOP' })).count).toBeGreaterThan(100);
    const fetched = await bob.issues.bulkFetchIssues({ issueIdsOrKeys: ['SHOP-1', 'MOBILE-1'], fields: ['summary'] });
    expect(fetched.issues?.map((i) => i.key)).toEqual(['SHOP-1']);
    expect((await alice.users.bulkGetUsers({ accountId: [DEMO_USERS.viewer.accountId] })).values?.[0]?.displayName).toBe('Bob Viewer');
    expect((await alice.userSearch.findUsers({ query: 'bob', maxResults: 20 })).map((u) => u.displayName)).toEqual(['Bob Viewer']);
  });
});

describe('writing', () => {
  it('sets and reads issue properties, refusing a user without Edit issues', async () => {
    await alice.issueProperties.setIssueProperty({ issueIdOrKey: 'SHOP-2', propertyKey: 'contract-test', propertyValue: { ok: true } });
    expect((await bob.issueProperties.getIssueProperty({ issueIdOrKey: 'SHOP-2', propertyKey: 'contract-test' })).value).toEqual({ ok: true });
    expect(await statusOf(bob.issueProperties.setIssueProperty({ issueIdOrKey: 'SHOP-2', propertyKey: 'contract-test', propertyValue: { ok: false } }))).toBe(403);
  });

  it('runs the asynchronous bulk property write, following its 303 to the task on this host', async () => {
    const ids = [Number((await alice.issues.getIssue({ issueIdOrKey: 'SHOP-3' })).id)];
    await alice.issueProperties.bulkSetIssuePropertiesByIssue({ issues: ids.map((issueID) => ({ issueID, properties: { 'contract-bulk': { n: 1 } } })) });
    expect(jira.store.properties.get('SHOP-3')?.get('contract-bulk')).toEqual({ n: 1 });
  });

  it('creates, edits and deletes an issue', async () => {
    const created = await alice.issues.createIssue({ fields: { project: { key: 'SHOP' }, issuetype: { name: 'Task' }, summary: 'Made by jira.js' } });
    await alice.issues.editIssue({ issueIdOrKey: created.key, fields: { summary: 'Edited by jira.js' } });
    expect((await alice.issues.getIssue({ issueIdOrKey: created.key, fields: ['summary'] })).fields.summary).toBe('Edited by jira.js');
    await alice.issues.deleteIssue({ issueIdOrKey: created.key });
    expect(await statusOf(alice.issues.getIssue({ issueIdOrKey: created.key }))).toBe(404);
  });
});

describe('loud where not emulated', () => {
  it('answers 410 for the search endpoint Atlassian removed, with where to go instead', async () => {
    const r = await fetch(`${jira.url}/rest/api/3/search?jql=project%3DSHOP`, { headers: { 'x-forge-principal': 'app' } });
    expect(r.status).toBe(410);
    expect(JSON.stringify(await r.json())).toMatch(/search\/jql/);
  });

  it('answers 501 for an operation of the spec it does not emulate, and 404 only for what Jira does not have', async () => {
    expect(await statusOf(alice.issues.getChangeLogs({ issueIdOrKey: 'SHOP-1' }))).toBe(501);
    const r = await fetch(`${jira.url}/rest/api/3/issue/SHOP-1/changelog`, { headers: { 'x-forge-principal': 'app' } });
    expect(await r.json()).toEqual({ errorMessages: ['not emulated in the local Jira: GET /rest/api/3/issue/{issueIdOrKey}/changelog'], errors: {} });
    expect((await fetch(`${jira.url}/rest/api/3/no-such-thing`, { headers: { 'x-forge-principal': 'app' } })).status).toBe(404);
    // A path Jira does not have is also reported as outside the spec (request and response).
    expect(jira.specViolations.splice(0)).toEqual(['GET /rest/api/3/no-such-thing: no such path in the spec', 'GET /rest/api/3/no-such-thing: no such path in the spec']);
  });
});

describe('faithful where it matters', () => {
  it('moves issues through the workflow, with status categories and a status-change event', async () => {
    const events: Array<{ payload: { eventType: string; changelog?: { items: Array<{ field: string; toString: string }> } } }> = [];
    const stop = jira.onEvent((e) => { events.push(e as never); });
    const { key } = await alice.issues.createIssue({ fields: { project: { key: 'SHOP' }, issuetype: { name: 'Task' }, summary: 'Moves through the workflow' } });
    await new Promise((r) => setTimeout(r, 20));
    events.length = 0;
    const transitions = await alice.issues.getTransitions({ issueIdOrKey: key });
    const done = transitions.transitions!.find((t) => t.to?.statusCategory?.key === 'done')!;
    await alice.issues.doTransition({ issueIdOrKey: key, transition: { id: done.id } });
    const issue = await alice.issues.getIssue({ issueIdOrKey: key, fields: ['status'] });
    expect(issue.fields.status?.statusCategory?.key).toBe('done');
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(events.map((e) => e.payload.changelog?.items[0])).toEqual([expect.objectContaining({ field: 'status', toString: 'Done' })]);
    expect(await statusOf(bob.issues.doTransition({ issueIdOrKey: key, transition: { id: '11' } }))).toBe(400);
    const statuses = await alice.projects.getAllStatuses({ projectIdOrKey: 'SHOP' });
    expect(statuses[0]?.statuses?.map((s) => s.statusCategory?.key)).toEqual(['new', 'indeterminate', 'done']);
  });

  it('evaluates text search and status categories, answers 501 for JQL it does not evaluate, and refuses unbounded queries', async () => {
    const doneCount = (await alice.issueSearch.countIssues({ jql: 'project = SHOP AND statusCategory = Done' })).count!;
    expect(doneCount).toBeGreaterThan(0);
    const hits = await alice.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql: 'project = SHOP AND summary ~ "product vision"', fields: ['summary'], maxResults: 100 });
    expect(hits.issues!.length).toBeGreaterThan(0);
    expect(hits.issues!.every((i) => /product/i.test(String(i.fields.summary)) && /vision/i.test(String(i.fields.summary)))).toBe(true);
    expect(await statusOf(alice.issueSearch.countIssues({ jql: 'project = SHOP AND priority = High' }))).toBe(501);
    expect(await statusOf(alice.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql: 'ORDER BY created DESC' }))).toBe(400);
  });

  it('looks a user up by account id', async () => {
    expect((await bob.users.getUser({ accountId: DEMO_USERS.admin.accountId })).displayName).toBe('Alice Admin');
  });
});

describe('writes checked as Jira checks them', () => {
  const errorsOf = (p: Promise<unknown>) => p.then(() => null, (e: { cause?: { response?: { data?: unknown } }; response?: { data?: unknown } }) => (e.cause?.response?.data ?? e.response?.data) as { errors?: Record<string, string> });

  it('refuses unknown fields and wrong types field by field, in the errors map', async () => {
    const r = await errorsOf(alice.issues.createIssue({ fields: { project: { key: 'SHOP' }, issuetype: { name: 'Task' }, summary: '', labels: ['has space'], nosuch: 1 } as never }));
    expect(Object.keys(r?.errors ?? {}).sort()).toEqual(['labels', 'nosuch', 'summary']);
    // The request itself breaks the spec (an empty summary); the answer does not.
    expect(jira.specViolations.splice(0).every((v) => v.includes(' request: '))).toBe(true);
  });

  it('takes the issue type by id, stores a create body\'s properties, applies update verbs and returns the issue when asked', async () => {
    const created = await alice.issues.createIssue({ fields: { project: { key: 'SHOP' }, issuetype: { id: '10002' }, summary: 'Typed by id' },
      properties: [{ key: 'contract-create', value: { at: 'create' } }] });
    expect(jira.store.issues.get(created.key)?.type).toBe('Task');
    expect(jira.store.properties.get(created.key)?.get('contract-create')).toEqual({ at: 'create' });
    await alice.issues.editIssue({ issueIdOrKey: created.key, update: { labels: [{ add: 'one' }, { add: 'two' }, { remove: 'one' }], summary: [{ set: 'Set by a verb' }] } });
    expect(jira.store.issues.get(created.key)).toMatchObject({ labels: ['two'], summary: 'Set by a verb' });
    const r = await fetch(`${jira.url}/rest/api/3/issue/${created.key}?returnIssue=true`, { method: 'PUT', headers: { 'x-forge-principal': 'app', 'content-type': 'application/json' }, body: JSON.stringify({ fields: { summary: 'Returned' } }) });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { fields: { summary: string } }).fields.summary).toBe('Returned');
  });

  it('needs a parent for a sub-task, and refuses to delete an issue with sub-tasks unless told to', async () => {
    const orphan = await errorsOf(alice.issues.createIssue({ fields: { project: { key: 'SHOP' }, issuetype: { name: 'Sub-task' }, summary: 'No parent' } }));
    expect(Object.keys(orphan?.errors ?? {})).toEqual(['parent']);
    const parent = await alice.issues.createIssue({ fields: { project: { key: 'SHOP' }, issuetype: { name: 'Task' }, summary: 'Has a sub-task' } });
    const sub = await alice.issues.createIssue({ fields: { project: { key: 'SHOP' }, issuetype: { name: 'Sub-task' }, summary: 'A sub-task', parent: { key: parent.key } } });
    expect(await statusOf(alice.issues.deleteIssue({ issueIdOrKey: parent.key }))).toBe(400);
    await alice.issues.deleteIssue({ issueIdOrKey: parent.key, deleteSubtasks: true });
    expect([jira.store.issues.has(parent.key), jira.store.issues.has(sub.key)]).toEqual([false, false]);
  });
});

describe('permissions, tasks and comments', () => {
  it('knows every project permission key, refuses unknown ones, and answers /permissions/check for another user', async () => {
    const mine = await bob.permissions.getMyPermissions({ permissions: 'BROWSE_PROJECTS,DELETE_ISSUES,ADD_COMMENTS', projectKey: 'SHOP' });
    const held = Object.fromEntries(Object.entries(mine.permissions as Record<string, { havePermission?: boolean }>).map(([k, v]) => [k, v.havePermission]));
    expect(held).toEqual({ BROWSE_PROJECTS: true, DELETE_ISSUES: false, ADD_COMMENTS: false });
    expect(await statusOf(bob.permissions.getMyPermissions({ permissions: 'NO_SUCH_PERMISSION' }))).toBe(400);
    const shop = Number(jira.store.projects.get('SHOP')!.id);
    const mobile = Number(jira.store.projects.get('MOBILE')!.id);
    const checked = await alice.permissions.getBulkPermissions({ accountId: DEMO_USERS.viewer.accountId,
      projectPermissions: [{ permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], projects: [shop, mobile] }], globalPermissions: ['ADMINISTER'] });
    expect(checked).toMatchObject({ projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [shop] }, { permission: 'EDIT_ISSUES', projects: [] }], globalPermissions: [] });
  });

  it('shows a task only to whoever submitted it', async () => {
    const issueID = Number((await alice.issues.getIssue({ issueIdOrKey: 'SHOP-5' })).id);
    const r = await fetch(`${jira.url}/rest/api/3/issue/properties/multi`, { method: 'POST', redirect: 'manual', headers: { 'x-forge-principal': 'app', 'content-type': 'application/json' },
      body: JSON.stringify({ issues: [{ issueID, properties: { 'contract-task': 1 } }] }) });
    const task = /\/task\/([^/?]+)/.exec(r.headers.get('location') ?? '')![1]!;
    expect((await fetch(`${jira.url}/rest/api/3/task/${task}`, { headers: { 'x-forge-principal': 'app' } })).status).toBe(200);
    expect(await statusOf(bob.tasks.getTask({ taskId: task }))).toBe(404);
  });

  it('adds and lists comments, as the user, in ADF', async () => {
    await alice.issueComments.addComment({ issueIdOrKey: 'SHOP-6', comment: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] } as never });
    const list = await bob.issueComments.getComments({ issueIdOrKey: 'SHOP-6' });
    expect(list.comments?.map((c) => c.author?.accountId)).toEqual([DEMO_USERS.admin.accountId]);
    expect(await statusOf(bob.issueComments.addComment({ issueIdOrKey: 'SHOP-6', comment: { type: 'doc', version: 1, content: [] } as never }))).toBe(400);
  });
});

describe('everyday JQL', () => {
  it('knows currentUser(), the story points field by cf[id] and by name, and 501s the clauses it does not evaluate', async () => {
    const count = async (c: Version3Client, jql: string) => (await c.issueSearch.countIssues({ jql })).count!;
    const points = [...jira.store.issues.values()].filter((i) => i.projectKey === 'SHOP' && (i.storyPoints ?? 0) > 3).length;
    expect(await count(alice, 'project = SHOP AND cf[10016] > 3')).toBe(points);
    expect(await count(alice, 'project = SHOP AND "Story point estimate" > 3')).toBe(points);
    const mine = [...jira.store.issues.values()].filter((i) => i.projectKey === 'SHOP' && i.reporter === DEMO_USERS.viewer.accountId).length;
    expect(await count(bob, 'project = SHOP AND reporter = currentUser()')).toBe(mine);
    for (const jql of ['project = SHOP ORDER BY rank', 'project = SHOP AND component = Web', 'project = SHOP AND priority = High']) {
      expect([jql, await statusOf(alice.issueSearch.countIssues({ jql }))]).toEqual([jql, 501]);
    }
  });
});

it('answers expand=names and properties=*all on an issue', async () => {
  await alice.issueProperties.setIssueProperty({ issueIdOrKey: 'SHOP-7', propertyKey: 'contract-all', propertyValue: { a: 1 } });
  const issue = await alice.issues.getIssue({ issueIdOrKey: 'SHOP-7', fields: ['summary', 'customfield_10016'], properties: ['*all'], expand: 'names' });
  expect(issue.names).toMatchObject({ summary: 'Summary', customfield_10016: 'Story point estimate' });
  expect(issue.properties).toMatchObject({ 'contract-all': { a: 1 } });
});

it('reports query parameters the spec does not document, or of the wrong type, with every error', async () => {
  const r = await fetch(`${jira.url}/rest/api/3/project/search?maxResults=lots&nosuch=1`, { headers: { 'x-forge-principal': 'app' } });
  expect(r.status).toBe(400);
  expect(jira.specViolations.splice(0)).toEqual([
    'GET /rest/api/3/project/search request: query parameter "maxResults" must be an integer',
    'GET /rest/api/3/project/search request: query parameter "nosuch" is not in the spec',
  ]);
});

it('checks header parameters too: a required one missing is reported', async () => {
  await fetch(`${jira.url}/rest/atlassian-connect/1/migration/field`, { method: 'PUT', headers: { 'x-forge-principal': 'app', 'content-type': 'application/json' }, body: '{}' });
  expect(jira.specViolations.splice(0)).toContain('PUT /rest/atlassian-connect/1/migration/field request: required header "Atlassian-Transfer-Id" is missing');
});
