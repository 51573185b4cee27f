import { classify, CATALOGUE, type Evidence } from '../../src/domain';
import { makeWorkItem } from '../factories/work-item';
import { stem } from '../../src/domain/tokenize';

/** Every signal the evidence cites, folded ones included (one quote can carry several). */
const cited = (evidence: Evidence[]) =>
  evidence.flatMap((e) => [
    { signal: e.signal, side: e.side },
    ...(e.alsoSignals ?? []).map((signal) => ({ signal, side: e.side })),
  ]);
const signalsOf = (summary: string, description: string | null = null, type = 'Task') =>
  cited(classify(makeWorkItem({ summary, description, type })).evidence).map((e) => e.signal);

describe('every signal cites a seed and has a side and a positive weight', () => {
  it.each(CATALOGUE.map((s) => [s.id, s] as const))('%s', (_id, s) => {
    expect(['000', '001', '002', '003', '004']).toContain(s.seed);
    expect(['PM', 'PO']).toContain(s.side);
    expect(s.weight).toBeGreaterThan(0);
    expect(s.meaning.length).toBeGreaterThan(10);
  });
});

describe('vocabulary (phrases on whole stemmed words)', () => {
  it.each([
    ['Define the product vision for next year', 'vision', 'PM'],
    ['Competitor analysis of the market', 'market', 'PM'],
    ['Update the roadmap with the new MVP scope', 'roadmap', 'PM'],
    ['Rework pricing for the enterprise plan', 'pricing-budget', 'PM'],
    ['Plan the launch campaign and positioning', 'go-to-market', 'PM'],
    ['Interview customers to learn their pain points', 'discovery', 'PM'],
    ['Refine the backlog before planning', 'backlog', 'PO'],
    ['Prepare the sprint review demo', 'sprint', 'PO'],
    ['Fix crash when saving a draft', 'delivery', 'PO'],
    ['Write the acceptance criteria for checkout', 'user-story', 'PO'],
  ])('"%s" → %s (%s)', (summary, signal, side) => {
    const ev = cited(classify(makeWorkItem({ summary })).evidence).find((e) => e.signal === signal);
    expect(ev).toBeDefined();
    expect(ev!.side).toBe(side);
  });

  it.each([
    ['Roadmaps and prioritising', 'roadmap'],
    ['Prioritized investments', 'what-to-build'],
  ])('inflections: "%s" matches %s', (summary, signal) => {
    expect(signalsOf(summary)).toContain(signal);
  });

  it.each([
    ['The supermarketplace widget', 'market'],
    ['Updated the pricingtable css', 'pricing-budget'],
    ['Visionary font kerning', 'vision'],
  ])('no bare substrings: "%s" does not match %s', (summary, signal) => {
    expect(signalsOf(summary)).not.toContain(signal);
  });

  // SOURCEGRAPH-0178 read "change, the" as the breakdown phrase "change the".
  it.each([
    ['The larger the batch change, the more time-consuming this can be.', 'breakdown'],
    ['| Next release | Planning owner |', 'roadmap'],
  ])('a phrase does not run across a comma or a table cell: "%s" has no %s', (text, signal) => {
    expect(signalsOf('Batch changes', text)).not.toContain(signal);
  });
  it.each([
    ['Find product/market fit with scale-ups', 'lifecycle'],
    ['Decide our **product direction** for the year', 'vision'],
  ])('a phrase runs across a slash, a hyphen or emphasis: "%s" has %s', (text, signal) => {
    expect(signalsOf('Batch changes', text)).toContain(signal);
  });
  it('a focusing adverb stays inside a phrase: "focused primarily on" is "focus on" (SG-0289)', () => {
    const text = 'The platform will be focused primarily on Lucky search and Compute foundational work.';
    expect(signalsOf('Search platform', text)).toContain('what-to-build');
    expect(signalsOf('Search platform', 'The platform will be focused, primarily, on search.'))
      .not.toContain('what-to-build');
  });
});

describe('negations', () => {
  it.each([
    ['This is not a roadmap item, just a typo fix', 'roadmap'],
    ['No pricing change here', 'pricing-budget'],
    ['Without a launch campaign', 'go-to-market'],
    ['Nothing on the roadmap changes', 'roadmap'],
    ["This didn't change our pricing", 'pricing-budget'],
    ['The page cannot launch a campaign', 'go-to-market'],
  ])('"%s" gives no %s evidence', (summary, signal) => {
    expect(signalsOf(summary)).not.toContain(signal);
  });
  it.each([
    ['Not only a roadmap item: it decides the quarter', 'roadmap'],
    ['Not just pricing, also packaging', 'pricing-budget'],
    ['We will no longer support the Windows platform', 'platform-lifecycle'],
  ])('"%s" affirms %s: "not only", "not just" and "no longer" are no negation', (summary, signal) => {
    expect(signalsOf(summary)).toContain(signal);
  });
  it('a note is not a negation: "Notes on our pricing" is pricing', () => {
    expect(stem('notes')).not.toBe(stem('not'));
    expect(signalsOf('Notes on our pricing for next year')).toContain('pricing-budget');
    expect(signalsOf('Release notes for 4.1')).toContain('delivery');
  });
});

