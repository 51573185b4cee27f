/**
 * Words whose everyday tracker sense is an engineering one ("launch", "positioning", "brand",
 * "awareness") count for the product manager only when their sentence says so: real sentences of the
 * Titanium tracker (shared/data/titanium-tracker.jsonl.gz) and the dev set against sentences of the seeds
 * and of the dev set.
 */
import { signalsCited } from '../factories/signals';

const goToMarketIn = (summary: string, description: string | null = null) =>
  signalsCited(summary, description, 'Task').includes('go-to-market');

type Case = [why: string, summary: string, description: string | null];

const engineering: Case[] = [
  ['AC-139: a tool starting', 'Newly Launched Appcelerator Studio 4 is not starting on Windows 8.1', null],
  ['AC-2285: an app starting', 'Crash every 2nd time I launch', null],
  ['TIMOB-27248: start-up time', 'Android: Further improve launch time utilizing snapshots', null],
  ['TIMOB-8878: a UI part opening', 'Force close while trying to re-launch the tabgroup', null],
  ['TIMOB-16312: an app opening', 'Map links',
    'Actual: Maps does not get launched. Expected: Maps should be launched after pressing on the address.'],
  ["TIMOB-579: a view's layout", 'vertical layout + transition causes some positioning problems', null],
  ['TIMOB-8477: "brand new" means new', 'Build refuses',
    'Created a brand new project with two files: Running the program starts the app.'],
  ['seed 003: "brand new" means new even beside "product"', 'Roles',
    'This happens more in smaller companies or when a product is brand new.'],
  ['dev set KEP-5710: a scheduler aware of workloads', 'Workload-aware preemption',
    'However, similarly to gang scheduling, we believe that workload awareness (which includes workload ' +
    'aware preemption) is critical enough that deserves standalone support.'],
];

const productManager: Case[] = [
  ['seed 003: product launches', 'Market understanding',
    'They use their deep understanding of the market and customer needs for successful product launches.'],
  ['seed 004: a product lifecycle', 'Duties',
    'A product manager oversees the entire product lifecycle - from conception to launch and beyond.'],
  ['seed 002: positioning and messaging', 'Messaging',
    'Product marketers and product managers can work together to align on accurate & compelling ' +
    'positioning and then translate that work into messaging.'],
  ['seed 001: a launch explained to business stakeholders', 'Scope',
    'A technically aware Product Manager can ask whether a simpler version could launch first and then ' +
    'explain to business stakeholders why.'],
  ['dev set SOURCEGRAPH-0043: a category launch', 'Category', 'Launch our new category on March 4.'],
  ['the catalogue phrase "brand awareness" needs no cue', 'Reach',
    'Increase brand awareness among developers this year.'],
  ['dev set POSTHOG-0032: awareness that brings customers', 'Reach',
    'Our diversified reach increases ad frequency and awareness, bringing in more customers into the ' +
    'PostHog universe.'],
];

describe('an engineering sense does not count', () => {
  it.each(engineering)('%s', (_why, summary, description) => {
    expect(goToMarketIn(summary, description)).toBe(false);
  });
});

describe('the product-manager sense still counts', () => {
  it.each(productManager)('%s', (_why, summary, description) => {
    expect(goToMarketIn(summary, description)).toBe(true);
  });
});
