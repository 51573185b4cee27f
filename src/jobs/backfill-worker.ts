/**
 * The backfill queue consumer: validates the event and runs one chunk; Jira outages and storage failures are
 * retried by Forge.
 */
import { z } from 'zod';
import { ProjectKeySchema } from '../contract';
import { backfillWorkerChunk } from '../services/backfill-service';
import { retryLater } from '../storage/retry';

/** A refresh (backfill-start.ts) is a backfill of the stale tags only; events before it had no scope. */
const EventSchema = z.object({
  body: z.object({
    projectKey: ProjectKeySchema,
    scope: z.enum(['pending', 'stale']).default('pending'),
    /** Chunks in a row that waited on issues another writer held (backfill-service). */
    busyRounds: z.number().int().min(0).max(10).default(0),
  }),
});

export async function backfillWorker(event: unknown): Promise<unknown> {
  const parsed = EventSchema.safeParse(event);
  if (!parsed.success) return { outcome: 'invalid-event' };
  try {
    const { projectKey, scope, busyRounds } = parsed.data.body;
    await backfillWorkerChunk(projectKey, scope, busyRounds);
    return { outcome: 'chunk-done' };
  } catch (e) {
    return retryLater(e);
  }
}
