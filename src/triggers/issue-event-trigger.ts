/**
 * The product-event trigger. A created issue is classified; an edit that changes what the classifier
 * reads (summary, description, type, labels, parent) is classified again; any other edit (story
 * points, assignee, a move) only records the issue's figures anew; a deleted issue leaves the figures.
 * Deliveries are at least once and concurrent: every step is idempotent (an unchanged fingerprint is
 * not rewritten, figures are keyed by issue). A Jira outage or a storage failure returns an
 * InvocationError so that Forge delivers the event again later.
 */
import { z } from 'zod';
import { JiraError } from '../jira/jira-error';
import { classifyAndStore } from '../services/classify-issue';
import { forgetFigures } from '../services/figures-service';
import { retryLater, type RetryRequest } from '../storage/retry';

const IssueEventSchema = z.object({
  eventType: z.enum(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue']),
  issue: z.object({ id: z.string(), key: z.string() }),
  changelog: z
    .object({ items: z.array(z.object({ field: z.string().optional(), fieldId: z.string().optional() })) })
    .optional(),
});

export type TriggerResult =
  { outcome: 'stored' | 'unchanged' | 'overridden' | 'deleted' | 'invalid-event' } | RetryRequest;

export async function onIssueEvent(event: unknown): Promise<TriggerResult> {
  const parsed = IssueEventSchema.safeParse(event);
  if (!parsed.success) return { outcome: 'invalid-event' };
  const e = parsed.data;
  try {
    if (e.eventType === 'avi:jira:deleted:issue') {
      await forgetFigures(e.issue.id);
      return { outcome: 'deleted' };
    }
    // Every edit is read: the ones the classifier does not read still move the figures.
    const r = await classifyAndStore('app', e.issue.key);
    return { outcome: r.status };
  } catch (error) {
    if (error instanceof JiraError && error.code === 'NOT_FOUND') {
      await forgetFigures(e.issue.id);
      return { outcome: 'deleted' };
    }
    if (error instanceof JiraError && !error.retryable) throw error;
    return retryLater(error);
  }
}

