/**
 * Shared by the app benchmarks: a synthetic project of any size in the emulator, with the real app on the
 * runtime shim.
 */
import { resolve } from 'node:path';
import { startJiraEmulator, DEMO_USERS, type EmulatorData } from '../dev/emulator';
import { textToAdf } from '../dev/emulator/adf';
import { createForgeRuntime } from '../dev/runtime';
import { buildForgeBundle } from '../dev/forge-bundle/build-bundle';

export const MANIFEST = resolve(__dirname, '../manifest.yml');
export const ALICE = DEMO_USERS.admin.accountId;

const SUMMARIES = [
  'Define the product vision for next year',
  'Fix crash when saving a draft',
  'As a shopper I want to filter by size',
  'Refactor the checkout service',
  'Pricing strategy for the enterprise tier',
  'Write release notes',
];

export function syntheticProject(n: number, now = new Date()): EmulatorData {
  const types = ['Story', 'Task', 'Bug', 'Epic'];
  return {
    projects: [{ id: '20000', key: 'BIG', name: 'Big project' }],
    users: [DEMO_USERS.admin, DEMO_USERS.viewer],
    grants: {
      [ALICE]: { BIG: { browse: true, edit: true } },
      [DEMO_USERS.viewer.accountId]: { BIG: { browse: true, edit: false } },
    },
    issues: Array.from({ length: n }, (_, i) => {
      const created = new Date(now.getTime() - (i % 365) * 86400000).toISOString();
      return {
        id: String(100000 + i),
        key: `BIG-${i + 1}`,
        projectKey: 'BIG',
        type: types[i % types.length]!,
        summary: `${SUMMARIES[i % SUMMARIES.length]} ${i}`,
        description: textToAdf('Details of the work item.'),
        labels: [],
        components: [],
        parent: null,
        storyPoints: [1, 2, 3, 5, 8][i % 5]!,
        created,
        updated: created,
        status: 'To Do',
        assignee: null,
        reporter: ALICE,
      };
    }),
  };
}

const BUNDLE_DIR = resolve(__dirname, '../node_modules/.cache/ownership-balance/bench-bundle');
let bundled: Record<string, unknown> | null = null;

/** The app as Forge's bundler builds it, built once per bench run: what ships is what is measured. */
export function bundledApp(): Record<string, unknown> {
  if (bundled) return bundled;
  const built = buildForgeBundle(BUNDLE_DIR);
  if (!built.ok) throw new Error(`Forge's bundler failed:\n${built.output}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  bundled = require(resolve(BUNDLE_DIR, 'index.cjs')) as Record<string, unknown>;
  return bundled;
}

export async function startApp(n: number, latencyMs = 0, data: EmulatorData = syntheticProject(n)) {
  const emulator = await startJiraEmulator({ manifestPath: MANIFEST, data, latencyMs });
  const app = bundledApp();
  const runtime = createForgeRuntime({ manifestPath: MANIFEST, app, jiraBaseUrl: emulator.url });
  return { emulator, runtime, close: async () => { await runtime.close(); await emulator.close(); } };
}
