/**
 * Every gadget figure equals the truth recomputed from Jira, whatever happens first: a seeded random
 * mix of creations, edits (text, type, parent, story points, assignee), deletions, overrides, backfills
 * and rules updates (tags of older rules, then the daily sweep: reconcile and refresh), in concurrent
 * bursts, with storage answering in 10–30 ms, events delivered twice, and injected storage and Jira
 * faults. CI runs the seeds below; `SEED=1-200 npm test -- figures` more.
 */
import { seededRandom } from '../../dev/runtime/platform-behaviour';
import {
  parseStoredClassification,
  type GadgetData,
  type Result,
  type TeamInsights,
} from '../../src/contract';
import type { Kind } from '../../src/domain';
import { ALICE, gadgetExtension, startHarness, type Harness } from './harness';
import { config, data, jiraCount, KINDS, scenario, seeds, storedOf, truth } from './figures-scenario';

describe.each(seeds())('seed %i', (seed) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      data: data(),
      storageLatencyMs: { min: 10, max: 30 },
      duplicateDeliveryRate: 0.2,
      storageFaultRate: 0.01,
      seed,
    });
    h.emulator.faults.add({ kind: 'status503', match: { principal: 'app' }, every: 37 });
  });
  afterAll(async () => { await h.close(); });

  it('at quiescence, every gadget figure equals the truth from Jira, and every override stands', async () => {
    const overrides = await scenario(h, seededRandom(seed));
    h.emulator.faults.clear();
    h.runtime.platform.faultRate = 0;
    for (let i = 0; i < 3; i++) await h.settle();
    const now = new Date();
    // Issue by issue first (the most telling failure): what the figures hold is what Jira holds.
    const snapshot = h.runtime.storage.snapshot();
    for (const issue of [...h.emulator.store.issues.values()].filter((i) => i.projectKey === 'INV')) {
      const stored = storedOf(h, issue.key);
      const record = snapshot[`entity:issue-figures:${issue.id}`] as
        { kind: Kind; points: number; absent?: boolean; gone?: boolean } | undefined;
      const figures = record && !record.absent && !record.gone ? record : undefined;
      expect([issue.key, figures?.kind ?? null, figures?.points ?? null]).toEqual([
        issue.key,
        stored?.kind ?? null,
        stored ? ((issue.storyPoints ?? 0) > 0 ? issue.storyPoints : 0) : null,
      ]);
    }
    const expected = truth(h, now);
    const g = (await h.runtime.invokeResolver({
      moduleKey: 'ownership-gadget',
      functionKey: 'getGadget',
      payload: {},
      accountId: ALICE,
      extension: gadgetExtension(config),
    })) as Result<GadgetData>;
    expect(g.ok).toBe(true);
    const gadget = (g as { ok: true; data: GadgetData }).data;
    expect(gadget.scope).toEqual({ source: 'project-figures', message: null });
    expect({
      strategic: gadget.balance.count.strategic,
      tactical: gadget.balance.count.tactical,
      mixed: gadget.balance.count.mixed,
    }).toEqual(expected.count);
    expect({
      strategic: gadget.balance.points.strategic,
      tactical: gadget.balance.points.tactical,
      mixed: gadget.balance.points.mixed,
    }).toEqual(expected.points);
    expect(
      gadget.trend.map((t) => ({
        start: t.start,
        count: { strategic: t.count.strategic, tactical: t.count.tactical, mixed: t.count.mixed },
      })),
    ).toEqual(expected.trend.map((t) => ({ start: t.start, count: t.count })));
    const team = (await h.runtime.invokeResolver({
      moduleKey: 'ownership-gadget',
      functionKey: 'getTeamInsights',
      payload: {},
      accountId: ALICE,
      extension: gadgetExtension(config),
    })) as Result<TeamInsights>;
    expect(team.ok).toBe(true);
    const people = Object.fromEntries(
      (team as { ok: true; data: TeamInsights }).data.people.map((p) => [
        p.accountId,
        { strategic: p.strategic, tactical: p.tactical, mixed: p.mixed },
      ]),
    );
    expect(people).toEqual(expected.people);
    // Every figure opens as the JQL that produces it: Jira counts the same issues.
    for (const k of KINDS)
      expect([k, await jiraCount(h, gadget.jql[k])]).toEqual([k, gadget.balance.count[k]]);
    for (const t of gadget.trend)
      expect([t.start, await jiraCount(h, t.jql!)]).toEqual([
        t.start,
        t.count.strategic + t.count.tactical + t.count.mixed,
      ]);
    for (const p of (team as { ok: true; data: TeamInsights }).data.people) {
      expect([p.accountId, await jiraCount(h, p.jql!)]).toEqual([
        p.accountId,
        p.strategic + p.tactical + p.mixed,
      ]);
    }
    // Every override stands: the record kept in app storage and the issue's property agree, issue by issue.
    const records = h.runtime.storage.snapshot();
    for (const issue of [...h.emulator.store.issues.values()].filter((i) => i.projectKey === 'INV')) {
      const stored = storedOf(h, issue.key);
      const record = records[`override:${issue.key}`] as { override: { kind: Kind } } | undefined;
      expect([issue.key, stored?.overridden ?? false, stored?.overridden ? stored.kind : null])
        .toEqual([issue.key, record !== undefined, record?.override.kind ?? null]);
    }
    expect(overrides.size).toBeGreaterThan(0);
    // Each issue was classified once per text version: no automatic write by the app repeats the one
    // just before it on the same issue (same text, rules and story points), as a duplicate delivery would.
    const last = new Map<string, string>();
    const repeats: string[] = [];
    for (const [i, w] of h.emulator.store.propertyWriteLog.entries()) {
      const v = parseStoredClassification(w.value);
      const id =
        v && w.by.kind === 'app' && !v.overridden
          ? `${v.fingerprint} ${v.rulesVersion} ${v.storyPoints}`
          : `other write ${i}`;
      if (last.get(w.issueKey) === id) repeats.push(`${w.issueKey} ${id}`);
      last.set(w.issueKey, id);
    }
    expect(repeats).toEqual([]);
  }, 120_000);
});
