/** The classification's issue property and labels on Jira issues: read, written one by one or in bulk. */
import { route } from '@forge/api';
import { ISSUE_PROPERTY_KEY } from '../contract';
import { requestJira, type Actor } from './jira-client';
import { JiraError } from './jira-error';
import {
  PropertySchema,
  TaskSchema,
} from './jira-schemas';

export async function getIssueProperty(actor: Actor, key: string): Promise<unknown | null> {
  try {
    return (
      await requestJira(route`/rest/api/3/issue/${key}/properties/${ISSUE_PROPERTY_KEY}`, {
        as: actor,
        schema: PropertySchema,
      })
    ).value;
  } catch (e) {
    if (e instanceof JiraError && e.code === 'NOT_FOUND') return null;
    throw e;
  }
}

export async function setIssueProperty(actor: Actor, key: string, value: unknown): Promise<void> {
  await requestJira(route`/rest/api/3/issue/${key}/properties/${ISSUE_PROPERTY_KEY}`, {
    as: actor,
    method: 'PUT',
    body: value,
  });
}

/** Sets the property on up to 100 issues in one call and waits for Jira's asynchronous task. */
export async function bulkSetProperties(
  actor: Actor,
  entries: Array<{ issueId: number; value: unknown }>,
): Promise<void> {
  if (entries.length === 0) return;
  if (entries.length > 100)
    throw new JiraError(400, 'BAD_REQUEST', 'At most 100 issues can be written in one bulk property call.');
  const body = {
    issues: entries.map((e) => ({ issueID: e.issueId, properties: { [ISSUE_PROPERTY_KEY]: e.value } })),
  };
  const headers = await requestJira<Headers>(route`/rest/api/3/issue/properties/multi`, {
    as: actor,
    method: 'POST',
    body,
    okStatuses: [200, 202, 204, 303],
    headers: true,
  });
  const taskId = /\/task\/([^/?]+)/.exec(headers.get('location') ?? '')?.[1];
  if (taskId) await waitForTask(actor, taskId);
}

export async function waitForTask(actor: Actor, taskId: string, pollMs = 100): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const task = await requestJira(route`/rest/api/3/task/${taskId}`, { as: actor, schema: TaskSchema });
    if (task.status === 'COMPLETE') return;
    if (['FAILED', 'CANCELLED', 'DEAD'].includes(task.status))
      throw new JiraError(
        500,
        'UNAVAILABLE',
        `Jira's bulk property task ${task.status.toLowerCase()}: ${task.message ?? ''}`,
      );
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new JiraError(504, 'UNAVAILABLE', "Jira's bulk property task did not finish in time.");
}

export async function updateLabels(
  actor: Actor,
  key: string,
  add: string[],
  remove: string[],
): Promise<void> {
  const labels = [...add.map((l) => ({ add: l })), ...remove.map((l) => ({ remove: l }))];
  if (labels.length === 0) return;
  await requestJira(route`/rest/api/3/issue/${key}`, {
    as: actor,
    method: 'PUT',
    body: { update: { labels } },
  });
}
