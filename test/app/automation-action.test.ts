import { parseStoredClassification } from '../../src/contract';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h.close(); });

const action = (inputs: unknown) => h.runtime.invokeFunction('automation-action', inputs);

describe('the "Classify ownership" Automation action', () => {
  it('classifies the rule\'s issue, stores it like the trigger, and returns kind, share and confidence', async () => {
    const r = await action({ issueKey: 'SHOP-1' });
    const stored = parseStoredClassification(h.emulator.store.properties.get('SHOP-1')?.get('ownership-balance'));
    expect(r).toEqual({ issueKey: 'SHOP-1', kind: stored!.kind, share: stored!.share, confidence: stored!.confidence, overridden: false, outcome: 'stored' });
  });

  it('accepts the inputs nested under `inputs`, and "true" as a boolean', async () => {
    await expect(action({ inputs: { issueKey: 'SHOP-1', onlyIfUnclassified: 'true' } })).resolves.toMatchObject({ issueKey: 'SHOP-1', outcome: 'already-classified' });
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
    await expect(action({ issueKey: 'SHOP-99999' })).resolves.toEqual({ errors: [{ message: expect.stringMatching(/does not exist/) }] });
  });
});
