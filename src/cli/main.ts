/**
 * `ownership-balance` — the command-line classifier.
 *   classify FILE [--format jsonl|table|csv]   one result per item
 *   evaluate FILE                              metrics against the file's gold labels
 *   balance FILE                               ownership balance per project and per epic
 * Exit codes: 0 ok, 1 some input rows were bad (they are reported and skipped), 2 usage or unreadable file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { computeBalance, type BalanceFigures, type Kind } from '../domain';
import { classifyRows, type ClassifiedRow } from './classify-file';
import { csvField } from './csv';
import { evaluate, formatEvaluation } from './evaluation';
import { bySource, formatBySource, leaveOneSourceOutRows } from './source-evaluation';
import { sourceOf } from './labeled-set';
import { readWorkItems, type ReadResult } from './read-work-items';
import { runAudit } from './audit';
import { classifyStream, streamFormatOf, type StreamFormat } from './stream-classify';

const USAGE = `usage: ownership-balance <classify|evaluate|balance> FILE [--format jsonl|table|csv]
       ownership-balance audit FILE [--seed N] [--sample K] [--out SAMPLE.jsonl]   (JSON Lines, plain or .gz, streamed)`;

export interface CliIo { out: (s: string) => void; err: (s: string) => void }

class UsageError extends Error {}

function load(file: string | undefined): ReadResult {
  if (!file) throw new UsageError(`no input file given\n${USAGE}`);
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`${file} is a directory, not a file`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (text.trim() === '') throw new UsageError(`${file} is empty: nothing to classify (expected JSON Lines, a Jira CSV export or a Jira search response)`);
  return readWorkItems(text);
}

/** The header line of a format (none for JSON Lines). */
function headerOf(format: string, width: number): string | null {
  if (format === 'csv') return 'key,kind,strategicShare,confidence,evidence';
  if (format === 'table') return `${'key'.padEnd(width)}  kind       share  conf  top evidence`;
  return null;
}

function formatRow(r: Pick<ClassifiedRow, 'item' | 'result'>, format: string, width: number): string {
  if (format === 'jsonl') {
    return JSON.stringify({ key: r.item.key, kind: r.result.kind, strategicShare: r.result.strategicShare, confidence: r.result.confidence,
      evidence: r.result.evidence.map((e) => ({ side: e.side, signal: e.signal, text: e.text, seed: e.seed })) });
  }
  if (format === 'csv') {
    return [r.item.key, r.result.kind, r.result.strategicShare, r.result.confidence,
      r.result.evidence.slice(0, 3).map((e) => `${e.side}:${e.signal}(${e.seed})`).join(' ')].map(csvField).join(',');
  }
  const top = r.result.evidence[0];
  return `${r.item.key.padEnd(width)}  ${r.result.kind.padEnd(9)}  ${r.result.strategicShare.toFixed(2)}   ${r.result.confidence.toFixed(2)}  ${top ? `${top.side} ${top.signal}: ${top.text.slice(0, 60)}` : ''}`;
}

function formatRows(rows: ClassifiedRow[], format: string): string[] {
  const width = Math.max(3, ...rows.map((r) => r.item.key.length));
  const header = headerOf(format, width);
  return [...(header ? [header] : []), ...rows.map((r) => formatRow(r, format, width))];
}

/** `classify` over JSON Lines or a Jira search response (plain or gzipped), streamed: memory stays flat. */
async function classifyStreamed(file: string, format: string, io: CliIo, input: StreamFormat): Promise<number> {
  let problems = 0;
  let count = 0;
  const width = 14;
  const header = headerOf(format, width);
  if (header) io.out(header);
  for await (const row of classifyStream(file, (line, message) => { problems++; io.err(`${file}: line ${line}: ${message} (skipped)`); }, input)) {
    io.out(formatRow(row, format, width));
    count++;
  }
  if (count === 0) { io.err(`${file}: no valid work items found`); return problems ? 1 : 2; }
  return problems > 0 ? 1 : 0;
}

function balanceLines(title: string, b: BalanceFigures): string {
  const share = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);
  return `${title.padEnd(24)} count S/T/M ${b.count.strategic}/${b.count.tactical}/${b.count.mixed}  points S/T/M ${b.points.strategic}/${b.points.tactical}/${b.points.mixed}  strategic share ${share(b.strategicShareByCount)} by count, ${share(b.strategicShareByPoints)} by points`;
}

