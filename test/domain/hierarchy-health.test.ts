import { healthWarnings, type Kind } from '../../src/domain';

const kids = (...kinds: Array<Kind | null>) => kinds.map((kind) => ({ kind }));
const codes = (epic: Kind, share: number, children: Array<{ kind: Kind | null }>) =>
  healthWarnings({ kind: epic, share }, children).map((w) => w.code);

describe('hierarchy health', () => {
  it.each([
    ['a strategic epic with no children', 'strategic', 0.8, kids(), ['VISION_WITHOUT_EXECUTION']],
    [
      'a strategic epic with only strategic children',
      'strategic',
      0.8,
      kids('strategic'),
      ['VISION_WITHOUT_EXECUTION'],
    ],
    ['a strategic epic whose children are not classified yet', 'strategic', 0.8, kids(null, null), []],
    ['a strategic epic with one tactical child among unknowns', 'strategic', 0.8, kids('tactical', null), []],
    [
      'a tactical epic of tactical work with no intent',
      'tactical',
      0.1,
      kids('tactical', 'tactical'),
      ['EXECUTION_WITHOUT_DIRECTION'],
    ],
    ['a tactical epic whose children are all unknown', 'tactical', 0.1, kids(null, null), []],
    [
      'a tactical epic whose classified children mostly disagree',
      'tactical',
      0.3,
      kids('strategic', 'strategic', 'strategic', null),
      ['CHILDREN_DISAGREE'],
    ],
    ['a mixed epic', 'mixed', 0.5, kids('strategic', 'strategic', 'strategic'), []],
  ] as const)('%s', (_name, epic, share, children, expected) => {
    expect(codes(epic, share, [...children])).toEqual(expected);
  });
});
