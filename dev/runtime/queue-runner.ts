/**
 * Async events (`@forge/events` Queue): pushed events are stored and handed to the manifest's
 * `consumer` for that queue. A consumer that returns an InvocationError (`_retry: true`) is run again,
 * at most 4 more times, as Forge does. Job stats answer Queue.getJob(id).getStats().
 */
import type { ParsedManifest } from './manifest-modules';

interface Pending { queueName: string; jobId: string; eventId: string; body: unknown; retryCount: number }
type Handler = (...args: unknown[]) => unknown;

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const MAX_RETRIES = 4;

export class QueueRunner {
  private readonly pending: Pending[] = [];
  private readonly stats = new Map<string, { success: number; inProgress: number; failed: number }>();
  private running: Promise<number> | null = null;
  private seq = 0;

  constructor(
    private readonly manifest: ParsedManifest,
    private readonly resolveHandler: (functionKey: string) => Handler,
    private readonly within: <T>(moduleKey: string, fn: () => Promise<T>) => Promise<T>,
    private readonly auto: boolean,
  ) {}

  handle(path: string, bodyText: string): Response {
    const body = JSON.parse(bodyText || '{}') as { queueName?: string; jobId?: string; payload?: Array<{ body?: unknown }> };
    if (path.startsWith('/webhook/queue/publish/')) {
      const events = body.payload ?? [];
      const s = this.stats.get(body.jobId!) ?? { success: 0, inProgress: 0, failed: 0 };
      s.inProgress += events.length;
      this.stats.set(body.jobId!, s);
      for (const e of events) this.pending.push({ queueName: body.queueName!, jobId: body.jobId!, eventId: `${body.jobId}-${this.seq++}`, body: e.body, retryCount: 0 });
      if (this.auto) setImmediate(() => void this.drain());
      return json(201, {});
    }
    if (path.startsWith('/webhook/queue/stats/')) return json(200, this.stats.get(body.jobId!) ?? { success: 0, inProgress: 0, failed: 0 });
    if (path.startsWith('/webhook/queue/cancel/')) {
      const before = this.pending.length;
      for (let i = this.pending.length - 1; i >= 0; i--) if (this.pending[i]!.jobId === body.jobId) this.pending.splice(i, 1);
      const s = this.stats.get(body.jobId!);
      if (s) s.inProgress -= before - this.pending.length;
      return json(204, {});
    }
    return json(404, { message: 'unknown queue path' });
  }

  /** Runs pending events until none remain; returns how many consumer invocations ran. */
  drain(): Promise<number> {
    if (this.running) return this.running.then(() => this.drain());
    this.running = (async () => {
      let ran = 0;
      while (this.pending.length > 0) {
        const event = this.pending.shift()!;
        ran++;
        await this.deliver(event);
      }
      return ran;
    })().finally(() => { this.running = null; });
    return this.running;
  }

  async idle(): Promise<void> { if (this.running) await this.running; }

  private async deliver(event: Pending): Promise<void> {
    const consumer = this.manifest.modules.find((m) => m.type === 'consumer' && m.queue === event.queueName);
    const s = this.stats.get(event.jobId)!;
    if (!consumer) { s.inProgress--; s.failed++; return; }
    let result: unknown;
    try {
      const fk = consumer.resolver?.function ?? consumer.function!;
      const handler = this.resolveHandler(fk);
      const eventArg = { queueName: event.queueName, jobId: event.jobId, eventId: event.eventId, body: event.body, retryContext: { retryCount: event.retryCount, retryReason: event.retryCount ? 'FUNCTION_RETRY_REQUEST' : undefined } };
      result = await this.within(consumer.key, async () => (consumer.resolver?.method
        ? handler({ call: { functionKey: consumer.resolver.method, payload: event.body, jobId: event.jobId }, context: { moduleKey: consumer.key } }, { principal: undefined })
        : handler(eventArg, { installContext: 'local' })));
    } catch {
      result = { _retry: true };
    }
    const retry = typeof result === 'object' && result !== null && (result as { _retry?: boolean })._retry === true;
    if (retry && event.retryCount < MAX_RETRIES) { this.pending.push({ ...event, retryCount: event.retryCount + 1 }); return; }
    s.inProgress--;
    if (retry) s.failed++; else s.success++;
  }
}
