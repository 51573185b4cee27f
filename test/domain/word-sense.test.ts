/**
 * Word sense, on real sentences of the Titanium tracker (shared/data/titanium-tracker.jsonl.gz): a
 * product-manager word counts only in its product-manager sense, and still counts when it has it.
 */
import { stem } from '../../src/domain/tokenize';
import { signalsCited } from '../factories/signals';

const signalsIn = signalsCited;

describe('engineering senses do not count', () => {
  it.each([
    [
      '1800.981-5864 malwarebytes activation phone number',
      null,
      'kpi',
      'an activation (licence) for a phone',
    ],
    ['php activation form source code', null, 'kpi', 'a form'],
    [
      'Build stalls',
      'Process continues if I manually launch the app through.',
      'go-to-market',
      'an app launching',
    ],
    ['Cannot Launch Studio behind a proxy', null, 'go-to-market', 'a tool starting behind a network proxy'],
    [
      'Unable to login Market Place and my.appcelerator.com',
      null,
      'market',
      'a login to a product named Market Place',
    ],
    [
      'Orientation based styling like platform & formFactor in TSS',
      null,
      'platform-lifecycle',
      'a code identifier beside it',
    ],
    [
      'Drillbit: Add support for MobileWeb platform',
      null,
      'platform-lifecycle',
      'a summary scoped to a component',
    ],
    ['appcd: Drop support for Node 8 and older', null, 'platform-lifecycle', "a dependency's version"],
    [
      'Abstract platform-specific checks and functionality in Alloy to make adding platforms trivial',
      null,
      'platform-lifecycle',
      'code',
    ],
    ['Fix it', 'Call Ti.Platform.openURL() after the launch.', 'go-to-market', 'inside an identifier'],
    [
      'Kubectl Server-Side Apply by default',
      'strategic-merge-patch (SMP) is not maintained and broken, a frustrating situation',
      'vision',
      'a kebab-case flag name (kubernetes/enhancements KEP-3805)',
    ],
    [
      'Video player',
      'The video player does not support the Android platform yet.',
      'platform-lifecycle',
      'a negated statement about a component',
    ],
    [
      'Build fails',
      'When I target the Android platform the build fails with an error.',
      'platform-lifecycle',
      'a build failing, whatever platform it targets',
    ],
    ['ADT End of life', null, 'lifecycle', "a tool's acronym beside it: Google's ADT, not our product"],
    [
      'Table view flickers',
      'Steps to Reproduce: 1. Launch KS 2. Go to Base UI > Views > Table Views',
      'go-to-market',
      'an acronym for an app (KitchenSink) being started',
    ],
    [
      'Crash when loading large images',
      'java.lang.OutOfMemoryError: bitmap size exceeds VM budget',
      'pricing-budget',
      "a virtual machine's memory budget",
    ],
  ] as Array<[string, string | null, string, string]>)(
    '"%s" (description: %s) gives no %s evidence: %s',
    (summary, description, signal) => {
      expect(signalsIn(summary, description)).not.toContain(signal);
    },
  );
});

describe('product-manager senses still count', () => {
  it.each([
    [
      'Remove Windows Platform',
      'Due to very low usage of Windows Universal as a target platform, ' +
        'we have decided to no longer support it.',
      'platform-lifecycle',
    ],
    ['Add Windows 8 Platform Support', null, 'platform-lifecycle'],
    [
      'Windows 8',
      'This feature is to support the Windows 8 platform at approximately the same level as BlackBerry beta',
      'platform-lifecycle',
    ],
    // The platform a decision is about is its object, not engineering talk (TIMOB-27708's description).
    [
      'Windows Universal',
      'Due to very low usage of Windows Universal as a target platform, ' +
        'we have decided to no longer support Windows Universal (Phone/Desktop/Tablet) apps as of SDK 9',
      'platform-lifecycle',
    ],
    ['Plan the launch campaign and the press release', null, 'go-to-market'],
    [
      'Competitor analysis',
      'Compare our pricing with the market leaders before the next fiscal year.',
      'market',
    ],
    ['Q4 2026 roadmap', 'The roadmap for the coming year.', 'roadmap'],
    ['EMEA launch', 'Plan the EMEA launch with sales.', 'go-to-market'],
    ['Go-to-market plan', 'Our go-to-market for the enterprise tier.', 'go-to-market'],
    ['Long-term vision', 'A long-term vision for the product.', 'vision'],
    ['Hire at least 2 SDRs and 3 AEs (at least 1 Enterprise AE)', null, 'audience'],
    // A product area as the summary's prefix, with a business figure: an outcome, not code.
    ['Checkout: grow revenue 10% in Q3', null, 'business-goals'],
    ['Cart: reduce churn by 15% this quarter', null, 'outcome-target'],
  ])('"%s" (description: %s) gives %s evidence', (summary, description, signal) => {
    expect(signalsIn(summary, description)).toContain(signal);
  });
});

