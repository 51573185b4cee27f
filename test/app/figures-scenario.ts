/**
 * The seeded random scenario of the figures-invariants suite, and the truth it is judged against: the
 * figures recomputed from what Jira holds. A scenario mixes creations, edits (text, type, parent, story
 * points, assignee), deletions, overrides, backfills and rules updates (tags of older rules, then the
 * daily sweep that reconciles the figures and refreshes those tags), in concurrent bursts.
 */
import { DEMO_USERS, type EmulatorData } from '../../dev/emulator';
import { parseStoredClassification, type Result } from '../../src/contract';
import { figuresSince, weekOf, weeksFromContributions, type Contribution, type Kind } from '../../src/domain';
import { ALICE, BOB, callPanel, type Harness } from './harness';

const BOB_EDITS: EmulatorData['grants'] = {
  [ALICE]: { INV: { browse: true, edit: true } },
  [BOB]: { INV: { browse: true, edit: true } },
};
export const data = (): EmulatorData => ({
  projects: [{ id: '40000', key: 'INV', name: 'Invariants' }],
  users: [DEMO_USERS.admin, DEMO_USERS.viewer],
  grants: BOB_EDITS,
  admins: [ALICE],
  issues: [],
});
const SUMMARIES = [
  'Decide our pricing strategy and market positioning for next year',
  'Fix crash when saving a draft',
  'As a shopper I want to filter by size',
  'Product vision and roadmap for the enterprise segment',
  'Refactor the checkout service',
  'Grow revenue by 20% with a new pricing tier',
  'Write the release notes',
  'Competitive analysis of mid-market rivals',
];
const TYPES = ['Story', 'Task', 'Bug', 'Epic'];
const POINTS = [null, 1, 2, 3, 5, 8, 13, 40];
export const KINDS: Kind[] = ['strategic', 'tactical', 'mixed'];
export const config = {
  projectKey: 'INV',
  period: '365d',
  unit: 'count',
  trend: 'week',
  targetShare: 0.3,
  refreshMinutes: 0,
};

/** The seeds to run: SEED=a-b (or one seed) from the environment, else 1–6. */
export function seeds(): number[] {
  const [a, b] = (process.env.SEED ?? '1-6').split('-').map(Number);
  return Array.from({ length: (b ?? a!) - a! + 1 }, (_, i) => a! + i);
}

export async function scenario(h: Harness, random: () => number): Promise<Map<string, Kind | null>> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const alice = { kind: 'user' as const, accountId: ALICE };
  const overrides = new Map<string, Kind | null>();
  const live = () => [...h.emulator.store.issues.values()].filter((i) => i.projectKey === 'INV');
  const op = async (): Promise<void> => {
    const issues = live();
    const r = random();
    const target = issues.length > 0 ? pick(issues) : null;
    const epic = issues.filter((i) => i.type === 'Epic');
    if (r < 0.3 || !target) {
      h.emulator.createIssue(alice, {
        projectKey: 'INV',
        type: pick(TYPES),
        summary: pick(SUMMARIES),
        storyPoints: pick(POINTS),
      });
    } else if (r < 0.4) h.emulator.updateIssue(alice, target.key, { fields: { summary: pick(SUMMARIES) } });
    else if (r < 0.47 && target.type !== 'Epic')
      h.emulator.updateIssue(alice, target.key, {
        fields: { issuetype: { name: pick(['Story', 'Task', 'Bug']) } },
      });
    else if (r < 0.54 && target.type !== 'Epic')
      h.emulator.updateIssue(alice, target.key, {
        fields: { parent: epic.length && random() < 0.7 ? { key: pick(epic).key } : null },
      });
    else if (r < 0.64)
      h.emulator.updateIssue(alice, target.key, { fields: { customfield_10016: pick(POINTS) } });
    else if (r < 0.7)
      h.emulator.updateIssue(alice, target.key, {
        fields: { assignee: random() < 0.5 ? { accountId: BOB } : null },
      });
    else if (r < 0.76 && !issues.some((i) => i.parent === target.key)) {
      h.emulator.deleteIssue(target.key, alice);
      overrides.delete(target.key);
    } else if (r < 0.9) {
      const kind = random() < 0.25 ? null : pick(KINDS);
      const res = (await callPanel(h, target.key, kind ? 'setOverride' : 'clearOverride',
        kind ? { kind } : {})) as Result<unknown>;
      if (res.ok && h.emulator.store.issues.has(target.key)) overrides.set(target.key, kind);
    } else if (r < 0.95) {
      olderRulesTags(h, issues.map((i) => i.key), pick);
      await dailySweep(h);
    } else {
      await h.runtime.invokeResolver({
        moduleKey: 'ownership-gadget',
        functionKey: 'startBackfill',
        payload: { projectKey: 'INV' },
        accountId: ALICE,
        extension: {},
      });
    }
  };
  for (let burst = 0; burst < 8; burst++) {
    await Promise.all(Array.from({ length: 4 + Math.floor(random() * 6) }, () => op()));
    if (random() < 0.5) await h.settle();
  }
  // Every run overrides at least once, racing whatever is still in flight.
  if (live().length === 0)
    h.emulator.createIssue(alice,
      { projectKey: 'INV', type: 'Task', summary: pick(SUMMARIES), storyPoints: 3 });
  const last = pick(live());
  await callPanel(h, last.key, 'setOverride', { kind: 'mixed' });
  overrides.set(last.key, 'mixed');
  return overrides;
}

