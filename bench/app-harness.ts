/** Shared by the app benchmarks: a synthetic project of any size in the emulator, with the real app on the runtime shim. */
import { resolve } from 'node:path';
import { startJiraEmulator, DEMO_USERS, type EmulatorData } from '../dev/emulator';
import { textToAdf } from '../dev/emulator/demo-data';
import { createForgeRuntime } from '../dev/runtime';
import { retryPolicy } from '../src/jira/jira-client';

export const MANIFEST = resolve(__dirname, '../manifest.yml');
export const ALICE = DEMO_USERS.admin.accountId;

const SUMMARIES = ['Define the product vision for next year', 'Fix crash when saving a draft', 'As a shopper I want to filter by size', 'Refactor the checkout service', 'Pricing strategy for the enterprise tier', 'Write release notes'];

export function syntheticProject(n: number, now = new Date()): EmulatorData {
  const types = ['Story', 'Task', 'Bug', 'Epic'];
  return {
    projects: [{ id: '20000', key: 'BIG', name: 'Big project' }],
    users: [DEMO_USERS.admin, DEMO_USERS.viewer],
    grants: { [ALICE]: { BIG: { browse: true, edit: true } }, [DEMO_USERS.viewer.accountId]: { BIG: { browse: true, edit: false } } },
    issues: Array.from({ length: n }, (_, i) => {
      const created = new Date(now.getTime() - (i % 365) * 86400000).toISOString();
      return { id: String(100000 + i), key: `BIG-${i + 1}`, projectKey: 'BIG', type: types[i % types.length]!, summary: `${SUMMARIES[i % SUMMARIES.length]} ${i}`, description: textToAdf('Details of the work item.'),
        labels: [], components: [], parent: null, storyPoints: [1, 2, 3, 5, 8][i % 5]!, created, updated: created, status: 'To Do', assignee: null, reporter: ALICE };
    }),
  };
}

export async function startApp(n: number, latencyMs = 0) {
  retryPolicy.baseDelayMs = 50;
  const emulator = await startJiraEmulator({ manifestPath: MANIFEST, data: syntheticProject(n), latencyMs });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require('../src/index') as Record<string, unknown>;
  const runtime = createForgeRuntime({ manifestPath: MANIFEST, app, jiraBaseUrl: emulator.url });
  return { emulator, runtime, close: async () => { await runtime.close(); await emulator.close(); } };
}
