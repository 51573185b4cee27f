/** Test harness: the emulator, the Forge runtime shim and the real app, wired as in production. */
import { resolve } from 'node:path';
import { createForgeRuntime, type ForgeRuntime } from '../../dev/runtime';
import { startJiraEmulator, DEMO_USERS, type JiraEmulator, type EmulatorData } from '../../dev/emulator';
import { loadBundledApp } from '../support/bundled-app';

export const MANIFEST = resolve(__dirname, '../../manifest.yml');
export const ALICE = DEMO_USERS.admin.accountId;
export const BOB = DEMO_USERS.viewer.accountId;

export interface Harness { emulator: JiraEmulator; runtime: ForgeRuntime; settle(): Promise<void>; close(): Promise<void> }

export async function startHarness(options: { data?: EmulatorData; latencyMs?: number; invocationBudgetMs?: number } = {}): Promise<Harness> {
  const emulator = await startJiraEmulator({ manifestPath: MANIFEST, validateAgainstSpec: true, data: options.data, latencyMs: options.latencyMs });
  const app = loadBundledApp();
  const runtime = createForgeRuntime({ manifestPath: MANIFEST, app, jiraBaseUrl: emulator.url, invocationBudgetMs: options.invocationBudgetMs });
  const pending = new Set<Promise<unknown>>();
  emulator.onEvent((event) => {
    const p = runtime.deliverEvent(event);
    pending.add(p);
    void p.finally(() => pending.delete(p));
    return p.then(() => undefined);
  });
  return {
    emulator, runtime,
    settle: async () => {
      for (let i = 0; i < 5; i++) { await new Promise((r) => setImmediate(r)); await Promise.all([...pending]); }
      await runtime.drainQueues();
    },
    close: async () => { await runtime.close(); await emulator.close(); },
  };
}

export const panelExtension = (key: string) => ({ type: 'jira:issuePanel', issue: { key, id: key, type: 'Story' }, project: { key: key.split('-')[0] } });
export const gadgetExtension = (config: Record<string, unknown>) => ({ type: 'jira:dashboardGadget', gadgetConfiguration: config, dashboard: { id: '10000' } });