const SHARE_OF: Record<Kind, number> = { strategic: 0.8, tactical: 0.2, mixed: 0.5 };

/**
 * As if an app update changed the rules: up to three automatic tags become tags of older rules, some with
 * another kind (Jira only: the figures drift until the daily sweep that follows reconciles and refreshes).
 */
function olderRulesTags(h: Harness, keys: string[], pick: <T>(list: readonly T[]) => T): void {
  for (let n = 0; n < 3 && keys.length > 0; n++) {
    const key = pick(keys);
    const stored = storedOf(h, key);
    if (!stored || stored.overridden) continue;
    const kind = pick(KINDS);
    h.emulator.store.properties.get(key)!.set('ownership-balance', {
      ...stored,
      rulesVersion: 'r1-older-rules',
      kind,
      share: SHARE_OF[kind],
    });
  }
}

/**
 * The daily scheduled sweep. A scheduled function that throws is not retried by Forge ("nothing will
 * happen"), so a run cut short by a fault is followed by the next day's.
 */
async function dailySweep(h: Harness): Promise<void> {
  for (let day = 0; day < 10; day++) {
    try {
      await h.runtime.invokeFunction('reconcile-schedule', {});
      return;
    } catch {
      // Faults are injected: the next day's run.
    }
  }
  throw new Error('the daily sweep failed ten days running');
}

/** An issue's stored classification, as Jira holds it in the issue property. */
export const storedOf = (h: Harness, issueKey: string) =>
  parseStoredClassification(h.emulator.store.properties.get(issueKey)?.get('ownership-balance'));

/** The figures recomputed from what Jira holds now. */
export function truth(h: Harness, now: Date) {
  const contributions: Contribution[] = [];
  for (const issue of h.emulator.store.issues.values()) {
    const stored = storedOf(h, issue.key);
    if (issue.projectKey !== 'INV' || !stored) continue;
    contributions.push({
      project: 'INV',
      week: weekOf(issue.created),
      kind: stored.kind,
      points: (issue.storyPoints ?? 0) > 0 ? issue.storyPoints! : 0,
      person: issue.assignee ?? issue.reporter ?? null,
      version: 0,
      stamp: 0,
    });
  }
  return figuresSince(
    weeksFromContributions(contributions),
    weekOf(new Date(now.getTime() - 365 * 86_400_000).toISOString()),
    'week',
  );
}

/** How many issues Jira counts for a figure's JQL (its ORDER BY dropped), as Alice. */
export async function jiraCount(h: Harness, jql: string): Promise<number> {
  const r = await fetch(`${h.emulator.url}/rest/api/3/search/approximate-count`, {
    method: 'POST',
    headers: { 'x-forge-principal': `user:${ALICE}`, 'content-type': 'application/json' },
    body: JSON.stringify({ jql: jql.replace(/ ORDER BY .*$/, '') }),
  });
  return ((await r.json()) as { count: number }).count;
}
