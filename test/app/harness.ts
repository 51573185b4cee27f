/**
 * Test harness: the local Jira, the Forge runtime shim and the app as Forge's bundler built it, wired
 * as in production. Storage answers with a small latency by default; concurrency suites raise it and
 * turn on duplicate deliveries. `sites` adds installations (each its own Jira) served by the same module.
 */
import { kvs } from '@forge/kvs';
import { parseStoredClassification, type GadgetData } from '../../src/contract';
import { resolve } from 'node:path';
import { createForgeRuntime, type ForgeRuntime } from '../../dev/runtime';
import type { PlatformBehaviourOptions } from '../../dev/runtime/platform-behaviour';
import { startJiraEmulator, DEMO_USERS, type JiraEmulator, type EmulatorData } from '../../dev/emulator';
import { loadBundledApp } from '../support/bundled-app';

export const MANIFEST = resolve(__dirname, '../../manifest.yml');
export const ALICE = DEMO_USERS.admin.accountId;
export const BOB = DEMO_USERS.viewer.accountId;

export interface Harness {
  emulator: JiraEmulator;
  runtime: ForgeRuntime;
  /** The Jira of each further installation, by cloud id. */
  sites: Map<string, JiraEmulator>;
  /** Waits for the events' first deliveries; retries and queued jobs stay scheduled. */
  delivered(): Promise<void>;
  /** Waits for everything: deliveries, their retries and the queues. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions extends PlatformBehaviourOptions {
  data?: EmulatorData;
  latencyMs?: number;
  invocationBudgetMs?: number;
  sites?: Array<{ cloudId: string; data: EmulatorData }>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { latencyMs } = options;
  const start = (data?: EmulatorData) =>
    startJiraEmulator({ manifestPath: MANIFEST, validateAgainstSpec: true, data, latencyMs });
  const emulator = await start(options.data);
  const sites = new Map<string, JiraEmulator>();
  for (const s of options.sites ?? []) sites.set(s.cloudId, await start(s.data));
  const runtime = createForgeRuntime({
    manifestPath: MANIFEST,
    app: loadBundledApp(),
    jiraBaseUrl: emulator.url,
    invocationBudgetMs: options.invocationBudgetMs,
    sites: [...sites].map(([cloudId, e]) => ({ cloudId, jiraBaseUrl: e.url })),
    storageLatencyMs: options.storageLatencyMs ?? { min: 1, max: 4 },
    duplicateDeliveryRate: options.duplicateDeliveryRate,
    storageFaultRate: options.storageFaultRate,
    seed: options.seed,
  });
  const pending = new Set<Promise<unknown>>();
  const wire = (jira: JiraEmulator, site?: string) => jira.onEvent((event) => {
    const p = runtime.deliverEvent(event, site);
    pending.add(p);
    void p.finally(() => pending.delete(p));
    return p.then(() => undefined);
  });
  wire(emulator);
  for (const [cloudId, jira] of sites) wire(jira, cloudId);
  const delivered = async () => {
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setImmediate(r));
      await Promise.all([...pending]);
    }
  };
  return {
    emulator, runtime, sites, delivered,
    settle: async () => {
      await delivered();
      await runtime.drainQueues();
      await Promise.all([...pending]);
    },
    /** Closes everything, and fails if the app met anything the local Jira does not emulate (a 501). */
    close: async () => {
      await runtime.close();
      await emulator.close();
      for (const jira of sites.values()) await jira.close();
      const notEmulated = [emulator, ...sites.values()]
        .flatMap((j) => j.requests.entries.filter((r) => r.status === 501))
        .map((r) => `${r.method} ${r.path}`);
      if (notEmulated.length > 0)
        throw new Error(
          `The app called what the local Jira does not emulate (501): ${notEmulated.join(', ')}`);
    },
  };
}