function balanceReport(rows: ClassifiedRow[]): string[] {
  const groups = (keyOf: (r: ClassifiedRow) => string | null) => {
    const m = new Map<string, Array<{ kind: Kind; storyPoints: number | null }>>();
    for (const r of rows) {
      const k = keyOf(r);
      if (!k) continue;
      m.set(k, [...(m.get(k) ?? []), { kind: r.result.kind, storyPoints: r.item.storyPoints ?? null }]);
    }
    return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  const out = ['by project'];
  for (const [k, items] of groups((r) => r.item.project ?? r.item.key.split('-')[0] ?? null)) out.push('  ' + balanceLines(k, computeBalance(items)));
  out.push('by epic (children of a parent in the file)');
  const keys = new Set(rows.map((r) => r.item.key));
  for (const [k, items] of groups((r) => (r.item.parent && keys.has(r.item.parent) ? r.item.parent : null))) out.push('  ' + balanceLines(k, computeBalance(items)));
  out.push(balanceLines('all items', computeBalance(rows.map((r) => ({ kind: r.result.kind, storyPoints: r.item.storyPoints ?? null })))));
  return out;
}

export function runCli(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  const formatAt = rest.indexOf('--format');
  const format = formatAt >= 0 ? rest[formatAt + 1] ?? '' : (rest.find((a) => a.startsWith('--format='))?.split('=')[1] ?? 'jsonl');
  const file = rest.find((a, i) => !a.startsWith('--') && !(formatAt >= 0 && i === formatAt + 1));
  try {
    if (!['classify', 'evaluate', 'balance'].includes(command ?? '')) throw new UsageError(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
    if (!['jsonl', 'table', 'csv'].includes(format)) throw new UsageError(`unknown format "${format}": use jsonl, table or csv`);
    const input = load(file);
    for (const p of input.problems) io.err(`${file}: line ${p.line}: ${p.message} (skipped)`);
    if (input.rows.length === 0) { io.err(`${file}: no valid work items found`); return input.problems.length ? 1 : 2; }
    const rows = classifyRows(input.rows);
    if (command === 'classify') formatRows(rows, format).forEach((l) => io.out(l));
    else if (command === 'balance') balanceReport(rows).forEach((l) => io.out(l));
    else {
      const labeled = rows.filter((r) => r.gold).map((r) => ({ item: r.item, gold: r.gold as Kind, goldShare: r.goldShare ?? null, result: r.result, source: r.source }));
      if (labeled.length === 0) { io.err(`${file}: no row has a "gold" label to evaluate against`); return 2; }
      const sources = new Set(labeled.map((r) => sourceOf(r.source)));
      const loso = sources.size >= 2 ? bySource(leaveOneSourceOutRows(input.rows), 'leave-one-source-out: each source scored by a model fitted on the others') : null;
      const tables = labeled.some((r) => r.source) ? formatBySource(bySource(labeled)) + (loso ? formatBySource(loso) : '') : undefined;
      io.out(formatEvaluation(evaluate(labeled), tables, loso?.pooled.macroF1));
    }
    return input.problems.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) { io.err(e.message); return 2; }
    throw e;
  }
}

/** `audit` streams (and so is asynchronous); every other command runs as before. */
export async function runCliAsync(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'classify') {
    const rest = argv.slice(1);
    const formatAt = rest.indexOf('--format');
    const format = formatAt >= 0 ? rest[formatAt + 1] ?? '' : (rest.find((a) => a.startsWith('--format='))?.split('=')[1] ?? 'jsonl');
    const file = rest.find((a, i) => !a.startsWith('--') && !(formatAt >= 0 && i === formatAt + 1));
    const streamable = !!file && existsSync(file) && statSync(file).isFile() && statSync(file).size > 0 && ['jsonl', 'table', 'csv'].includes(format);
    const input = streamable && file ? await streamFormatOf(file) : null;
    if (input && file) return classifyStreamed(file, format, io, input);
  }
  if (argv[0] !== 'audit') return runCli(argv, io);
  const value = (flag: string) => { const i = argv.indexOf(flag); return i >= 0 ? argv[i + 1] : undefined; };
  const file = argv.slice(1).find((a, i, rest) => !a.startsWith('--') && !['--seed', '--sample', '--out'].includes(rest[i - 1] ?? ''));
  const seed = Number(value('--seed') ?? 1);
  const sample = Number(value('--sample') ?? 100);
  if (!file) { io.err(`no input file given\n${USAGE}`); return 2; }
  if (!Number.isInteger(seed) || !Number.isInteger(sample) || sample < 0) { io.err(`--seed and --sample take whole numbers\n${USAGE}`); return 2; }
  try {
    return await runAudit(file, { seed, sample, out: value('--out') }, io.out, io.err);
  } catch (e) {
    io.err(`cannot audit ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return 2;
  }
}

if (require.main === module) {
  void runCliAsync(process.argv.slice(2), { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) })
    .then((code) => process.stdout.write('', () => process.exit(code)));
}
