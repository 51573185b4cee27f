/**
 * Long jobs on Forge's async events (@forge/events): the backfill and the reconcile queues. Only this
 * folder imports @forge/events; services push plain bodies.
 */
import { Queue } from '@forge/events';

export const BACKFILL_QUEUE = 'ownership-backfill';
export const RECONCILE_QUEUE = 'ownership-reconcile';

export async function pushJob(queue: string, body: Record<string, unknown>): Promise<void> {
  await new Queue({ key: queue }).push([{ body }]);
}
