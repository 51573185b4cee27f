/**
 * The backfill queue consumer: validates the event and runs one chunk; Jira outages and storage failures are
 * retried by Forge.
 */
import { z } from 'zod';
import { ProjectKeySchema } from '../contract';
import { backfillWorkerChunk } from '../services/backfill-service';
import { retryLater } from '../storage/retry';

/** A refresh (refresh-service) is a backfill of the stale tags only; events before it had no scope. */
const EventSchema = z.object({
  body: z.object({ projectKey: ProjectKeySchema, scope: z.enum(['pending', 'stale']).default('pending') }),
});

export async function backfillWorker(event: unknown): Promise<unknown> {
  const parsed = EventSchema.safeParse(event);
  if (!parsed.success) return { outcome: 'invalid-event' };
  try {
    await backfillWorkerChunk(parsed.data.body.projectKey, parsed.data.body.scope);
    return { outcome: 'chunk-done' };
  } catch (e) {
    return retryLater(e);
  }
}
