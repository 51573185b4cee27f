import { parseJql, JqlError } from '../../dev/emulator/jql-parser';
import { compileJql } from '../../dev/emulator/jql-evaluator';
import { EmulatorStore } from '../../dev/emulator/model';
import { loadDemoData } from '../../dev/emulator/demo-data';

const NOW = new Date('2026-06-15T12:00:00Z');
const store = new EmulatorStore(loadDemoData(NOW));
store.propertiesOf('SHOP-1').set('ownership-balance', { kind: 'strategic', share: 0.9, overridden: false });
store.propertiesOf('SHOP-2').set('ownership-balance', { kind: 'tactical', share: 0.1, overridden: true });
const index = [
  {
    propertyKey: 'ownership-balance',
    values: [
      { path: 'kind', type: 'string' as const, searchAlias: 'ownershipKind' },
      { path: 'share', type: 'number' as const, searchAlias: 'ownershipShare' },
      { path: 'overridden', type: 'string' as const, searchAlias: 'ownershipOverridden' },
    ],
  },
];
const run = (jql: string) => {
  const c = compileJql(jql, store, index, () => NOW);
  return c.sort([...store.issues.values()].filter(c.matches)).map((i) => i.key);
};
const all = [...store.issues.values()];

describe('parser', () => {
  it.each([
    ['project = SHOP', { kind: 'clause', operator: '=' }],
    ['a = 1 AND b = 2 OR c = 3', { kind: 'or' }],
    ['a = 1 AND (b = 2 OR c = 3)', { kind: 'and' }],
    ['NOT labels IS EMPTY', { kind: 'not' }],
    ['key in (A-1, "A-2")', { kind: 'clause', operator: 'in' }],
    ['parent not in (A-1)', { kind: 'clause', operator: 'not in' }],
    [
      'issue.property[ownership-balance].kind = strategic',
      { kind: 'clause', field: { kind: 'property', propertyKey: 'ownership-balance', path: 'kind' } },
    ],
    ['created >= -90d', { kind: 'clause', values: [{ kind: 'relative', ms: -90 * 86400000 }] }],
  ])('%s', (jql, shape) => {
    expect(parseJql(jql).where).toMatchObject(shape);
  });
  it('reads ORDER BY', () => {
    expect(parseJql('project = A ORDER BY created DESC, key').orderBy).toEqual([
      { field: { kind: 'field', name: 'created' }, direction: 'desc' },
      { field: { kind: 'field', name: 'key' }, direction: 'asc' },
    ]);
  });
  it.each([
    ['project = ', /Expecting a value/],
    ['project SHOP', /Expecting operator/],
    ['(project = SHOP', /Expecting '\)'/],
    ['summary = "open', /not terminated/],
    ['project = SHOP AND', /Expecting a field name/],
    ['project = SHOP extra', /Expecting either 'OR' or 'AND'/],
    ['key in ()', /IN list is empty/],
    ['a = b !~ c', /Expecting either/],
  ])('rejects %j', (jql, message) => {
    expect(() => parseJql(jql)).toThrow(JqlError);
    expect(() => parseJql(jql)).toThrow(message);
  });
});

describe('evaluation', () => {
  it.each([
    ['project = SHOP', (i: (typeof all)[0]) => i.projectKey === 'SHOP'],
    [
      'project = SHOP AND issuetype = Epic',
      (i: (typeof all)[0]) => i.projectKey === 'SHOP' && i.type === 'Epic',
    ],
    ['project in (SHOP, MOBILE) AND type = Bug', (i: (typeof all)[0]) => i.type === 'Bug'],
    [
      'project = MOBILE AND NOT issuetype = Story',
      (i: (typeof all)[0]) => i.projectKey === 'MOBILE' && i.type !== 'Story',
    ],
    ['parent = SHOP-1', (i: (typeof all)[0]) => i.parent === 'SHOP-1'],
    [
      'parent IS EMPTY AND project = SHOP',
      (i: (typeof all)[0]) => i.parent === null && i.projectKey === 'SHOP',
    ],
    ['created >= -30d', (i: (typeof all)[0]) => Date.parse(i.created) >= NOW.getTime() - 30 * 86400000],
    ['created < "2026-01-01"', (i: (typeof all)[0]) => Date.parse(i.created) < Date.parse('2026-01-01')],
    ['labels IS EMPTY', (i: (typeof all)[0]) => i.labels.length === 0],
  ])('%s', (jql, predicate) => {
    expect(run(jql).sort()).toEqual(
      all
        .filter(predicate)
        .map((i) => i.key)
        .sort(),
    );
  });
  it.each([
    ['ownershipKind = strategic', ['SHOP-1']],
    ['issue.property[ownership-balance].kind = tactical', ['SHOP-2']],
    ['ownershipShare >= 0.5', ['SHOP-1']],
    ['ownershipOverridden = "true"', ['SHOP-2']],
    ['key in (SHOP-1, SHOP-2) AND ownershipKind IS NOT EMPTY ORDER BY key ASC', ['SHOP-1', 'SHOP-2']],
  ])('indexed properties by alias and by path: %s', (jql, keys) => {
    expect(run(jql)).toEqual(keys);
  });
  // Jira's period format: "w" weeks, "d" days, "h" hours, "m" minutes (not months), alone or combined.
  describe('relative dates in Jira units', () => {
    const recent = new EmulatorStore(loadDemoData(NOW));
    const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60000).toISOString();
    recent.issues.get('SHOP-3')!.created = minutesAgo(30);
    recent.issues.get('SHOP-4')!.created = minutesAgo(180);
    const since = (period: string) => {
      const c = compileJql(`created >= ${period}`, recent, index, () => NOW);
      return [...recent.issues.values()].filter(c.matches).map((i) => i.key).sort();
    };
    it('minutes and hours', () => {
      expect(since('-90m')).toEqual(['SHOP-3']);
      expect(since('-4h')).toEqual(['SHOP-3', 'SHOP-4']);
      expect(since('"-240m"')).toEqual(since('-4h'));
    });
    it('a quoted combination of units', () => {
      expect(since('"-4w 2d"')).toEqual(since('-30d'));
      expect(since('"-4w 2d"').length).toBeGreaterThan(2);
    });
    it('years are not a unit', () => {
      expect(() => since('"-1y"')).toThrow(/Date value '-1y' for field is invalid/);
    });
  });
  it('counts unclassified issues by IS EMPTY', () => {
    expect(run('project = SHOP AND ownershipKind IS EMPTY').length).toBe(
      all.filter((i) => i.projectKey === 'SHOP').length - 2,
    );
  });
  it('orders by key numerically', () => {
    expect(run('project = SHOP ORDER BY key ASC').slice(0, 3)).toEqual(['SHOP-1', 'SHOP-2', 'SHOP-3']);
  });
  it.each([
    ['nosuchfield = 1', /Field 'nosuchfield' does not exist/],
    ['project = NOPE', /does not exist for the field 'project'/],
    ['labels ~ "checkout"', /operator '~' is not supported/],
    ['priority = High', /not emulated in the local Jira: the JQL field 'priority'/],
    ['created > nosuchfunction()', /Unable to find JQL function/],
    ['project > SHOP', /operator '>' is not supported/],
  ])('unsupported JQL is an error, never a silent empty result: %s', (jql, message) => {
    expect(() => run(jql)).toThrow(message);
  });
});
