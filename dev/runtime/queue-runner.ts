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
import type { PlatformBehaviour } from './platform-behaviour';
import {
  QUEUE_MAX_EVENT_BYTES_LONG_RUNNING,
  QUEUE_MAX_EVENTS_PER_PUSH,
  QUEUE_MAX_PAYLOAD_BYTES,
  QUEUE_MAX_RETRY_DATA_BYTES,
  jsonBytes,
} from './platform-limits';
import type { WorkScheduler } from './work-scheduler';

export const MAX_RETRIES = 4;

const PushBody = z.object({
  queueName: z.string().regex(/^[a-zA-Z0-9-_]+$/),
  jobId: z.string().min(1),
  payload: z
    .array(
      z
        .object({
          body: z.record(z.string(), z.unknown()),
          delayInSeconds: z.number().min(0).max(900).optional(),
        })
        .passthrough(),
    )
    .min(1)
    .max(QUEUE_MAX_EVENTS_PER_PUSH),
});
const JobBody = z.object({ queueName: z.string(), jobId: z.string().min(1) });

export interface JobStats { success: number; inProgress: number; failed: number }
export interface ConsumerEvent {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  retryContext?: { retryCount: number; retryReason: string; retryData?: unknown };
}
export type ConsumerInvoker = (consumer: ManifestModule, event: ConsumerEvent) => Promise<unknown>;

/** `{ _retry: true, retryOptions }` as InvocationError serialises, or undefined. */
export function retryRequest(
  result: unknown,
): { retryAfterSeconds: number; retryReason: string; retryData?: unknown } | undefined {
  if (typeof result !== 'object' || result === null || (result as { _retry?: unknown })._retry !== true)
    return undefined;
  const o =
    (result as { retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown } })
      .retryOptions ?? {};
  return {
    retryAfterSeconds: Math.max(1, o.retryAfter ?? 1),
    retryReason: o.retryReason ?? 'FUNCTION_RETRY_REQUEST',
    retryData: o.retryData,
  };
}

export class QueueRunner {
  private readonly stats = new Map<string, JobStats>();

  constructor(
    private readonly manifest: ParsedManifest,
    private readonly scheduler: WorkScheduler,
    private readonly invoke: ConsumerInvoker,
    private readonly behaviour: PlatformBehaviour,
  ) {}

  handle(path: string, bodyText: string): Response {
    let body: unknown;
    try {
      body = JSON.parse(bodyText || '{}');
    } catch {
      return jsonResponse(400, { message: 'The request body is not JSON' });
    }
    if (path.startsWith('/webhook/queue/publish/')) return this.publish(body);
    const job = JobBody.safeParse(body);
    if (!job.success) return jsonResponse(400, { message: 'queueName and jobId are required' });
    const stats = this.stats.get(job.data.jobId);
    if (path.startsWith('/webhook/queue/stats/'))
      return stats ? jsonResponse(200, stats) : jsonResponse(404, { message: 'Job does not exist' });
    if (path.startsWith('/webhook/queue/cancel/')) {
      if (!stats) return jsonResponse(404, { message: 'Job does not exist' });
      const removed = this.scheduler.cancel((label) => label.startsWith(`queue:${job.data.jobId}:`));
      this.scheduler.cancel((label) => label.startsWith(`queue-duplicate:${job.data.jobId}:`));
      stats.inProgress -= removed;
      return jsonResponse(204);
    }
    return jsonResponse(404, { message: `The local platform has no endpoint ${path}` });
  }

  private publish(body: unknown): Response {
    const push = PushBody.safeParse(body);
    if (!push.success)
      return jsonResponse(400, {
        message: 'Invalid push request',
        errors: push.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    const { queueName, jobId, payload } = push.data;
    const consumer = this.manifest.modules.find((m) => m.type === 'consumer' && m.queue === queueName);
    if (!consumer)
      return jsonResponse(400, {
        message: `No consumer module in manifest.yml listens to queue "${queueName}"`,
      });
    const bytes = jsonBytes(payload);
    if (bytes > QUEUE_MAX_PAYLOAD_BYTES) {
      return jsonResponse(413, {
        message:
          `The combined payload of the events (${bytes} bytes) exceeds Forge's ${QUEUE_MAX_PAYLOAD_BYTES}`,
      });
    }
    const longRunning =
      (this.manifest.timeouts.get(consumer.function ?? consumer.resolver?.function ?? '') ?? 0) > 55;
    const big = payload.find((e) => jsonBytes(e) > QUEUE_MAX_EVENT_BYTES_LONG_RUNNING);
    if (longRunning && big) {
      return jsonResponse(413, {
        message:
          `An event over ${QUEUE_MAX_EVENT_BYTES_LONG_RUNNING} bytes for a consumer with timeoutSeconds > 55`,
      });
    }
    const stats = this.stats.get(jobId) ?? { success: 0, inProgress: 0, failed: 0 };
    this.stats.set(jobId, stats);
    for (const e of payload) {
      stats.inProgress++;
      this.enqueue(
        consumer,
        { queueName, jobId, eventId: randomUUID(), body: e.body },
        (e.delayInSeconds ?? 0) * 1000,
        stats,
      );
    }
    return jsonResponse(201, {});
  }

  /**
   * At least once: now and then the same event also runs a second time, concurrently, outside the job's
   * stats.
   */
  private enqueue(consumer: ManifestModule, event: ConsumerEvent, delayMs: number, stats: JobStats): void {
    if (this.behaviour.deliverTwice()) {
      this.scheduler.schedule(`queue-duplicate:${event.jobId}:${event.eventId}`, delayMs, async () => {
        await this.invoke(consumer, event);
      });
    }
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
      if (retry?.retryData !== undefined && jsonBytes(retry.retryData) > QUEUE_MAX_RETRY_DATA_BYTES) {
        failure = new Error(
          `retryData over Forge's ${QUEUE_MAX_RETRY_DATA_BYTES} bytes: the event is not retried`,
        );
        retry = { retryAfterSeconds: 0, retryReason: 'FUNCTION_ERROR' };
        stats.inProgress--;
        stats.failed++;
        throw failure;
      }
      if (retry && count < MAX_RETRIES) {
        this.enqueue(
          consumer,
          {
            ...event,
            retryContext: {
              retryCount: count + 1,
              retryReason: retry.retryReason,
              ...(retry.retryData !== undefined ? { retryData: retry.retryData } : {}),
            },
          },
          retry.retryAfterSeconds * 1000,
          stats,
        );
        return;
      }
      stats.inProgress--;
      if (retry) stats.failed++; else stats.success++;
      if (failure) throw failure;
    });
  }
}
