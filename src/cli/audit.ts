/**
 * `ownership-balance audit FILE [--seed N] [--sample K] [--out SAMPLE.jsonl]`: how a whole tracker is
 * tagged — counts and rates per kind and per issue type, every strategic and mixed call with its
 * evidence, and a reproducible random sample of those calls to label by the guide (JSON Lines that
 * `evaluate` scores once a `gold` is added to each row). JSON Lines, a search response or a CSV export,
 * plain or gzipped; streamed in three passes (parents referenced, their results, then every item) so
 * memory stays flat whatever the file's size.
 */
import { writeFileSync } from 'node:fs';
import { seededRandom, type Classification, type Kind } from '../domain';
import type { InputRow } from './read-work-items';
import { classifyStream, type StreamFormat } from './stream-classify';

/** `format`: the file's (streamFormatOf); `name`: the input's name in messages (the path unless said). */
export interface AuditOptions {
  seed: number; sample: number; out?: string; format?: StreamFormat; name?: string;
}
interface Call { row: InputRow; result: Classification }

export async function runAudit(
  path: string,
  options: AuditOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  let problems = 0;
  const name = options.name ?? path;
  const byType = new Map<string, Record<Kind | 'total', number>>();
  const sample: Array<Call & { i: number }> = [];
  const random = seededRandom(options.seed);
  let total = 0;
  let calls = 0;
  out('strategic and mixed calls:');
  const onProblem = (line: number, message: string) => {
    problems++;
    err(`${name}: line ${line}: ${message} (skipped)`);
  };
  for await (const { result, ...row } of classifyStream(path, onProblem, options.format)) {
    total++;
    const t = byType.get(row.item.type) ?? { strategic: 0, tactical: 0, mixed: 0, total: 0 };
    t[result.kind]++;
    t.total++;
    byType.set(row.item.type, t);
    if (result.kind === 'tactical') continue;
    const call = { row, result: { ...result, evidence: result.evidence.slice(0, 3) }, i: calls };
    printCall(out, call);
    // Reservoir sampling (Algorithm R), seeded: a uniform sample of k calls in O(k) memory.
    if (calls < options.sample) sample.push(call);
    else {
      const j = Math.floor(random() * (calls + 1));
      if (j < options.sample) sample[j] = call;
    }
    calls++;
  }
  if (total === 0) {
    err(`${name}: no valid work items found`);
    return problems ? 1 : 2;
  }
  report(out, total, byType, calls);
  sample.sort((a, b) => a.i - b.i);
  const written = options.out ? `, written to ${options.out}` : '';
  out(`sample: ${sample.length} of the ${calls} strategic and mixed calls (seed ${options.seed})${written}`);
  const lines = sample.map((c) =>
    JSON.stringify({
      ...c.row.item,
      call: c.result.kind,
      callShare: c.result.strategicShare,
      evidence: c.result.evidence.map((e) => `${e.side} ${e.signal}: ${e.text}`),
    }),
  );
  if (options.out) writeFileSync(options.out, lines.join('\n') + (lines.length ? '\n' : ''));
  else lines.forEach(out);
  return problems > 0 ? 1 : 0;
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(2)}%`;

function printCall(out: (s: string) => void, c: Call): void {
  const top = c.result.evidence[0];
  const item = c.row.item;
  const why = top ? `  [${top.side} ${top.signal}: ${top.text.slice(0, 50)}]` : '';
  const head = `${item.key.padEnd(12)} ${c.result.kind.padEnd(9)} ${item.type.padEnd(14)}`;
  out(`  ${head} ${item.summary.slice(0, 70)}${why}`);
}

const column = (text: string) => text.padStart(16);

/** One row of the per-type table: items, then each kind's count and rate. */
function typeRow(type: string, t: Record<Kind | 'total', number>): string {
  const cell = (k: Kind) => column(`${t[k]} (${pct(t[k], t.total)})`);
  const cells = (['strategic', 'mixed', 'tactical'] as const).map(cell).join(' ');
  return `${type.padEnd(16)} ${String(t.total).padStart(7)} ${cells}`;
}

function report(
  out: (s: string) => void,
  total: number,
  byType: Map<string, Record<Kind | 'total', number>>,
  calls: number,
): void {
  out(`items: ${total}`);
  const heads = ['strategic', 'mixed', 'tactical'].map(column).join(' ');
  out(`${'type'.padEnd(16)} ${'items'.padStart(7)} ${heads}`);
  const all = { strategic: 0, tactical: 0, mixed: 0, total: 0 };
  for (const [type, t] of [...byType].sort(([, a], [, b]) => b.total - a.total)) {
    for (const k of ['strategic', 'tactical', 'mixed', 'total'] as const) all[k] += t[k];
    out(typeRow(type, t));
  }
  out(typeRow('all', all));
  out(`strategic and mixed calls: ${calls} (${pct(calls, total)})`);
}