export const panelExtension = (key: string) => ({
  type: 'jira:issuePanel',
  issue: { key, id: key, type: 'Story' },
  project: { key: key.split('-')[0] },
});
/** Calls a gadget resolver with the gadget configured as `config`, as `accountId` (Alice unless said). */
export const callGadget = (
  h: Harness,
  config: Record<string, unknown>,
  functionKey = 'getGadget',
  payload: unknown = {},
  accountId = ALICE,
) =>
  h.runtime.invokeResolver({
    moduleKey: 'ownership-gadget', functionKey, payload, accountId, extension: gadgetExtension(config),
  });

/**
 * Calls a panel resolver on `key`'s issue view as `accountId` (Alice unless said), as the Custom UI would.
 */
export const callPanel = (
  h: Harness,
  key: string,
  functionKey = 'getIssuePanel',
  payload: unknown = {},
  accountId = ALICE,
) =>
  h.runtime.invokeResolver({
    moduleKey: 'ownership-panel', functionKey, payload, accountId, extension: panelExtension(key),
  });
export const gadgetExtension = (config: Record<string, unknown>) => ({
  type: 'jira:dashboardGadget',
  gadgetConfiguration: config,
  dashboard: { id: '10000' },
});

/**
 * As if the writers' short claims on the versions they stored (25 s, classify-issue.ts) had expired: for
 * a test that runs a later job on issues the trigger has just tagged.
 */
export async function expireClaims(h: Harness): Promise<number> {
  const claims = Object.keys(h.runtime.storage.snapshot()).filter((k) => k.startsWith('lock:classify:'));
  for (const key of claims) await kvs.delete(key);
  return claims.length;
}

/**
 * A site with one empty project whose `people` (Alice, or Alice and Bob) may browse and edit it; Alice is
 * the Jira admin.
 */
export function oneProjectSite(
  project: { id: string; key: string; name: string },
  people: Array<(typeof DEMO_USERS)['admin' | 'viewer']> = [DEMO_USERS.admin],
): EmulatorData {
  return {
    projects: [project],
    users: people,
    grants: Object.fromEntries(
      people.map((p) => [p.accountId, { [project.key]: { browse: true, edit: true } }]),
    ),
    admins: [ALICE],
    issues: [],
  };
}

/** The gadget's configuration for a project over the last year, by issue count and week. */
export const yearByWeekConfig = (projectKey: string) => ({
  projectKey,
  period: '365d',
  unit: 'count',
  trend: 'week',
  targetShare: 0.3,
  refreshMinutes: 0,
});

/** An issue's tag as the local Jira holds it (null: none, or not a tag). */
export const tagOf = (h: Harness, key: string) =>
  parseStoredClassification(h.emulator.store.properties.get(key)?.get('ownership-balance'));

/** What the local Jira's tags add up to, per kind: the truth a gadget's counts are held to. */
export function jiraTally(h: Harness): Record<'strategic' | 'tactical' | 'mixed', number> {
  const tally = { strategic: 0, tactical: 0, mixed: 0 };
  for (const issue of h.emulator.store.issues.values()) {
    const tag = tagOf(h, issue.key);
    if (tag) tally[tag.kind] += 1;
  }
  return tally;
}

/** The gadget's counts per kind, as Alice sees them. */
export async function gadgetTally(h: Harness, config: Record<string, unknown>) {
  const g = (await callGadget(h, config, 'getGadget', {}, ALICE)) as { ok: true; data: GadgetData };
  const { strategic, tactical, mixed } = g.data.balance.count;
  return { strategic, tactical, mixed };
}

/**
 * A project-level resolver call (start a backfill or a reconcile, read their status) from the gadget's or
 * the admin page's module, as `accountId`.
 */
export const callForProject = (
  h: Harness,
  moduleKey: 'ownership-gadget' | 'ownership-admin',
  functionKey: string,
  projectKey: string,
  accountId = ALICE,
) => h.runtime.invokeResolver({ moduleKey, functionKey, payload: { projectKey }, accountId, extension: {} });
