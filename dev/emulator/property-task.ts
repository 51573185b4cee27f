/**
 * The asynchronous task behind POST /issue/properties/multi: it writes each entry's properties (the app
 * always, a user only where they hold Edit issues), and can be made to fail part-way (fault injection).
 */
import type { EmulatorStore, Principal } from './model';

type Entry = { issueID?: number; properties?: Record<string, unknown> };

/** Runs the task to its end, updating `task` (GET /task/{id} reads it): COMPLETE, or FAILED at `failAt`. */
export function runPropertyTask(
  store: EmulatorStore,
  task: Record<string, unknown>,
  by: Principal,
  issues: unknown[],
  failAt: number | null,
  now: () => Date,
): void {
  let done = 0;
  for (const entry of issues as Entry[]) {
    if (failAt !== null && done >= failAt) {
      Object.assign(task, {
        status: 'FAILED',
        message: `Failed after ${done} of ${issues.length} issues.`,
        progress: Math.round((done / issues.length) * 100),
        finished: now().getTime(),
        lastUpdate: now().getTime(),
      });
      return;
    }
    const issue = store.findIssue(String(entry.issueID ?? ''));
    if (issue && (by.kind === 'app' || store.can(by, issue.projectKey, 'edit'))) {
      for (const [k, v] of Object.entries(entry.properties ?? {})) {
        store.propertiesOf(issue.key).set(k, v);
        store.countWrite(issue.key, k, by, v);
      }
    }
    done++;
  }
  Object.assign(task, {
    status: 'COMPLETE',
    progress: 100,
    result: '',
    started: task.submitted,
    finished: now().getTime(),
    elapsedRuntime: 1,
    lastUpdate: now().getTime(),
  });
}
