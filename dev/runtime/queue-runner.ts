/**
 * Async events (`@forge/events` Queue): answers the paths the package posts through
 * `__forge_fetch__` (publish, stats, cancel — node_modules/@forge/events/out/queries.js) and hands
 * each event to the manifest `consumer` of its queue. A consumer that returns an InvocationError
 * (`_retry: true`) or throws runs again after `retryAfter`, at most 4 more times, as Forge does;
 * `delayInSeconds` defers the first run. Job stats answer `queue.getJob(id).getStats()`.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { jsonResponse } from './kvs-responses';
import type { ManifestModule, ParsedManifest } from './manifest-modules';
import type { WorkScheduler } from './work-scheduler';

export const MAX_RETRIES = 4;

const PushBody = z.object({
  queueName: z.string().regex(/^[a-zA-Z0-9-_]+$/),
  jobId: z.string().min(1),
  payload: z.array(z.object({ body: z.record(z.string(), z.unknown()), delayInSeconds: z.number().min(0).max(900).optional() }).passthrough()).min(1).max(50),
});
const JobBody = z.object({ queueName: z.string(), jobId: z.string().min(1) });

export interface JobStats { success: number; inProgress: number; failed: number }
export interface ConsumerEvent { queueName: string; jobId: string; eventId: string; body: Record<string, unknown>; retryContext?: { retryCount: number; retryReason: string; retryData?: unknown } }
export type ConsumerInvoker = (consumer: ManifestModule, event: ConsumerEvent) => Promise<unknown>;

/** `{ _retry: true, retryOptions }` as InvocationError serialises, or undefined. */
export function retryRequest(result: unknown): { retryAfterSeconds: number; retryReason: string; retryData?: unknown } | undefined {
  if (typeof result !== 'object' || result === null || (result as { _retry?: unknown })._retry !== true) return undefined;
  const o = (result as { retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown } }).retryOptions ?? {};
  return { retryAfterSeconds: Math.max(1, o.retryAfter ?? 1), retryReason: o.retryReason ?? 'FUNCTION_RETRY_REQUEST', retryData: o.retryData };
}

export class QueueRunner {
  private readonly stats = new Map<string, JobStats>();

  constructor(private readonly manifest: ParsedManifest, private readonly scheduler: WorkScheduler, private readonly invoke: ConsumerInvoker) {}

  handle(path: string, bodyText: string): Response {
    let body: unknown;
    try { body = JSON.parse(bodyText || '{}'); } catch { return jsonResponse(400, { message: 'The request body is not JSON' }); }
    if (path.startsWith('/webhook/queue/publish/')) return this.publish(body);
    const job = JobBody.safeParse(body);
    if (!job.success) return jsonResponse(400, { message: 'queueName and jobId are required' });
    const stats = this.stats.get(job.data.jobId);
    if (path.startsWith('/webhook/queue/stats/')) return stats ? jsonResponse(200, stats) : jsonResponse(404, { message: 'Job does not exist' });
    if (path.startsWith('/webhook/queue/cancel/')) {
      if (!stats) return jsonResponse(404, { message: 'Job does not exist' });
      const removed = this.scheduler.cancel((label) => label.startsWith(`queue:${job.data.jobId}:`));
      stats.inProgress -= removed;
      return jsonResponse(204);
    }
    return jsonResponse(404, { message: `The local platform has no endpoint ${path}` });
  }

  private publish(body: unknown): Response {
    const push = PushBody.safeParse(body);
    if (!push.success) return jsonResponse(400, { message: 'Invalid push request', errors: push.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    const { queueName, jobId, payload } = push.data;
    const consumer = this.manifest.modules.find((m) => m.type === 'consumer' && m.queue === queueName);
    if (!consumer) return jsonResponse(400, { message: `No consumer module in manifest.yml listens to queue "${queueName}"` });
    const stats = this.stats.get(jobId) ?? { success: 0, inProgress: 0, failed: 0 };
    this.stats.set(jobId, stats);
    for (const e of payload) {
      stats.inProgress++;
      this.enqueue(consumer, { queueName, jobId, eventId: randomUUID(), body: e.body }, (e.delayInSeconds ?? 0) * 1000, stats);
    }
    return jsonResponse(201, {});
  }

  private enqueue(consumer: ManifestModule, event: ConsumerEvent, delayMs: number, stats: JobStats): void {
    this.scheduler.schedule(`queue:${event.jobId}:${event.eventId}`, delayMs, async () => {
      let retry: ReturnType<typeof retryRequest>;
      let failure: unknown;
      try {
        retry = retryRequest(await this.invoke(consumer, event));
      } catch (e) {
        failure = e;
        retry = { retryAfterSeconds: 1, retryReason: 'FUNCTION_ERROR' };
      }
      const count = event.retryContext?.retryCount ?? 0;
      if (retry && count < MAX_RETRIES) {
        this.enqueue(consumer, { ...event, retryContext: { retryCount: count + 1, retryReason: retry.retryReason, ...(retry.retryData !== undefined ? { retryData: retry.retryData } : {}) } }, retry.retryAfterSeconds * 1000, stats);
        return;
      }
      stats.inProgress--;
      if (retry) stats.failed++; else stats.success++;
      if (failure) throw failure;
    });
  }
}
