/**
 * The real @forge/kvs client against the runtime's local storage: keys, values, queries and batches
 * (custom entities and persistence: kvs-entities.test.ts).
 */
import { kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { codeOf, useFreshRuntime } from './kvs-kit';

const runtimes = useFreshRuntime();

describe('keys and values', () => {
  it.each([
    ['an object', { a: 1, nested: { list: [1, 'two'] } }],
    ['a string', 'text'],
    ['a number', 42],
    ['false', false],
  ])('round-trips %s', async (_name, value) => {
    await kvs.set('k', value);
    expect(await kvs.get('k')).toEqual(value);
  });

  it('answers undefined for a missing key and for a deleted one', async () => {
    expect(await kvs.get('missing')).toBeUndefined();
    await kvs.set('k', 1);
    await kvs.delete('k');
    expect(await kvs.get('k')).toBeUndefined();
    await expect(kvs.delete('never-there')).resolves.toBeUndefined();
  });

  it('returns metadata when asked', async () => {
    await kvs.set('k', 'v');
    const r = await kvs.get('k', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] });
    expect(r).toEqual({ key: 'k', value: 'v', createdAt: expect.any(Number), updatedAt: expect.any(Number) });
  });

  it('honours keyPolicy FAIL_IF_EXISTS and returnValue PREVIOUS / LATEST', async () => {
    await kvs.set('k', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await codeOf(kvs.set('k', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }))).toBe('KEY_ALREADY_EXISTS');
    expect(await kvs.set('k', 'third', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toEqual({
      key: 'k',
      value: 'first',
    });
    expect(await kvs.set('k', 'fourth', { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' })).toEqual({
      key: 'k',
      value: 'fourth',
    });
  });

  it('expires a key after its TTL', async () => {
    await kvs.set('short', 'lived', { ttl: { value: 1, unit: 'SECONDS' } });
    expect(await kvs.get('short')).toBe('lived');
    await new Promise((r) => setTimeout(r, 1100));
    expect(await kvs.get('short')).toBeUndefined();
  });

  it('keeps secrets apart from plain keys and out of the snapshot', async () => {
    await kvs.setSecret('token', 's3cret');
    expect(await kvs.getSecret('token')).toBe('s3cret');
    expect(await kvs.get('token')).toBeUndefined();
    expect(runtimes.current().storage.snapshot()).toEqual({});
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
  });

  it('refuses an empty key as Forge does (KEY_TOO_SHORT)', async () => {
    expect(await codeOf(kvs.set('', 1))).toBe('KEY_TOO_SHORT');
  });
});

describe('queries', () => {
  beforeEach(async () => {
    for (const k of ['a:1', 'a:2', 'a:3', 'b:1', 'c:1']) await kvs.set(k, k.toUpperCase());
  });

  it.each([
    ['a:', ['a:1', 'a:2', 'a:3']],
    ['b', ['b:1']],
    ['z', []],
  ])('where key beginsWith %p', async (prefix, keys) => {
    const r = await kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(20).getMany();
    expect(r.results).toEqual(keys.map((k) => ({ key: k, value: k.toUpperCase() })));
  });

  it('refuses key conditions other than beginsWith, as Forge does', async () => {
    const between = WhereConditions.between('a', 'b') as unknown as ReturnType<
      typeof WhereConditions.beginsWith
    >;
    expect(await codeOf(kvs.query().where('key', between).getMany())).toBe('BAD_REQUEST');
  });

  it('pages with limit and cursor until the cursor is gone', async () => {
    const keys: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const q = kvs.query().limit(2);
      const page = await (cursor ? q.cursor(cursor) : q).getMany();
      keys.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(keys).toEqual(['a:1', 'a:2', 'a:3', 'b:1', 'c:1']);
    expect(pages).toBe(3);
  });

  it('getOne answers the first match; a limit over 100 is refused', async () => {
    expect(await kvs.query().where('key', WhereConditions.beginsWith('b')).getOne()).toEqual({
      key: 'b:1',
      value: 'B:1',
    });
    const withMetadata = await kvs
      .query({ metadataFields: [MetadataField.CREATED_AT] })
      .where('key', WhereConditions.beginsWith('c:'))
      .getOne();
    expect(withMetadata).toEqual({ key: 'c:1', value: 'C:1', createdAt: expect.any(Number) });
    expect(await codeOf(kvs.query().limit(101).getMany())).toBe('BAD_REQUEST');
  });
});

describe('batches', () => {
  it('sets, gets and deletes in one call', async () => {
    expect(
      await kvs.batchSet([
        { key: 'x', value: 1 },
        { key: 'y', value: 2 },
      ]),
    ).toEqual({ successfulKeys: [{ key: 'x' }, { key: 'y' }], failedKeys: [] });
    const got = await kvs.batchGet([{ key: 'x' }, { key: 'nope' }]);
    expect(got.successfulKeys).toEqual([expect.objectContaining({ key: 'x', value: 1 })]);
    expect(got.failedKeys).toEqual([
      { key: 'nope', error: { code: 'KEY_NOT_FOUND', message: expect.any(String) } },
    ]);
    await kvs.batchDelete([{ key: 'x' }, { key: 'y' }]);
    expect(runtimes.current().storage.snapshot()).toEqual({});
  });
});
