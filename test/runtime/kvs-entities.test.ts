/** The real @forge/kvs client against the runtime's local storage: custom entities and persistence. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { codeOf, useFreshRuntime } from './kvs-kit';

const runtimes = useFreshRuntime();

describe('custom entities', () => {
  const people = [
    ['p1', 'Ann', 'red', 30],
    ['p2', 'Bo', 'red', 25],
    ['p3', 'Cy', 'blue', 41],
    ['p4', 'Di', 'red', 52],
  ] as const;
  beforeEach(async () => {
    for (const [key, name, team, age] of people) await kvs.entity('employee').set(key, { name, team, age });
  });

  it('get, set and delete by key', async () => {
    expect(await kvs.entity('employee').get('p1')).toEqual({ name: 'Ann', team: 'red', age: 30 });
    await kvs.entity('employee').delete('p1');
    expect(await kvs.entity('employee').get('p1')).toBeUndefined();
    expect(await codeOf(kvs.entity('undeclared').set('k', {}))).toBe('BAD_REQUEST');
  });

  it('queries an index by partition and range, sorted, filtered and paged', async () => {
    const names = async (q: { getMany(): Promise<{ results: Array<{ value: unknown }> }> }) =>
      (await q.getMany()).results.map((r) => (r.value as { name: string }).name);
    const red = () =>
      kvs
        .entity<{ name: string }>('employee')
        .query()
        .index('by-team-age', { partition: ['red'] });
    expect(await names(red())).toEqual(['Bo', 'Ann', 'Di']);
    expect(await names(red().sort(Sort.DESC))).toEqual(['Di', 'Ann', 'Bo']);
    expect(await names(red().where(WhereConditions.between(26, 60)))).toEqual(['Ann', 'Di']);
    expect(
      await names(
        red().filters(new Filter<{ name: string }>().and('name', FilterConditions.beginsWith('D'))),
      ),
    ).toEqual(['Di']);
    const first = await red().limit(2).getMany();
    expect(await names(red().limit(2).cursor(first.nextCursor!))).toEqual(['Di']);
    expect(
      await names(kvs.entity('employee').query().index('age').where(WhereConditions.greaterThan(40))),
    ).toEqual(['Cy', 'Di']);
    expect(await codeOf(kvs.entity('employee').query().index('no-such-index').getMany())).toBe('BAD_REQUEST');
  });

  it('transactions apply all writes when every condition holds, and none when one fails', async () => {
    const olderThan = (n: number) =>
      new Filter<{ age: number }>().and('age', FilterConditions.greaterThan(n));
    await kvs
      .transact()
      .set('p5', { name: 'Ed', team: 'blue', age: 20 }, { entityName: 'employee' })
      .delete('p2', { entityName: 'employee', conditions: olderThan(20) })
      .check('p1', { entityName: 'employee', conditions: olderThan(18) })
      .execute();
    expect(await kvs.entity('employee').get('p5')).toEqual({ name: 'Ed', team: 'blue', age: 20 });
    expect(await kvs.entity('employee').get('p2')).toBeUndefined();
    const failing = kvs
      .transact()
      .set('p6', { name: 'Fi', team: 'red', age: 33 }, { entityName: 'employee' })
      .check('p1', { entityName: 'employee', conditions: olderThan(99) })
      .execute();
    expect(await codeOf(failing)).toBe('CONDITION_FAILED');
    expect(await kvs.entity('employee').get('p6')).toBeUndefined();
  });
});

describe('persistence', () => {
  it('a file-backed store survives a restart, secrets included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forge-kvs-'));
    try {
      await runtimes.restart({ kind: 'file', path: join(dir, 'storage.json') });
      await kvs.set('kept', { n: 1 });
      await kvs.setSecret('secret', 'shh');
      await kvs.entity('employee').set('p9', { name: 'Gus', team: 'red', age: 60 });
      await runtimes.restart({ kind: 'file', path: join(dir, 'storage.json') });
      expect(await kvs.get('kept')).toEqual({ n: 1 });
      expect(await kvs.getSecret('secret')).toBe('shh');
      expect(runtimes.current().storage.snapshot()).toEqual({
        kept: { n: 1 },
        'entity:employee:p9': { name: 'Gus', team: 'red', age: 60 },
      });
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
