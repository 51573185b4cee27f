/**
 * The backfill queue consumer: validates the event and runs one chunk; Jira outages and storage failures are
 * retried by Forge.
 */
import { z } from 'zod';
import { ProjectKeySchema } from '../contract';
import { backfillWorkerChunk } from '../services/backfill-service';
import { retryLater } from '../storage/retry';

const EventSchema = z.object({ body: z.object({ projectKey: ProjectKeySchema }) });

export async function backfillWorker(event: unknown): Promise<unknown> {
  const parsed = EventSchema.safeParse(event);
  if (!parsed.success) return { outcome: 'invalid-event' };
  try {
    await backfillWorkerChunk(parsed.data.body.projectKey);
    return { outcome: 'chunk-done' };
  } catch (e) {
    return retryLater(e);
  }
}
