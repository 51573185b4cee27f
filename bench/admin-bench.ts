/**
 * The Jira admin page (getAgreement) against the number of stored reviews (overrides), with 20 ms of
 * emulated storage latency per call: its wall time. The page reads every review (Forge's storage query
 * pages hold 20) and checks learning on each of them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startJiraEmulator } from '../dev/emulator';
import { createForgeRuntime } from '../dev/runtime';
import { RULES_VERSION } from '../src/domain';
import { ALICE, bundledApp, MANIFEST, syntheticProject } from './app-harness';

const STORAGE_LATENCY_MS = 20;
const SUMMARIES = ['Pricing strategy for the enterprise tier', 'Fix crash when saving a draft'];

/** A storage file holding `n` reviews, as the panel stores them. */
function storageWith(n: number, file: string): void {
  const now = Date.now();
  const entries = Array.from({ length: n }, (_, i) => {
    const strategic = i % 2 === 0;
    const value = {
      issueKey: `BIG-${i + 1}`,
      fingerprint: `f${i}`,
      rulesVersion: RULES_VERSION,
      automatic: { kind: strategic ? 'strategic' : 'tactical', share: strategic ? 0.8 : 0.2 },
      override: { kind: i % 5 === 0 ? 'mixed' : strategic ? 'strategic' : 'tactical', by: ALICE,
        at: new Date(now - i * 60_000).toISOString() },
      signals: [{ signal: strategic ? 'pricing-budget' : 'delivery', side: strategic ? 'PM' : 'PO' }],
      item: { type: strategic ? 'Epic' : 'Bug', summary: `${SUMMARIES[i % 2]} ${i}`, labels: [] },
    };
    return [`override:BIG-${i + 1}`, { value, createdAt: now, updatedAt: now }];
  });
  writeFileSync(file, JSON.stringify({ version: 1, namespaces: { kv: entries } }));
}

async function measure(n: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'admin-bench-'));
  const file = join(dir, 'storage.json');
  storageWith(n, file);
  const data = { ...syntheticProject(10), admins: [ALICE] };
  const emulator = await startJiraEmulator({ manifestPath: MANIFEST, data });
  const runtime = createForgeRuntime({
    manifestPath: MANIFEST, app: bundledApp(), jiraBaseUrl: emulator.url,
    storage: { kind: 'file', path: file }, storageLatencyMs: STORAGE_LATENCY_MS,
  });
  try {
    const t = Date.now();
    const r = (await runtime.invokeResolver({
      moduleKey: 'ownership-admin', functionKey: 'getAgreement', payload: {}, accountId: ALICE,
      extension: { type: 'jira:adminPage' },
    })) as { ok: boolean; data?: { reviewed: { confirmed: number; overridden: number } } };
    const ms = Date.now() - t;
    if (!r.ok || r.data!.reviewed.confirmed + r.data!.reviewed.overridden !== n)
      throw new Error(`admin page failed at ${n} reviews: ${JSON.stringify(r).slice(0, 300)}`);
    return ms;
  } finally {
    await runtime.close();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { storageLatencyMs: STORAGE_LATENCY_MS };
  for (const n of [100, 1000, 5000]) out[`msPerLoad${n}`] = await measure(n);
  return out;
}
