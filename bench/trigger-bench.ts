/** Trigger: 1,000 issue-created events in bursts of 50 concurrent: all classified, none twice, requests per event. */
import { startApp } from './app-harness';

export async function run(): Promise<Record<string, unknown>> {
  const h = await startApp(1000, 0);
  try {
    const issues = [...h.emulator.store.issues.values()];
    h.emulator.requests.clear();
    const t = Date.now();
    for (let i = 0; i < issues.length; i += 50) {
      await Promise.all(issues.slice(i, i + 50).map((issue) => h.runtime.deliverEvent({ causedBy: { kind: 'user', accountId: issue.reporter! }, payload: { eventType: 'avi:jira:created:issue', issue: { id: issue.id, key: issue.key, fields: { summary: issue.summary } } } })));
    }
    const ms = Date.now() - t;
    const writes = h.emulator.requests.entries.filter((r) => r.method === 'PUT' && r.path.endsWith('/properties/ownership-balance'));
    const perIssue = new Map<string, number>();
    for (const w of writes) perIssue.set(w.path, (perIssue.get(w.path) ?? 0) + 1);
    const stored = issues.filter((i) => h.emulator.store.properties.get(i.key)?.has('ownership-balance')).length;
    return {
      events: issues.length,
      requestsPerEvent: Math.round((h.emulator.requests.count() / issues.length) * 100) / 100,
      classifiedOnce: stored === issues.length && perIssue.size === issues.length && [...perIssue.values()].every((c) => c === 1),
      eventsPerSecond: Math.round(issues.length / (ms / 1000)),
    };
  } finally { await h.close(); }
}