describe('a hard-wrapped sentence is one sentence', () => {
  // rust-lang/rust-project-goals, "rustc-perf improvements": markdown wrapped at 80 columns.
  const wrapped =
    'Following the completion of this goal, it is anticipated that new platforms and\n' +
    'configurations will be added to rustc-perf, but this is unlikely to warrant';

  it('a line that goes on in lower case keeps its neighbours: "new platforms and⏎configurations"', () => {
    expect(signalsIn('rustc-perf improvements', wrapped, 'Goal')).not.toContain('lifecycle');
  });
  it('a line that starts a new sentence or list item is still a boundary', () => {
    const lines = 'We will enter a new platform next year.\nConfigurations are out of scope.';
    const list = 'Goals:\n- support a new platform\n- configuration files for it';
    expect(signalsIn('Platform plan', lines, 'Goal')).toContain('lifecycle');
    expect(signalsIn('Platform plan', list, 'Goal')).toContain('lifecycle');
  });
});

describe("a word's neighbourhood stays in its clause", () => {
  // sourcegraph/handbook, search strategy, "What we're not working on and why" (SOURCEGRAPH-0289).
  const deferred =
    "We'll also defer work to make metadata searchable. Although this is an important piece of " +
    'functionality, the platform will be focused primarily on Lucky search and Compute foundational work.';

  it('a comma and a new subject start another clause: "functionality, the platform will be focused"', () => {
    expect(signalsIn('Search product', deferred, 'RoadmapItem')).toContain('what-to-build');
  });
  it('a list after a comma is the same clause: its engineering words still count', () => {
    const list = 'Let users focus on the text field, password field and login button.';
    expect(signalsIn('Login form', list, 'Story')).not.toContain('what-to-build');
    const aside = 'The login form, when the app starts, should focus on the password.';
    expect(signalsIn('Login form', aside, 'Story')).not.toContain('what-to-build');
  });
});

describe('no stem collisions', () => {
  it.each([
    ['positioning', 'position'],
    ['marketing', 'market'],
    ['planning', 'plan'],
    ['formed', 'form'],
    ['setting', 'set'],
    ['blocked', 'block'],
    ['pairing', 'pairs'],
    ['incremented', 'increment'],
  ])('%s is not %s', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });
  it('"settings" is a setting, "a set of partners" is not', () => {
    expect(stem('settings')).toBe(stem('setting'));
    expect(signalsIn('Default export settings')).toContain('engineering-topic');
    const partners = 'The design will be created by an initial set of partner cooperatives.';
    expect(signalsIn('Co-design with cooperatives', partners, 'Task')).not.toContain('engineering-topic');
  });
  it('"blocked" is waiting on someone, "a code block" is not', () => {
    expect(signalsIn('Checkout redesign', 'Blocked by the payments team.')).toContain('coordination');
    expect(signalsIn('Checkout redesign', 'Wrap the sample in a code block.')).not.toContain('coordination');
  });
  it('"a view\'s position" is not positioning', () => {
    expect(signalsIn("Animating a view's position to a negative dimension fails", null, 'Bug')).not.toContain(
      'go-to-market',
    );
  });
});
