/**
 * Long jobs on Forge's async events (@forge/events): the backfill and the reconcile queues. Only this
 * folder imports @forge/events; services push plain bodies.
 */
import { Queue } from '@forge/events';

export const BACKFILL_QUEUE = 'ownership-backfill';
export const RECONCILE_QUEUE = 'ownership-reconcile';

/**
 * Pushes one event; `delayInSeconds` defers it ("The events processing can be delayed up to 15 minutes using
 * the delayInSeconds setting": Forge async events API).
 */
export async function pushJob(
  queue: string,
  body: Record<string, unknown>,
  delayInSeconds = 0,
): Promise<void> {
  await new Queue({ key: queue }).push([{ body, ...(delayInSeconds > 0 ? { delayInSeconds } : {}) }]);
}
