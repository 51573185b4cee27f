import { parseStoredClassification } from '../../src/contract';
import { ALICE, BOB, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h.close(); });

/** Automation invokes the action as the rule's actor (Alice, a project admin, unless said otherwise). */
const action = (inputs: unknown, actor: string | null = ALICE) =>
  h.runtime.invokeFunction('automation-action', inputs, actor ? { accountId: actor } : {});
const property = (key: string) => h.emulator.store.properties.get(key)?.get('ownership-balance');

describe('the "Classify ownership" Automation action', () => {
  it("classifies the rule's issue, stores it like the trigger, " +
    "and returns kind, share and confidence", async () => {
    const r = await action({ issueKey: 'SHOP-1' });
    const stored = parseStoredClassification(
      h.emulator.store.properties.get('SHOP-1')?.get('ownership-balance'),
    );
    expect(r).toEqual({
      issueKey: 'SHOP-1',
      kind: stored!.kind,
      share: stored!.share,
      confidence: stored!.confidence,
      overridden: false,
      outcome: 'stored',
    });
  });

  it('accepts the inputs nested under `inputs`, and "true" as a boolean', async () => {
    await expect(
      action({ inputs: { issueKey: 'SHOP-1', onlyIfUnclassified: 'true' } }),
    ).resolves.toMatchObject({ issueKey: 'SHOP-1', outcome: 'already-classified' });
  });

  it('a second run on an unchanged issue is harmless', async () => {
    await expect(action({ issueKey: 'SHOP-1' })).resolves.toMatchObject({ outcome: 'unchanged' });
  });

  it.each([
    [{}, /"issueKey"/],
    [{ issueKey: 'shop one' }, /issue key such as SHOP-123/],
    [{ issueKey: 'SHOP-1', onlyIfUnclassified: 'maybe' }, /onlyIfUnclassified/],
    [null, /"issueKey"/],
  ])('a bad configuration %j stops the rule with a message its owner can act on', async (inputs, message) => {
    const r = (await action(inputs)) as { errors: Array<{ message: string }> };
    expect(r.errors[0]!.message).toMatch(message);
  });

  it('an issue that does not exist is an error for the rule owner, not a crash', async () => {
    await expect(action({ issueKey: 'SHOP-99999' })).resolves.toEqual({
      errors: [{ message: expect.stringMatching(/does not exist/) }],
    });
  });

  it("acts as the rule's actor: an issue they cannot see answers exactly like a missing one, " +
    "and nothing is written", async () => {
    const before = property('MOBILE-3');
    const hidden = (await action({ issueKey: 'MOBILE-3' }, BOB)) as { errors: Array<{ message: string }> };
    const missing = (await action({ issueKey: 'MOBILE-99999' }, BOB)) as {
      errors: Array<{ message: string }>;
    };
    expect(hidden).toEqual({
      errors: [{ message: expect.stringMatching(/does not exist or the rule's actor cannot see it/) }],
    });
    expect(hidden.errors[0]!.message.replace('MOBILE-3', 'KEY')).toBe(
      missing.errors[0]!.message.replace('MOBILE-99999', 'KEY'),
    );
    expect(JSON.stringify(hidden)).not.toMatch(/strategic|tactical|mixed/);
    expect(property('MOBILE-3')).toEqual(before);
  });

  it('does not store a result for an actor who may browse but not edit the issue', async () => {
    const { key } = h.emulator.createIssue(
      { kind: 'app' },
      { projectKey: 'SHOP', type: 'Task', summary: 'Pricing strategy for next year' },
    );
    await h.settle();
    h.emulator.store.properties.get(key)?.delete('ownership-balance');
    const r = await action({ issueKey: key }, BOB);
    expect(r).toEqual({ errors: [{ message: expect.stringMatching(/may not edit/) }] });
    expect(property(key)).toBeUndefined();
  });

  it('lets Forge ask for consent when the actor has not granted it (NeedsAuthenticationError is not ' +
    'swallowed)', async () => {
    await expect(action({ issueKey: 'SHOP-1' }, null)).rejects.toMatchObject({
      name: 'NEEDS_AUTHENTICATION_ERR',
    });
  });
});
