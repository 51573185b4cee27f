/**
 * Backfill: Jira requests per 100 issues, and the time to classify 10,000 issues with latency and a 429 every
 * 50 requests.
 */
import { ALICE, startApp } from './app-harness';

async function backfill(n: number, latencyMs: number, with429: boolean) {
  const h = await startApp(n, latencyMs);
  try {
    if (with429) h.emulator.faults.add({ kind: 'status429', every: 50, retryAfterSeconds: 1 });
    h.emulator.requests.clear();
    const t = Date.now();
    await h.runtime.invokeResolver({
      moduleKey: 'ownership-gadget',
      functionKey: 'startBackfill',
      payload: { projectKey: 'BIG' },
      accountId: ALICE,
      extension: { type: 'jira:dashboardGadget' },
    });
    const oneOff = h.emulator.requests.count();
    h.emulator.requests.clear();
    await h.runtime.drainQueues();
    const ms = Date.now() - t;
    const classified = [...h.emulator.store.properties.values()].filter((p) =>
      p.has('ownership-balance'),
    ).length;
    return { requests: h.emulator.requests.count(), oneOff, ms, classified };
  } finally { await h.close(); }
}

export async function run(): Promise<Record<string, unknown>> {
  const small = await backfill(1000, 0, false);
  const big = await backfill(10_000, 50, true);
  return {
    // per chunk of 100: one search page, one bulk property write, one task poll
    requestsPer100: Math.round((small.requests / 10) * 100) / 100,
    oneOffRequestsPerBackfill: small.oneOff,
    classified1000: small.classified,
    tenThousand: {
      seconds: Math.round(big.ms / 100) / 10,
      classified: big.classified,
      requests: big.requests,
      latencyMs: 50,
      fault: '429 every 50 requests (Retry-After 1 s)',
    },
  };
}
