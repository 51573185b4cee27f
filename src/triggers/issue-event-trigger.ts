/**
 * The product-event trigger: classifies an issue when it is created, and when an edit changes
 * what the classifier reads (summary, description, type, labels, parent — read from the changelog).
 * Redelivered events are harmless (an unchanged fingerprint is not rewritten); a deleted issue is
 * not an error; a Jira outage returns an InvocationError so Forge retries later.
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { JiraError } from '../jira/jira-error';
import { classifyAndStore } from '../services/classify-issue';

const RELEVANT_FIELDS = new Set(['summary', 'description', 'issuetype', 'labels', 'parent', 'IssueParentAssociation', 'Epic Link']);

const IssueEventSchema = z.object({
  eventType: z.enum(['avi:jira:created:issue', 'avi:jira:updated:issue']),
  issue: z.object({ id: z.string(), key: z.string() }),
  changelog: z.object({ items: z.array(z.object({ field: z.string().optional(), fieldId: z.string().optional() })) }).optional(),
});

export type TriggerResult = { outcome: 'stored' | 'unchanged' | 'overridden' | 'ignored' | 'deleted' | 'invalid-event' } | ReturnType<typeof retryLater>;

function retryLater(error: JiraError) {
  return new InvocationError({ retryAfter: Math.max(5, error.retryAfterSeconds ?? 30), retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST, retryData: { status: error.status } });
}

export async function onIssueEvent(event: unknown): Promise<TriggerResult> {
  const parsed = IssueEventSchema.safeParse(event);
  if (!parsed.success) return { outcome: 'invalid-event' };
  const e = parsed.data;
  if (e.eventType === 'avi:jira:updated:issue') {
    const items = e.changelog?.items ?? [];
    if (!items.some((i) => RELEVANT_FIELDS.has(i.fieldId ?? '') || RELEVANT_FIELDS.has(i.field ?? ''))) return { outcome: 'ignored' };
  }
  try {
    const r = await classifyAndStore('app', e.issue.key);
    return { outcome: r.status };
  } catch (error) {
    if (error instanceof JiraError && error.code === 'NOT_FOUND') return { outcome: 'deleted' };
    if (error instanceof JiraError && error.retryable) return retryLater(error);
    throw error;
  }
}
