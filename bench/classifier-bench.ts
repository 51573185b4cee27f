/**
 * Classifier throughput on one core: the dev set and 100,000 synthetic items, and the ratio of
 * classification time to a bare pass that only normalises and tokenises the same texts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classify, normaliseText, type WorkItem } from '../src/domain';
import { tokenize } from '../src/domain/tokenize';

const SUMMARIES = [
  'Define the product vision for the next two years', 'Fix crash when saving a draft on Android', 'As a shopper I want to filter by size',
  'Market research on mid-market competitors', 'Refactor the checkout service', 'Reduce churn by 10% this year', 'Update the README for the CLI',
  'Launch campaign for the new pricing tiers', 'Sprint review demo for the search team', 'Add a field for the billing address',
];
const BODIES = [
  'Acceptance criteria:\nGiven a cart\nWhen I pay\nThen I get a receipt',
  'Steps to reproduce: open the app.\nExpected result: it opens.\nActual result: TypeError\n    at run (app.js:1:1)',
  'Our goal is to grow revenue with enterprise customers. We will focus on the roadmap items that move activation.',
  'h3. Motivation\nCustomers need enough context to prioritise issues. {code}const x = 1;{code}',
  '- [ ] add column\n- [ ] write unit test\n- [ ] update docs',
];

function synthetic(n: number): WorkItem[] {
  const types = ['Story', 'Task', 'Bug', 'Epic', 'Initiative'];
  return Array.from({ length: n }, (_, i) => ({
    key: `SYN-${i}`, type: types[i % types.length]!, summary: `${SUMMARIES[i % SUMMARIES.length]} ${i % 97}`,
    description: BODIES[(i * 7) % BODIES.length]! + (i % 3 === 0 ? ` Item ${i}.` : ''), labels: i % 11 === 0 ? ['roadmap'] : [],
  }));
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function run(): Promise<Record<string, unknown>> {
  const devSet = readFileSync(resolve(__dirname, '../../shared/data/dev-set.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as WorkItem);
  const items = synthetic(100_000);
  for (const item of items.slice(0, 2000)) classify(item); // warm-up
  let sink = 0;
  const tokenizeMs = time(() => { for (const item of items) sink += tokenize(item.summary).length + tokenize(normaliseText(item.description)).length; });
  const classifyMs = time(() => { for (const item of items) sink += classify(item).strategicShare; });
  const devMs = time(() => { for (let k = 0; k < 5; k++) for (const item of devSet) sink += classify(item).strategicShare; });
  if (sink === -1) console.log(sink);
  return {
    items: items.length,
    itemsPerSecond: Math.round(items.length / (classifyMs / 1000)),
    itemsPerSecondDevSet: Math.round((devSet.length * 5) / (devMs / 1000)),
    ratioToTokenize: Math.round((classifyMs / tokenizeMs) * 100) / 100,
    peakRssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
}
