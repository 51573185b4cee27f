/**
 * A work item from a Jira issue's fields — the one mapping behind the app's reads (GET issue, search,
 * bulk fetch) and the command line's (single-issue JSON, search responses), so the two read alike.
 */
import type { WorkItem } from './types';

/** The fields a work item is read from, as Jira's issue responses carry them. */
export interface JiraFields {
  summary?: string | null;
  description?: unknown;
  issuetype?: { name?: string } | null;
  project?: { key?: string } | null;
  labels?: string[] | null;
  components?: Array<{ name?: string }> | null;
  parent?: { key?: string } | null;
  created?: string | null;
  status?: { name?: string } | null;
}

export function workItemFromFields(key: string, f: JiraFields, storyPoints: number | null): WorkItem {
  return {
    key,
    project: f.project?.key,
    type: f.issuetype?.name ?? 'Task',
    summary: f.summary ?? '',
    description: f.description as WorkItem['description'],
    labels: f.labels ?? [],
    components: (f.components ?? []).map((c) => c.name ?? '').filter(Boolean),
    parent: f.parent?.key ?? null,
    storyPoints,
    created: f.created ?? undefined,
    status: f.status?.name,
  };
}
