/**
 * Trigger: issue-created events in bursts of 50 concurrent, through Forge's bundle of the app: every
 * issue classified, none written twice, Jira requests per event — for issues with no parent and for
 * issues under an epic (which also read the epic's classification). Throughput over several runs.
 */
import type { EmulatorData } from '../dev/emulator';
import { startApp, syntheticProject } from './app-harness';
import { spread } from './spread';

const RUNS = 3;

function underAnEpic(n: number): EmulatorData {
  const data = syntheticProject(n);
  data.issues = data.issues.map((issue, i) => (i === 0
    ? { ...issue, type: 'Epic', summary: 'Checkout rework' }
    : { ...issue, type: issue.type === 'Epic' ? 'Story' : issue.type, parent: data.issues[0]!.key }));
  return data;
}

async function burst(n: number, data?: EmulatorData) {
  const h = await startApp(n, 0, data);
  try {
    const issues = [...h.emulator.store.issues.values()].filter((i) => i.type !== 'Epic' || !data);
    h.emulator.requests.clear();
    const t = Date.now();
    for (let i = 0; i < issues.length; i += 50) {
      await Promise.all(
        issues.slice(i, i + 50).map((issue) =>
          h.runtime.deliverEvent({
            causedBy: { kind: 'user', accountId: issue.reporter! },
            payload: {
              eventType: 'avi:jira:created:issue',
              issue: { id: issue.id, key: issue.key, fields: { summary: issue.summary } },
            },
          }),
        ),
      );
    }
    const ms = Date.now() - t;
    const writes = h.emulator.requests.entries.filter(
      (r) => r.method === 'PUT' && r.path.endsWith('/properties/ownership-balance'),
    );
    const perIssue = new Map<string, number>();
    for (const w of writes) perIssue.set(w.path, (perIssue.get(w.path) ?? 0) + 1);
    const stored = issues.filter((i) =>
      h.emulator.store.properties.get(i.key)?.has('ownership-balance'),
    ).length;
    return {
      events: issues.length,
      requestsPerEvent: Math.round((h.emulator.requests.count() / issues.length) * 100) / 100,
      classifiedOnce:
        stored === issues.length &&
        perIssue.size === issues.length &&
        [...perIssue.values()].every((c) => c === 1),
      eventsPerSecond: issues.length / (ms / 1000),
    };
  } finally { await h.close(); }
}

export async function run(): Promise<Record<string, unknown>> {
  const flat = [];
  for (let r = 0; r < RUNS; r++) flat.push(await burst(1000));
  const parented = await burst(201, underAnEpic(201));
  return {
    events: flat[0]!.events,
    requestsPerEvent: flat[0]!.requestsPerEvent,
    classifiedOnce: flat.every((f) => f.classifiedOnce),
    eventsPerSecond: spread(flat.map((f) => f.eventsPerSecond)),
    withParent: {
      events: parented.events,
      requestsPerEvent: parented.requestsPerEvent,
      classifiedOnce: parented.classifiedOnce,
    },
  };
}
