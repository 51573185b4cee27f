/**
 * The local platform's deferred work: `drain` runs everything at once (tests need not wait), `drainDue` only
 * what is due, so a test can see a delayed queue event still waiting, as it would on Forge.
 */
import { WorkScheduler } from '../../dev/runtime/work-scheduler';

function scheduler() {
  const errors: string[] = [];
  return { s: new WorkScheduler(false, (label) => errors.push(label)), errors };
}

describe('WorkScheduler', () => {
  it('drainDue runs what is due and what that schedules now, and leaves delayed work waiting', async () => {
    const { s, errors } = scheduler();
    const ran: string[] = [];
    s.schedule('now', 0, async () => {
      ran.push('now');
      s.schedule('next', 0, async () => { ran.push('next'); });
      s.schedule('later', 30_000, async () => { ran.push('later'); });
    });
    expect(await s.drainDue()).toBe(2);
    expect(ran).toEqual(['now', 'next']);
    expect(s.pending).toBe(1);
    expect(await s.drain()).toBe(1);
    expect(ran).toEqual(['now', 'next', 'later']);
    expect(errors).toEqual([]);
  });

  it('a failing task is reported and does not stop the others', async () => {
    const { s, errors } = scheduler();
    const ran: string[] = [];
    s.schedule('fails', 0, async () => { throw new Error('boom'); });
    s.schedule('works', 0, async () => { ran.push('works'); });
    expect(await s.drainDue()).toBe(2);
    expect([ran, errors]).toEqual([['works'], ['fails']]);
  });
});
