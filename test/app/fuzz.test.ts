/**
 * Seeded, repeatable fuzzing of every resolver: 1,000 invalid payloads each (wrong types, missing
 * fields, huge strings, prototype-pollution keys, unicode, numbers out of range). Each must get a
 * validation error before any Jira call or storage write, and nothing may crash.
 */
import { RESOLVERS, type ResolverName, type Result } from '../../src/contract';
import { ALICE, gadgetExtension, panelExtension, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h.close(); });

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALARS: string[] = [
  'null',
  'true',
  'false',
  '0',
  '-1',
  '1e308',
  '-1e308',
  '3.5',
  '2',
  '""',
  '"strategic"',
  '"SHOP"',
  '"shop-1"',
  '"💥🚀 émoji ✓"',
  '"\\u0000\\u202e"',
  '"𝔘𝔫𝔦𝔠𝔬𝔡𝔢 中文 العربية"',
  '[]',
  '[1,"a",null]',
  '{}',
  '{"kind":"boss"}',
  '{"labelSync":"yes"}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  JSON.stringify('x'.repeat(200_000)),
  '{"projectKey":"SHOP","period":"7d"}',
  '99999999999999999999',
];
const KEYS = [
  'kind',
  'note',
  'config',
  'projectKey',
  'settings',
  '__proto__',
  'constructor',
  'prototype',
  'issueKey',
  'accountId',
  'extra',
  '',
];

/** A JSON text, so `__proto__` arrives as an own property, as it would over the wire. */
function payloadText(r: () => number): string {
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  if (r() < 0.25) return pick(SCALARS);
  const n = Math.floor(r() * 4);
  const entries = Array.from(
    { length: n },
    () => `${JSON.stringify(pick(KEYS))}:${r() < 0.2 ? payloadText(r) : pick(SCALARS)}`,
  );
  return `{${entries.join(',')}}`;
}

const CONTEXT: Record<ResolverName, { module: string; extension: Record<string, unknown> }> =
  Object.fromEntries(
    (Object.keys(RESOLVERS) as ResolverName[]).map((name) => [
      name,
      ['getIssuePanel', 'setOverride', 'clearOverride'].includes(name)
        ? { module: 'ownership-panel', extension: panelExtension('SHOP-1') }
        : {
            module: 'ownership-gadget',
            extension: gadgetExtension({
              projectKey: 'SHOP',
              period: '90d',
              unit: 'count',
              trend: 'week',
              targetShare: 0.3,
              refreshMinutes: 0,
            }),
          },
    ]),
  ) as never;

describe.each(Object.keys(RESOLVERS) as ResolverName[])('%s', (name) => {
  it('answers 1,000 invalid payloads with validation errors, without touching Jira or storage', async () => {
    const r = rng(name.split('').reduce((s, c) => s * 31 + c.charCodeAt(0), 7));
    const storage = JSON.stringify(h.runtime.storage.snapshot());
    h.emulator.requests.clear();
    let tried = 0;
    const codes = new Set<string>();
    while (tried < 1000) {
      const payload: unknown = JSON.parse(payloadText(r));
      // @forge/resolver hands the function `payload || {}`: a falsy payload is an empty one.
      // Valid by chance: not a fuzz case.
      if (RESOLVERS[name].payload.safeParse(payload || {}).success) continue;
      tried++;
      const result = (await h.runtime.invokeResolver({
        moduleKey: CONTEXT[name].module,
        functionKey: name,
        payload,
        accountId: ALICE,
        extension: CONTEXT[name].extension,
      })) as Result<unknown>;
      expect(result.ok).toBe(false);
      const { error } = result as Extract<Result<unknown>, { ok: false }>;
      codes.add(error.code);
      expect(error.message.length).toBeLessThanOrEqual(500);
    }
    expect([...codes]).toEqual(['INVALID_PAYLOAD']);
    expect(h.emulator.requests.count()).toBe(0);
    expect(JSON.stringify(h.runtime.storage.snapshot())).toBe(storage);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60000);
});