describe('time horizon', () => {
  it.each([
    ['Grow revenue over the next two years', 'long-horizon', 'PM'],
    ['Goals for Q3', 'long-horizon', 'PM'],
    ['Finish the form this sprint', 'short-horizon', 'PO'],
    ['Deploy the hotfix by Friday', 'short-horizon', 'PO'],
  ])('"%s" → %s', (summary, signal, side) => {
    const ev = cited(classify(makeWorkItem({ summary })).evidence).find((e) => e.signal === signal);
    expect(ev?.side).toBe(side);
  });
});

describe('outcome targets with numbers', () => {
  it.each([
    ['Reduce checkout time by 20% this quarter', true],
    ['Increase paying customers to 500 teams', true],
    ['Increase the timeout to 30', false],
    ['Grow activation by 15 percent', true],
    ['Reduce checkout time', false],
    ['Fix the 20% padding on the button', false],
  ])('"%s" → outcome-target %s', (summary, expected) => {
    expect(signalsOf(summary).includes('outcome-target')).toBe(expected);
  });
});

describe('structure', () => {
  it.each([
    ['As a shopper, I want to save my cart so that I can buy later', 'user-story-form'],
    ['Given a logged-in user\nWhen they open the cart\nThen the items show', 'given-when-then'],
    ['- [ ] add field\n- [ ] add test', 'checklist'],
    ['Steps to reproduce: open app. Expected result: it opens.', 'bug-report'],
  ])('%j → %s (PO)', (description, signal) => {
    const ev = cited(classify(makeWorkItem({ summary: 'Item', description })).evidence).find(
      (e) => e.signal === signal,
    );
    expect(ev?.side).toBe('PO');
  });

  it('a lone "Expected result" is what a feature should do, not a bug report (TIMOB-27132)', () => {
    const feature =
      '*Expected result*\nAfter implementation users should be able to deploy apps to MacOS and run them.';
    const bug = 'Open the app.\n*Expected result*\nIt opens.\n*Actual result*\nIt crashes.';
    expect(signalsOf('Item', feature)).not.toContain('bug-report');
    expect(signalsOf('Item', bug)).toContain('bug-report');
  });

  // The guide's hard case: "deciding what goes into the next major release and why is strategic".
  it('deciding what goes into a release is release planning (nodejs/next-10, "Stability")', () => {
    const values = '- Backwards compatibility\n- Careful consideration of what goes into LTS releases';
    const scope = (text: string) => signalsOf('Item', text).includes('release-scope');
    expect(signalsOf('Stability', values, 'Initiative')).toContain('release-scope');
    expect(scope('Decide what should go into the next major release.')).toBe(true);
    expect(scope('Check what goes into the release build folder.')).toBe(false);
    expect(scope('Cut release 4.1 and update the changelog.')).toBe(false);
  });
});

describe('issue-type priors are hints, never the answer', () => {
  it('an epic is not automatically strategic (seed 000 gives epics to product owners)', () => {
    const r = classify(makeWorkItem({ type: 'Epic', summary: 'Checkout page improvements' }));
    expect(r.kind).toBe('tactical');
    expect(r.evidence.find((e) => e.signal === 'type-prior')?.text).toBe('Issue type: Epic');
  });
  it('a task can be strategic when its text argues direction', () => {
    const r = classify(
      makeWorkItem({
        type: 'Task',
        summary: 'Run the Q3 pricing survey with customers to decide our market positioning',
        description: 'Market research to decide which segment we enter next year and grow revenue by 20%.',
      }),
    );
    expect(r.kind).toBe('strategic');
  });
  it('a bug stays tactical', () => {
    expect(classify(makeWorkItem({ type: 'Bug', summary: 'Cart total wrong after coupon' })).kind).toBe(
      'tactical',
    );
  });
});

describe('labels are not item evidence (a whole document or board carries them)', () => {
  it.each([[['roadmap', 'okr']], [['tech-debt', 'bug']]])('%j changes nothing', (labels) => {
    const plain = makeWorkItem({ summary: 'Checkout page improvements' });
    expect(classify({ ...plain, labels }).strategicShare).toBe(classify(plain).strategicShare);
  });
});
