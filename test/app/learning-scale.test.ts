/**
 * Learning scales: an override costs the same few storage calls whether the site has no earlier
 * override or 3,000 of them (before, each override re-read them all and 3,000 passed the 25 s limit).
 */
import { kvs } from '@forge/kvs';
import { ALICE, startHarness, type Harness, callPanel } from './harness';

let h: Harness;
beforeAll(async () => { h = await startHarness({ storageLatencyMs: 0 }); });
afterAll(async () => { await h.close(); });

type Fetch = (ctx: { type: string }, path: string, init?: unknown) => Promise<Response>;
async function storageCallsDuring(work: () => Promise<unknown>): Promise<number> {
  const g = globalThis as unknown as { __forge_fetch__: Fetch };
  const real = g.__forge_fetch__;
  let calls = 0;
  g.__forge_fetch__ = (ctx, path, init) => { if (ctx.type === 'kvs') calls++; return real(ctx, path, init); };
  try { await work(); } finally { g.__forge_fetch__ = real; }
  return calls;
}
const override = (key: string, kind: string) =>
  callPanel(h, key, 'setOverride', { kind }, ALICE);

it('costs the same storage calls with 0 and with 3,000 earlier overrides', async () => {
  const first = await storageCallsDuring(() => override('SHOP-1', 'strategic'));
  const entry = {
    fingerprint: 'f',
    rulesVersion: 'r',
    automatic: { kind: 'tactical', share: 0.2 },
    signals: [{ signal: 'backlog', side: 'PO' }],
  };
  for (let i = 0; i < 3000; i += 25) {
    await kvs.batchSet(
      Array.from({ length: 25 }, (_, j) => ({
        key: `override:OLD-${i + j}`,
        value: {
          ...entry,
          issueKey: `OLD-${i + j}`,
          override: { kind: 'strategic', by: ALICE, at: new Date().toISOString() },
        },
      })),
    );
  }
  const later = await storageCallsDuring(() => override('SHOP-2', 'strategic'));
  expect(first).toBeGreaterThan(0);
  expect(later).toBe(first);
}, 60_000);
