/**
 * Everything that changes issues: create, update (with a changelog), delete, and the asynchronous
 * bulk property task. Creating or editing an issue emits the Forge product events
 * `avi:jira:created:issue` / `avi:jira:updated:issue` (no description in the payload, as Forge documents).
 */
import { ISSUE_TYPES, type EmuIssue, type EmulatorStore, type Principal } from './model';
import type { AdfNode } from '../../src/domain/types';
import { textToAdf } from './adf';
import { applyIssueEdits } from './issue-edits';
import { runPropertyTask } from './property-task';

export interface JiraIssueEvent {
  /** The payload Forge hands the trigger. */
  payload: Record<string, unknown>;
  /** Who caused it: the app (for `filter.ignoreSelf`) or a user. */
  causedBy: Principal;
}
type Listener = (event: JiraIssueEvent) => void | Promise<void>;

export interface NewIssueFields {
  projectKey: string;
  type: string;
  summary: string;
  description?: string | AdfNode | null;
  labels?: string[];
  parent?: string | null;
  storyPoints?: number | null;
}

export class IssueWrites {
  private readonly listeners = new Set<Listener>();
  private nextTask = 1;
  /** Fails the next bulk property task after this many issues (fault injection, fires once). */
  failBulkAfter: number | null = null;

  constructor(
    private readonly store: EmulatorStore,
    private readonly tasks: Map<string, Record<string, unknown>>,
    private readonly now: () => Date,
  ) {}

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(eventType: string, issue: EmuIssue, causedBy: Principal, changelog?: unknown): void {
    const fields = {
      summary: issue.summary,
      issuetype: {
        id: ISSUE_TYPES[issue.type]?.id ?? '10002',
        name: issue.type,
        hierarchyLevel: ISSUE_TYPES[issue.type]?.hierarchyLevel ?? 0,
      },
      project: {
        id: this.store.projects.get(issue.projectKey)!.id,
        key: issue.projectKey,
        name: this.store.projects.get(issue.projectKey)!.name,
      },
      labels: [...issue.labels],
      status: { name: issue.status },
      created: issue.created,
      updated: issue.updated,
      ...(issue.parent ? { parent: { key: issue.parent, id: this.store.issues.get(issue.parent)?.id } } : {}),
    };
    const atlassianId = causedBy.kind === 'user' ? causedBy.accountId : undefined;
    const event: JiraIssueEvent = {
      causedBy,
      payload: {
        eventType,
        issue: { id: issue.id, key: issue.key, fields },
        atlassianId,
        associatedUsers: atlassianId ? [{ accountId: atlassianId }] : [],
        ...(changelog ? { changelog } : {}),
      },
    };
    for (const l of this.listeners)
      void Promise.resolve()
        .then(() => l(event))
        .catch(() => undefined);
  }

  create(by: Principal, f: NewIssueFields): { id: string; key: string } {
    const { id, key } = this.store.allocate(f.projectKey);
    const at = this.now().toISOString();
    const description =
      typeof f.description === 'string' ? textToAdf(f.description) : (f.description ?? null);
    const issue: EmuIssue = {
      id,
      key,
      projectKey: f.projectKey,
      type: f.type,
      summary: f.summary,
      description,
      labels: f.labels ?? [],
      components: [],
      parent: f.parent ?? null,
      storyPoints: f.storyPoints ?? null,
      created: at,
      updated: at,
      status: 'To Do',
      assignee: null,
      reporter: by.kind === 'user' ? by.accountId : null,
    };
    this.store.issues.set(key, issue);
    this.emit('avi:jira:created:issue', issue, by);
    return { id, key };
  }

  createFromRest(
    by: Principal,
    body: Record<string, unknown>,
  ): { id: string; key: string } | { status: number; error: string } {
    const f = (body.fields ?? {}) as Record<string, unknown>;
    const project = f.project as { key?: string; id?: string } | undefined;
    const projectKey =
      project?.key?.toUpperCase() ?? [...this.store.projects.values()].find((p) => p.id === project?.id)?.key;
    if (!projectKey || !this.store.projects.has(projectKey))
      return { status: 400, error: 'Specify a valid project ID or key' };
    if (!this.store.can(by, projectKey, 'edit'))
      return { status: 403, error: 'You do not have permission to create issues in this project.' };
    const type = (f.issuetype as { name?: string } | undefined)?.name;
    if (!type || !ISSUE_TYPES[type]) return { status: 400, error: 'Specify an issue type' };
    if (typeof f.summary !== 'string' || !f.summary.trim())
      return { status: 400, error: 'You must specify a summary of the issue.' };
    const parent = (f.parent as { key?: string } | undefined)?.key ?? null;
    if (parent && !this.store.issues.has(parent))
      return { status: 400, error: `Parent issue ${parent} does not exist.` };
    const points = f[this.store.storyPointsField];
    return this.create(by, {
      projectKey,
      type,
      summary: f.summary,
      description: (f.description as AdfNode | string | null) ?? null,
      labels: Array.isArray(f.labels) ? f.labels.map(String) : [],
      parent,
      storyPoints: typeof points === 'number' ? points : null,
    });
  }

  /** Applies `fields` and `update.labels` edits; returns an error message or null. */
  update(by: Principal, key: string, body: Record<string, unknown>): string | null {
    const issue = this.store.issues.get(key);
    if (!issue) return 'Issue does not exist.';
    const { error, items } = applyIssueEdits(this.store, issue, body);
    if (error) return error;
    if (items.length > 0) {
      issue.updated = this.now().toISOString();
      this.emit('avi:jira:updated:issue', issue, by, { id: String(Date.now()), items });
    }
    return null;
  }

  /** Moves an issue to another status and emits avi:jira:updated:issue with a `status` changelog item. */
  transition(by: Principal, key: string, to: string): void {
    const issue = this.store.issues.get(key);
    if (!issue || issue.status === to) return;
    const item = { field: 'status', fieldtype: 'jira', fieldId: 'status', from: null, to: null };
    const items = [{ ...item, fromString: issue.status, toString: to }];
    issue.status = to;
    issue.updated = this.now().toISOString();
    this.emit('avi:jira:updated:issue', issue, by, { id: String(Date.now()), items });
  }

  /** Deletes an issue and emits avi:jira:deleted:issue, as Jira does. */
  remove(key: string, by: Principal = { kind: 'app' }): void {
    const issue = this.store.issues.get(key);
    if (!issue) return;
    this.store.issues.delete(key);
    this.store.properties.delete(key);
    this.emit('avi:jira:deleted:issue', issue, by);
  }

  /** The asynchronous bulk property write of POST /issue/properties/multi. */
  startPropertyTask(by: Principal, issues: unknown[]): string {
    const id = String(this.nextTask++);
    const submitted = this.now().getTime();
    const task: Record<string, unknown> = {
      self: `https://emulator.atlassian.net/rest/api/3/task/${id}`,
      id,
      description: 'Bulk set issue properties',
      status: 'ENQUEUED',
      message: '',
      progress: 0,
      submitted,
      submittedBy: 0,
      elapsedRuntime: 0,
      lastUpdate: submitted,
    };
    this.tasks.set(id, task);
    const failAt = this.failBulkAfter;
    this.failBulkAfter = null;
    setImmediate(() => runPropertyTask(this.store, task, by, issues, failAt, this.now));
    return id;
  }
}
