/** The backfill queue consumer: validates the event and runs one chunk; Jira outages are retried by Forge. */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { ProjectKeySchema } from '../contract';
import { JiraError } from '../jira/jira-error';
import { backfillWorkerChunk } from '../services/backfill-service';

const EventSchema = z.object({ body: z.object({ projectKey: ProjectKeySchema }) });

export async function backfillWorker(event: unknown): Promise<unknown> {
  const parsed = EventSchema.safeParse(event);
  if (!parsed.success) return { outcome: 'invalid-event' };
  try {
    await backfillWorkerChunk(parsed.data.body.projectKey);
    return { outcome: 'chunk-done' };
  } catch (e) {
    if (e instanceof JiraError && e.retryable) return new InvocationError({ retryAfter: Math.max(5, e.retryAfterSeconds ?? 10), retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    throw e;
  }
}
