/**
 * The installation event (`avi:forge:installed:app`: "sent when an app has been installed on a site",
 * Forge events reference, life cycle). It records when, so that the first daily refresh can look for
 * issue events lost since then: before any backfill or daily run there is no other time the app is known
 * to have been watching from. Delivered at least once: the first time recorded stays.
 */
import { z } from 'zod';
import { recordInstalledAt } from '../storage/app-storage';
import { retryLater, type RetryRequest } from '../storage/retry';

const InstalledEventSchema = z.object({ eventType: z.literal('avi:forge:installed:app') });

export async function onAppInstalled(
  event: unknown,
): Promise<{ outcome: 'recorded' | 'invalid-event' } | RetryRequest> {
  if (!InstalledEventSchema.safeParse(event).success) return { outcome: 'invalid-event' };
  try {
    await recordInstalledAt(new Date().toISOString());
    return { outcome: 'recorded' };
  } catch (error) {
    return retryLater(error);
  }
}
