/**
 * The embedded demo data: two projects with a year of epics, stories, tasks, bugs and sub-tasks,
 * written for this project and generated deterministically from the templates below (a seeded
 * random generator), with created dates relative to "now" so recent periods always hold work.
 */
import { seededRandom } from '../../src/domain/seeded-random';
import { textToAdf } from './adf';
import type { EmuIssue, EmulatorData, EmuUser } from './model';

export const DEMO_USERS = {
  admin: {
    accountId: '712020:a1ice000-0000-4000-8000-000000000001', name: 'alice', displayName: 'Alice Admin',
    email: 'alice@example.com', apiToken: 'local-token-alice',
  },
  viewer: {
    accountId: '712020:b0b00000-0000-4000-8000-000000000002', name: 'bob', displayName: 'Bob Viewer',
    email: 'bob@example.com', apiToken: 'local-token-bob',
  },
} satisfies Record<string, EmuUser>;

const STRATEGIC_EPICS = [
  [
    'Define the {area} product vision for next year',
    'We need a clear direction for {area}: our vision, the market we serve and how we win against ' +
      'competitors. Goal: grow revenue from {area} by 20% by Q4.',
  ],
  [
    '{area} pricing and packaging strategy',
    'Market research shows competitors moved to usage-based pricing. ' +
      'Decide our pricing model for {area} and the launch plan with marketing and sales.',
  ],
  [
    'Enter the mid-market segment with {area}',
    'Customer discovery interviews point to a market gap for teams of 50-200. ' +
      'This initiative decides whether we build a new tier and what goes on the roadmap.',
  ],
  [
    '{area}: reduce churn by 15% this year',
    'Business goal for the year: reduce customer churn by 15%. Key results: activation rate above 60%, ' +
      'NPS above 40. Stakeholders: leadership, customer success.',
  ],
];
const TACTICAL_EPICS = [
  ['{area} checkout improvements', 'Stories to deliver the agreed checkout changes this quarter.'],
  [
    '{area} tech debt and refactoring',
    'Clean up the {area} module, upgrade dependencies and fix flaky tests.',
  ],
  ['{area} accessibility fixes', 'Fix the accessibility bugs found in the audit.'],
];
const STORIES = [
  [
    'As a shopper I want to filter {area} results by size',
    'As a shopper, I want to filter by size so that I find my fit.\nAcceptance criteria:\n' +
      'Given the results page\nWhen I pick size M\nThen only M items are shown',
  ],
  [
    'Add a field for the billing address in {area}',
    'Add the field, validate it and update the form. Acceptance criteria: ' +
      'the field is required for new customers.',
  ],
  [
    'Show saved items on the {area} screen',
    'As a returning customer I want to see my saved items so that I can buy later.',
  ],
  ['Sort {area} list by price', 'Implement sorting on the list endpoint and add the dropdown to the screen.'],
];
const TASKS = [
  ['Refactor the {area} service', 'Split the service into smaller modules and add unit tests.'],
  ['Upgrade the {area} SDK to the latest version', 'Bump the dependency and fix the build warnings.'],
  ['Write release notes for {area}', 'Update the changelog for the sprint review demo.'],
  [
    'Refine the {area} backlog for the next sprint',
    'Order the backlog items and add estimates before sprint planning.',
  ],
];
const STRATEGIC_TASKS = [
  [
    'Run the Q3 {area} pricing survey with customers',
    'Survey our customers to learn their pain points and decide the pricing for next year.',
  ],
  [
    'Competitor analysis for {area}',
    'Market research on the three main competitors: positioning, pricing, roadmap.',
  ],
];
const BUGS = [
  [
    '{area} crashes when saving a draft',
    'Steps to reproduce:\n1. Open {area}\n2. Save a draft\nExpected result: saved\nActual result: crash',
  ],
  [
    'Wrong total in {area} after applying a coupon',
    'Steps to reproduce: apply coupon SAVE10. Expected result: 10% off. Actual result: total unchanged.',
  ],
  ['{area} page does not load on Safari', 'The page stays blank. Console shows TypeError.'],
];
const SUB_TASK = ['Write tests for {area}', 'Add unit tests for the new {area} behaviour.'];

