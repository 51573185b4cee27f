/**
 * `ownership-balance` — the command-line classifier (grammar and help text in arguments.ts).
 * Exit codes: 0 ok, 1 some input rows were bad (they are reported and skipped), 2 usage or unreadable file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArguments, USAGE, UsageError } from './arguments';
import { classifyRows } from './classify-file';
import { evaluationReport } from './evaluate-command';
import { balanceReport, formatRow, formatRows, headerOf } from './reports';
import { ACCEPTED_FORMATS, AUDIT_FORMATS, readWorkItems, type ReadResult } from './read-work-items';
import { runAudit } from './audit';
import { classifyStream, streamFormatOf, type StreamFormat } from './stream-classify';
import { withStdinAsFile } from './spool-stdin';
import { gunzipSync } from 'node:zlib';

const VERSION: string = (
  JSON.parse(readFileSync(`${__dirname}/../../package.json`, 'utf8')) as { version: string }
).version;

export interface CliIo { out: (s: string) => void; err: (s: string) => void }

const reasonOf = (e: unknown) =>
  ((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message);

/** Reads the input whole: a file (gunzipped when gzip) or "-", standard input; `name` is for messages. */
function load(file: string, name: string): ReadResult {
  let text: string;
  try {
    if (file !== '-' && statSync(file).isDirectory())
      throw new UsageError(`${file} is a directory, not a file`);
    const bytes = readFileSync(file === '-' ? 0 : file);
    text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${name}: ${reasonOf(e)}`);
  }
  if (text.trim() === '')
    throw new UsageError(`${name} is empty: nothing to classify (expected ${ACCEPTED_FORMATS})`);
  return readWorkItems(text);
}

/**
 * `classify` over JSON Lines, a Jira search response or a CSV export (plain or gzipped), streamed: memory
 * stays flat. `name` is the input's name in messages.
 */
async function classifyStreamed(
  file: string, name: string, format: string, io: CliIo, input: StreamFormat,
): Promise<number> {
  let problems = 0;
  let count = 0;
  const width = 14;
  const header = headerOf(format, width);
  if (header) io.out(header);
  const onProblem = (line: number, message: string) => {
    problems++;
    io.err(`${name}: line ${line}: ${message} (skipped)`);
  };
  for await (const row of classifyStream(file, onProblem, input)) {
    io.out(formatRow(row, format, width));
    count++;
  }
  if (count === 0) {
    io.err(`${name}: no valid work items found (expected ${ACCEPTED_FORMATS})`);
    return problems ? 1 : 2;
  }
  return problems > 0 ? 1 : 0;
}

/** The --format option, checked: jsonl (the default), table or csv. */
function formatOption(options: Record<string, string>): string {
  const format = options['--format'] ?? 'jsonl';
  if (!['jsonl', 'table', 'csv'].includes(format))
    throw new UsageError(`unknown format "${format}": use jsonl, table or csv`);
  return format;
}

function runWhole(
  command: 'classify' | 'evaluate' | 'balance',
  file: string,
  format: string,
  io: CliIo,
  name = file === '-' ? 'standard input' : file,
): number {
  const input = load(file, name);
  for (const p of input.problems) io.err(`${name}: line ${p.line}: ${p.message} (skipped)`);
  if (input.rows.length === 0) {
    io.err(`${name}: no valid work items found (expected ${ACCEPTED_FORMATS})`);
    return input.problems.length ? 1 : 2;
  }
  const rows = classifyRows(input.rows);
  if (command === 'classify') formatRows(rows, format).forEach((l) => io.out(l));
  else if (command === 'balance') balanceReport(rows).forEach((l) => io.out(l));
  else {
    const report = evaluationReport(rows, input);
    if (report === null) {
      io.err(`${name}: no row has a "gold" label to evaluate against`);
      return 2;
    }
    io.out(report);
  }
  return input.problems.length > 0 ? 1 : 0;
}

async function runAuditCommand(file: string, options: Record<string, string>, io: CliIo): Promise<number> {
  const seed = Number(options['--seed'] ?? 1);
  const sample = Number(options['--sample'] ?? 100);
  if (!Number.isInteger(seed) || !Number.isInteger(sample) || sample < 0)
    throw new UsageError('--seed and --sample take whole numbers (try --help)');
  const name = file === '-' ? 'standard input' : file;
  const audit = async (path: string) => {
    if (statSync(path).size === 0) throw new UsageError(`${name} is empty: nothing to audit`);
    const format = await streamFormatOf(path);
    if (!format) throw new UsageError(`${name}: nothing audit can read (expected ${AUDIT_FORMATS})`);
    return runAudit(path, { seed, sample, out: options['--out'], format, name }, io.out, io.err);
  };
  try {
    return file === '-' ? await withStdinAsFile(audit) : await audit(file);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.err(`cannot audit ${name}: ${reasonOf(e)}`);
    return 2;
  }
}

/** Runs classify, evaluate or balance reading the input whole (the streamed path is checked against it). */
export function runCli(argv: string[], io: CliIo): number {
  try {
    const parsed = parseArguments(argv);
    if (parsed.kind !== 'run' || parsed.command === 'audit')
      throw new UsageError('runCli runs classify, evaluate or balance');
    return runWhole(parsed.command, parsed.file, formatOption(parsed.options), io);
  } catch (e) {
    if (e instanceof UsageError) { io.err(e.message); return 2; }
    throw e;
  }
}

/**
 * Runs one command line; `classify` streams JSON Lines, search responses and CSV exports (standard input
 * saved to a temporary file first), everything else is read whole.
 */
export async function runCliAsync(argv: string[], io: CliIo): Promise<number> {
  try {
    const parsed = parseArguments(argv);
    if (parsed.kind === 'help') { io.out(USAGE); return 0; }
    if (parsed.kind === 'version') { io.out(`ownership-balance ${VERSION}`); return 0; }
    const { command, file, options } = parsed;
    if (command === 'audit') return await runAuditCommand(file, options, io);
    const format = formatOption(options);
    if (command === 'classify' && file === '-') {
      return await withStdinAsFile(async (path) => {
        const input = statSync(path).size > 0 ? await streamFormatOf(path) : null;
        if (input) return await classifyStreamed(path, 'standard input', format, io, input);
        return runWhole(command, path, format, io, 'standard input');
      });
    }
    const streamable =
      command === 'classify' && existsSync(file) && statSync(file).isFile() && statSync(file).size > 0;
    const input = streamable ? await streamFormatOf(file) : null;
    if (input) return await classifyStreamed(file, file, format, io, input);
    return runWhole(command, file, format, io);
  } catch (e) {
    if (e instanceof UsageError) { io.err(e.message); return 2; }
    throw e;
  }
}

if (require.main === module) {
  void runCliAsync(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
  }).then((code) => process.stdout.write('', () => process.exit(code)));
}
