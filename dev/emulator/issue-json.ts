/** Renders emulator issues in Jira Cloud REST v3 shapes. */
import { ISSUE_TYPES, type EmuIssue, type EmulatorStore } from './model';
import { statusJson, statusNamed } from './workflow';

const SITE = 'https://emulator.atlassian.net';

function userJson(store: EmulatorStore, accountId: string | null) {
  if (!accountId) return null;
  const u = store.users.get(accountId);
  return {
    accountId,
    accountType: 'atlassian',
    active: true,
    displayName: u?.displayName ?? accountId,
    self: `${SITE}/rest/api/3/user?accountId=${accountId}`,
  };
}

function typeJson(name: string) {
  const t = ISSUE_TYPES[name] ?? { id: '10002', hierarchyLevel: 0, subtask: false };
  return {
    id: t.id,
    name,
    subtask: t.subtask,
    hierarchyLevel: t.hierarchyLevel,
    self: `${SITE}/rest/api/3/issuetype/${t.id}`,
  };
}

export function allFields(store: EmulatorStore, issue: EmuIssue): Record<string, unknown> {
  const project = store.projects.get(issue.projectKey)!;
  const parent = issue.parent ? store.issues.get(issue.parent) : undefined;
  return {
    summary: issue.summary,
    description: issue.description,
    issuetype: typeJson(issue.type),
    project: {
      id: project.id,
      key: project.key,
      name: project.name,
      self: `${SITE}/rest/api/3/project/${project.id}`,
    },
    labels: [...issue.labels],
    components: issue.components.map((name, i) => ({ id: String(10000 + i), name })),
    parent: parent
      ? {
          id: parent.id,
          key: parent.key,
          self: `${SITE}/rest/api/3/issue/${parent.id}`,
          fields: {
            summary: parent.summary,
            issuetype: typeJson(parent.type),
            status: { name: parent.status },
          },
        }
      : undefined,
    created: issue.created.replace('Z', '+0000'),
    updated: issue.updated.replace('Z', '+0000'),
    status: statusJson(SITE, statusNamed(issue.status)),
    assignee: userJson(store, issue.assignee),
    reporter: userJson(store, issue.reporter),
    [store.storyPointsField]: issue.storyPoints,
  };
}

/**
 * `fields` as Jira reads it: absent = all navigable, `*all`, `*navigable`, `-field` exclusions, or a list.
 */
export function pickFields(
  all: Record<string, unknown>,
  fields: string[] | null,
): Record<string, unknown> | undefined {
  if (fields === null || fields.length === 0 || fields.includes('*all') || fields.includes('*navigable')) {
    const out = { ...all };
    for (const f of fields ?? []) if (f.startsWith('-')) delete out[f.slice(1)];
    return out;
  }
  const wanted = fields.filter((f) => f !== 'id' && f !== 'key' && f !== '*none');
  if (wanted.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const f of wanted) if (f in all && all[f] !== undefined) out[f] = all[f];
  return out;
}

/** Display names of the fields an answer carries, for `expand=names`. */
function fieldNames(store: EmulatorStore, fields: Record<string, unknown>): Record<string, string> {
  const names: Record<string, string> = {
    [store.storyPointsField]: 'Story point estimate',
    issuetype: 'Issue Type',
    parent: 'Parent',
  };
  return Object.fromEntries(
    Object.keys(fields).map((f) => [f, names[f] ?? f.charAt(0).toUpperCase() + f.slice(1)]),
  );
}

/**
 * An issue as Jira answers it: the fields asked for, the properties asked for (`*all` for every one),
 * `expand=names`.
 */
export function issueJson(
  store: EmulatorStore,
  issue: EmuIssue,
  fields: string[] | null,
  properties: string[],
  expand: string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: issue.id,
    key: issue.key,
    self: `${SITE}/rest/api/3/issue/${issue.id}`,
    expand: '',
  };
  const picked = pickFields(allFields(store, issue), fields);
  if (picked) out.fields = picked;
  if (picked && expand.includes('names')) out.names = fieldNames(store, picked);
  if (properties.length > 0) {
    const props: Record<string, unknown> = {};
    const stored = store.properties.get(issue.key);
    const keys = properties.includes('*all') ? [...(stored?.keys() ?? [])] : properties;
    for (const p of keys) if (stored?.has(p)) props[p] = stored.get(p);
    out.properties = props;
  }
  return out;
}

export function splitList(value: unknown): string[] {
  if (Array.isArray(value))
    return value
      .flatMap((v) => String(v).split(','))
      .map((s) => s.trim())
      .filter(Boolean);
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  return [];
}

/** The story points field as GET /field describes it, under this site's own custom field id. */
export function storyPointsFieldJson(id: string): Record<string, unknown> {
  const customId = Number(id.replace(/^customfield_/, ''));
  return {
    id,
    key: id,
    name: 'Story point estimate',
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, 'Story point estimate'],
    schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId },
  };
}

export { SITE };
