/**
 * Product events → the manifest's `trigger` modules, as Forge delivers them: a trigger receives the
 * events its `events` list names; `filter.ignoreSelf` drops events the app itself caused; an
 * InvocationError result (`_retry: true`) redelivers the event after `retryAfter` with a
 * `retryContext`, at most 4 more times.
 */
import { z } from 'zod';
import { MAX_RETRIES, retryRequest } from './queue-runner';
import type { ManifestModule, ParsedManifest } from './manifest-modules';
import type { PlatformBehaviour } from './platform-behaviour';
import type { WorkScheduler } from './work-scheduler';

export const ProductEventSchema = z.object({
  payload: z.object({ eventType: z.string() }).passthrough(),
  causedBy: z.union([
    z.object({ kind: z.literal('app') }),
    z.object({ kind: z.literal('user'), accountId: z.string() }),
  ]),
});
export type ProductEvent = z.infer<typeof ProductEventSchema>;

export interface TriggerDelivery {
  moduleKey: string;
  delivered: boolean;
  reason?: string;
  result?: unknown;
  error?: unknown;
}
export interface DeliveryOutcome {
  delivered: boolean;
  result?: unknown;
  error?: unknown;
  deliveries: TriggerDelivery[];
}

export type TriggerInvoker = (
  trigger: ManifestModule,
  payload: Record<string, unknown>,
  site: string,
) => Promise<unknown>;

export class EventDelivery {
  constructor(
    private readonly manifest: ParsedManifest,
    private readonly scheduler: WorkScheduler,
    private readonly invoke: TriggerInvoker,
    private readonly behaviour: PlatformBehaviour,
  ) {}

  /** Delivers one product event of the installation `site` (its cloud id). */
  async deliver(raw: unknown, site: string): Promise<DeliveryOutcome> {
    const event = ProductEventSchema.parse(raw);
    const triggers = this.manifest.modules.filter(
      (m) => m.type === 'trigger' && (m.events ?? []).includes(event.payload.eventType),
    );
    const deliveries: TriggerDelivery[] = [];
    for (const trigger of triggers) {
      if (trigger.filter?.ignoreSelf && event.causedBy.kind === 'app') {
        deliveries.push({
          moduleKey: trigger.key,
          delivered: false,
          reason: 'ignoreSelf: the app caused this event',
        });
        continue;
      }
      const twice = this.behaviour.deliverTwice();
      const [first] = await Promise.all([
        this.attempt(trigger, event.payload, 0, site),
        ...(twice ? [this.attempt(trigger, event.payload, 0, site)] : []),
      ]);
      deliveries.push(first!);
    }
    const first = deliveries.find((d) => d.delivered);
    return {
      delivered: first !== undefined,
      ...(first && 'result' in first ? { result: first.result } : {}),
      ...(first && 'error' in first ? { error: first.error } : {}),
      deliveries,
    };
  }

  private async attempt(
    trigger: ManifestModule,
    payload: Record<string, unknown>,
    retryCount: number,
    site: string,
  ): Promise<TriggerDelivery> {
    const copy = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
    try {
      const result = await this.invoke(trigger, copy, site);
      const retry = retryRequest(result);
      if (retry && retryCount < MAX_RETRIES) {
        const next = {
          ...payload,
          retryContext: {
            retryCount: retryCount + 1,
            retryReason: retry.retryReason,
            ...(retry.retryData !== undefined ? { retryData: retry.retryData } : {}),
          },
        };
        this.scheduler.schedule(
          `trigger:${trigger.key}:${String(payload.eventType)}`,
          retry.retryAfterSeconds * 1000,
          async () => {
            const d = await this.attempt(trigger, next, retryCount + 1, site);
            if (d.error) throw d.error;
          },
        );
      }
      return { moduleKey: trigger.key, delivered: true, result };
    } catch (error) {
      return { moduleKey: trigger.key, delivered: true, error };
    }
  }
}
