/**
 * Classifier throughput on one core, headlined on real texts (the dev set), with 100,000 synthetic
 * items beside it. The floor — normalising and tokenising the same text — is timed in the same loop,
 * item by item, interleaved with the classifier, so a busy machine slows both alike and their ratio
 * holds. Each figure is the median of several runs, with its range.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classify, normaliseText, type WorkItem } from '../src/domain';
import { tokenize } from '../src/domain/tokenize';
import { peakRssMb, spread } from './spread';

const RUNS = 5;
const SUMMARIES = [
  'Define the product vision for the next two years',
  'Fix crash when saving a draft on Android',
  'As a shopper I want to filter by size',
  'Market research on mid-market competitors',
  'Refactor the checkout service',
  'Reduce churn by 10% this year',
  'Update the README for the CLI',
  'Launch campaign for the new pricing tiers',
  'Sprint review demo for the search team',
  'Add a field for the billing address',
];
const BODIES = [
  'Acceptance criteria:\nGiven a cart\nWhen I pay\nThen I get a receipt',
  'Steps to reproduce: open the app.\nExpected result: it opens.\nActual result: TypeError\n' +
    '    at run (app.js:1:1)',
  'Our goal is to grow revenue with enterprise customers. ' +
    'We will focus on the roadmap items that move activation.',
  'h3. Motivation\nCustomers need enough context to prioritise issues. {code}const x = 1;{code}',
  '- [ ] add column\n- [ ] write unit test\n- [ ] update docs',
];

function synthetic(n: number): WorkItem[] {
  const types = ['Story', 'Task', 'Bug', 'Epic', 'Initiative'];
  return Array.from({ length: n }, (_, i) => ({
    key: `SYN-${i}`,
    type: types[i % types.length]!,
    summary: `${SUMMARIES[i % SUMMARIES.length]} ${i % 97}`,
    description: BODIES[(i * 7) % BODIES.length]! + (i % 3 === 0 ? ` Item ${i}.` : ''),
    labels: i % 11 === 0 ? ['roadmap'] : [],
  }));
}

let sink = 0;

/** One pass: per item, the tokenise floor then the classifier, each timed; returns both totals in ms. */
function interleaved(items: WorkItem[]): { floorMs: number; classifyMs: number } {
  let floor = 0n;
  let cls = 0n;
  for (const item of items) {
    const t0 = process.hrtime.bigint();
    sink += tokenize(item.summary).length + tokenize(normaliseText(item.description)).length;
    const t1 = process.hrtime.bigint();
    sink += classify(item).strategicShare;
    cls += process.hrtime.bigint() - t1;
    floor += t1 - t0;
  }
  return { floorMs: Number(floor) / 1e6, classifyMs: Number(cls) / 1e6 };
}

function measure(items: WorkItem[], repeat: number) {
  const perSecond: number[] = [];
  const ratio: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let floorMs = 0;
    let classifyMs = 0;
    for (let k = 0; k < repeat; k++) {
      const t = interleaved(items);
      floorMs += t.floorMs;
      classifyMs += t.classifyMs;
    }
    perSecond.push((items.length * repeat) / (classifyMs / 1000));
    ratio.push(classifyMs / floorMs);
  }
  return { itemsPerSecond: spread(perSecond), ratioToTokenize: spread(ratio, 2) };
}

export async function run(): Promise<Record<string, unknown>> {
  const devSet = readFileSync(resolve(__dirname, '../../shared/data/dev-set.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as WorkItem);
  const items = synthetic(100_000);
  for (const item of [...devSet, ...items.slice(0, 2000)]) classify(item); // warm-up
  const real = measure(devSet, 20);
  const synth = measure(items, 1);
  if (sink === -1) console.log(sink);
  return {
    devSetItems: devSet.length,
    devSet: real,
    syntheticItems: items.length,
    synthetic: synth,
    peakRssMb: peakRssMb(),
  };
}