const AREAS: Record<string, string[]> = {
  SHOP: ['checkout', 'catalogue', 'search', 'cart', 'payments', 'wishlist'],
  MOBILE: ['onboarding', 'notifications', 'offline mode', 'profile', 'in-app purchases'],
};

function generateProject(
  projectKey: string,
  count: number,
  seed: number,
  now: Date,
  idStart: number,
  users: string[],
): EmuIssue[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  const issues: EmuIssue[] = [];
  const epics: string[] = [];
  let n = 0;
  const make = (
    type: string,
    template: string[],
    area: string,
    parent: string | null,
    points: number | null,
    daysAgo: number,
  ): EmuIssue => {
    n++;
    const created = new Date(
      now.getTime() - daysAgo * 86400000 - Math.floor(random() * 86400000),
    ).toISOString();
    const issue: EmuIssue = {
      id: String(idStart + n),
      key: `${projectKey}-${n}`,
      projectKey,
      type,
      summary: template[0]!.replace(/\{area\}/g, area),
      description: textToAdf(template[1]!.replace(/\{area\}/g, area)),
      labels: [],
      components: [area],
      parent,
      storyPoints: points,
      created,
      updated: created,
      status: pick(['To Do', 'In Progress', 'Done', 'Done']),
      assignee: pick([...users, null]),
      reporter: pick(users),
    };
    issues.push(issue);
    return issue;
  };
  const areas = AREAS[projectKey] ?? ['core'];
  for (const area of areas) {
    const strategic = make('Epic', pick(STRATEGIC_EPICS), area, null, null, Math.floor(random() * 360));
    const tactical = make('Epic', pick(TACTICAL_EPICS), area, null, null, Math.floor(random() * 360));
    epics.push(strategic.key, tactical.key);
  }
  while (issues.length < count) {
    const roll = random();
    const area = pick(areas);
    const days = Math.floor(random() * 365);
    const points = pick([1, 2, 3, 5, 8, 13]);
    if (roll < 0.4) make('Story', pick(STORIES), area, pick(epics), points, days);
    else if (roll < 0.6) make('Task', pick(TASKS), area, pick([...epics, null]), points, days);
    else if (roll < 0.72) make('Task', pick(STRATEGIC_TASKS), area, pick(epics), points, days);
    else if (roll < 0.92)
      make('Bug', pick(BUGS), area, random() < 0.5 ? pick(epics) : null, pick([1, 2, 3]), days);
    else {
      const story = issues.filter((i) => i.type === 'Story').at(-1);
      if (story) make('Sub-task', SUB_TASK, area, story.key, 1, Math.max(0, days - 1));
    }
  }
  return issues;
}

/** The demo data, with dates relative to `now`. */
export function loadDemoData(now: Date = new Date()): EmulatorData {
  const users = [DEMO_USERS.admin, DEMO_USERS.viewer];
  const ids = users.map((u) => u.accountId);
  return {
    projects: [
      { id: '10000', key: 'SHOP', name: 'Storefront' },
      { id: '10001', key: 'MOBILE', name: 'Mobile App' },
    ],
    users,
    admins: [DEMO_USERS.admin.accountId],
    grants: {
      [DEMO_USERS.admin.accountId]: {
        SHOP: { browse: true, edit: true },
        MOBILE: { browse: true, edit: true },
      },
      [DEMO_USERS.viewer.accountId]: { SHOP: { browse: true, edit: false } },
    },
    issues: [
      ...generateProject('SHOP', 320, 7, now, 20000, ids),
      ...generateProject('MOBILE', 260, 11, now, 30000, ids),
    ],
  };
}
