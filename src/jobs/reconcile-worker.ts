/**
 * The reconcile queue's consumer, and the daily scheduled trigger that starts the sweep. Jira outages
 * and storage failures are retried by Forge; a chunk run twice changes nothing.
 */
import { z } from 'zod';
import { ProjectKeySchema } from '../contract';
import { JiraError } from '../jira/jira-error';
import { saveReconcile, readReconcile } from '../storage/app-storage';
import { reconcileChunk, sweepProjects } from '../services/reconcile-service';
import { pushJob, RECONCILE_QUEUE } from '../storage/jobs';
import { retryLater } from '../storage/retry';

const EventSchema = z.object({
  body: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('project'),
      projectKey: ProjectKeySchema,
      nextPageToken: z.string().nullish(),
      refresh: z.boolean().optional(),
    }),
    z.object({ kind: z.literal('sweep'), startAt: z.number().int().nonnegative() }),
  ]),
});

export async function reconcileWorker(event: unknown): Promise<unknown> {
  const parsed = EventSchema.safeParse(event);
  if (!parsed.success) return { outcome: 'invalid-event' };
  const body = parsed.data.body;
  try {
    if (body.kind === 'sweep') await sweepProjects(body.startAt);
    else await reconcileChunk(body);
    return { outcome: 'chunk-done' };
  } catch (e) {
    if (e instanceof JiraError && !e.retryable && body.kind === 'project') {
      const status = await readReconcile(body.projectKey);
      if (status) await saveReconcile({ ...status, state: 'failed', finishedAt: new Date().toISOString() });
      return { outcome: 'failed' };
    }
    return retryLater(e);
  }
}

/**
 * Daily (manifest scheduledTrigger): queues the sweep over every project that has figures. The sweep runs
 * on the queue because Forge retries a queued event that fails, but not a scheduled function: "If the
 * function throws an error, nothing will happen, and the function invocation will not be retried" (Forge
 * manifest reference, scheduledTrigger) — one storage fault would otherwise skip a day for a page of
 * projects.
 */
export async function reconcileSchedule(): Promise<void> {
  await pushJob(RECONCILE_QUEUE, { kind: 'sweep', startAt: 0 });
}
