/**
 * Jira requests and wall time per gadget render, 500 vs 50,000 issues, 100 ms emulated latency per request.
 */
import { ALICE, startApp } from './app-harness';

const CONFIG = {
  projectKey: 'BIG',
  period: '365d',
  unit: 'points',
  trend: 'week',
  targetShare: 0.3,
  refreshMinutes: 0,
};

async function measure(n: number): Promise<{ requests: number; ms: number }> {
  const h = await startApp(n, 100);
  try {
    const render = () =>
      h.runtime.invokeResolver({
        moduleKey: 'ownership-gadget',
        functionKey: 'getGadget',
        payload: {},
        accountId: ALICE,
        extension: { type: 'jira:dashboardGadget', gadgetConfiguration: CONFIG },
      });
    await render();
    h.emulator.requests.clear();
    const t = Date.now();
    const r = (await render()) as { ok: boolean };
    if (!r.ok) throw new Error(`gadget render failed: ${JSON.stringify(r)}`);
    return { requests: h.emulator.requests.count(), ms: Date.now() - t };
  } finally { await h.close(); }
}

export async function run(): Promise<Record<string, unknown>> {
  const small = await measure(500);
  const large = await measure(50_000);
  return {
    requests: { small: small.requests, large: large.requests },
    msPerRender: { small: small.ms, large: large.ms },
    latencyMsPerRequest: 100,
  };
}
