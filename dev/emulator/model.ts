/** The emulator's in-memory Jira: projects, users and their rights, issues and issue properties. */
import type { AdfNode } from '../../src/domain/types';

export interface EmuProject { id: string; key: string; name: string }
export interface EmuUser {
  accountId: string; name: string; displayName: string;
  /** For basic auth, as with a Jira Cloud site: e-mail address and API token. */
  email?: string; apiToken?: string;
}
export interface EmuIssue {
  id: string; key: string; projectKey: string; type: string; summary: string; description: AdfNode | null;
  labels: string[]; components: string[]; parent: string | null; storyPoints: number | null;
  created: string; updated: string; status: string; assignee: string | null; reporter: string | null;
  /**
   * The issue security level (Jira's issue security scheme): only its members, and the app, see the issue.
   */
  security?: string | null;
}
/** Per user and project: may they browse it, may they edit its issues. */
export type Grants = Record<string, Record<string, { browse: boolean; edit: boolean }>>;

export interface EmulatorData {
  projects: EmuProject[]; users: EmuUser[]; grants: Grants; issues: EmuIssue[];
  /** Jira administrators (global ADMINISTER permission). */
  admins?: string[];
  /** The id of this site's story points field (each Jira site numbers its custom fields itself). */
  storyPointsField?: string;
  /** Issue security levels by name: the account ids that may see issues at that level. */
  securityLevels?: Record<string, string[]>;
}

export type Principal = { kind: 'app' } | { kind: 'user'; accountId: string };

export const ISSUE_TYPES: Record<string, { id: string; hierarchyLevel: number; subtask: boolean }> = {
  Epic: { id: '10000', hierarchyLevel: 1, subtask: false },
  Story: { id: '10001', hierarchyLevel: 0, subtask: false },
  Task: { id: '10002', hierarchyLevel: 0, subtask: false },
  Bug: { id: '10004', hierarchyLevel: 0, subtask: false },
  'Sub-task': { id: '10003', hierarchyLevel: -1, subtask: true },
  Initiative: { id: '10005', hierarchyLevel: 2, subtask: false },
};

export const STORY_POINTS_FIELD = 'customfield_10016';

export class EmulatorStore {
  readonly projects = new Map<string, EmuProject>();
  readonly users = new Map<string, EmuUser>();
  readonly issues = new Map<string, EmuIssue>();
  readonly properties = new Map<string, Map<string, unknown>>();
  grants: Grants;
  readonly admins: Set<string>;
  readonly storyPointsField: string;
  readonly securityLevels: Record<string, string[]>;
  private nextId: number;
  private readonly counters = new Map<string, number>();

  constructor(data: EmulatorData) {
    for (const p of data.projects) this.projects.set(p.key, p);
    for (const u of data.users) this.users.set(u.accountId, u);
    this.grants = data.grants;
    this.admins = new Set(data.admins ?? []);
    this.storyPointsField = data.storyPointsField ?? STORY_POINTS_FIELD;
    this.securityLevels = data.securityLevels ?? {};
    let maxId = 10000;
    for (const issue of data.issues) {
      this.issues.set(issue.key, { ...issue, labels: [...issue.labels], components: [...issue.components] });
      maxId = Math.max(maxId, Number(issue.id));
      const n = Number(issue.key.split('-')[1]);
      this.counters.set(issue.projectKey, Math.max(this.counters.get(issue.projectKey) ?? 0, n));
    }
    this.nextId = maxId + 1;
  }

  findIssue(idOrKey: string): EmuIssue | undefined {
    const byKey = this.issues.get(idOrKey.toUpperCase());
    if (byKey) return byKey;
    for (const issue of this.issues.values()) if (issue.id === idOrKey) return issue;
    return undefined;
  }

  allocate(projectKey: string): { id: string; key: string } {
    const n = (this.counters.get(projectKey) ?? 0) + 1;
    this.counters.set(projectKey, n);
    return { id: String(this.nextId++), key: `${projectKey}-${n}` };
  }

  /**
   * May the principal see this issue: browse its project and, when it has a security level, be a member of
   * it.
   */
  canSee(principal: Principal, issue: EmuIssue): boolean {
    if (!this.can(principal, issue.projectKey, 'browse')) return false;
    if (!issue.security || principal.kind === 'app') return true;
    return (this.securityLevels[issue.security] ?? []).includes(principal.accountId);
  }

  can(principal: Principal, projectKey: string, right: 'browse' | 'edit'): boolean {
    if (principal.kind === 'app') return this.projects.has(projectKey);
    return this.grants[principal.accountId]?.[projectKey]?.[right] === true;
  }

  /** How many times each issue property was written (to prove "classified exactly once"). */
  readonly propertyWrites = new Map<string, number>();
  /**
   * Every property write, who made it and what it wrote (a test reads what was classified, and how often).
   */
  readonly propertyWriteLog: Array<{ issueKey: string; propertyKey: string; by: Principal; value: unknown }> =
    [];
  countWrite(issueKey: string, propertyKey: string, by?: Principal, value?: unknown): void {
    if (by) this.propertyWriteLog.push({ issueKey, propertyKey, by, value });
    const k = `${issueKey}/${propertyKey}`;
    this.propertyWrites.set(k, (this.propertyWrites.get(k) ?? 0) + 1);
  }

  propertiesOf(issueKey: string): Map<string, unknown> {
    let m = this.properties.get(issueKey);
    if (!m) {
      m = new Map();
      this.properties.set(issueKey, m);
    }
    return m;
  }
}
