/** The command line's grammar: commands, their options, `-` for standard input, --help and --version. */

export const USAGE = `usage: ownership-balance <command> FILE [options]

commands
  classify FILE [--format jsonl|table|csv]   one result per item (JSON Lines by default)
  evaluate FILE                              metrics against the file's gold labels, in-sample and
                                             leave-one-source-out
  balance FILE                               the ownership balance per project and per epic
  audit FILE [--seed N] [--sample K] [--out SAMPLE.jsonl]
                                             a whole tracker: rates per issue type, every strategic
                                             and mixed call, a seeded sample of them to label

FILE is JSON Lines (work items, Jira issues or search responses, one per line), a Jira issue
(GET /rest/api/3/issue), a Jira search response or a Jira CSV export; plain or .gz; "-" reads
standard input.

  -h, --help      this text
  -V, --version   the version

exit status: 0 ok, 1 some rows were bad (reported and skipped), 2 usage or unreadable input`;

export type Command = 'classify' | 'evaluate' | 'balance' | 'audit';
const COMMANDS: Command[] = ['classify', 'evaluate', 'balance', 'audit'];
const OPTIONS: Record<Command, string[]> = {
  classify: ['--format'],
  evaluate: [],
  balance: [],
  audit: ['--seed', '--sample', '--out'],
};

export class UsageError extends Error {}

export type Parsed =
  | { kind: 'help' } | { kind: 'version' }
  | { kind: 'run'; command: Command; file: string; options: Record<string, string> };

/** Reads argv; throws UsageError with a message that says what was wrong. */
export function parseArguments(argv: string[]): Parsed {
  if (argv.some((a) => a === '--help' || a === '-h')) return { kind: 'help' };
  if (argv.some((a) => a === '--version' || a === '-V')) return { kind: 'version' };
  const [command, ...rest] = argv;
  if (!command) throw new UsageError(USAGE);
  if (!COMMANDS.includes(command as Command))
    throw new UsageError(`unknown command "${command}" (try --help)`);
  const cmd = command as Command;
  const options: Record<string, string> = {};
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '-' || !arg.startsWith('-')) { files.push(arg); continue; }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (!OPTIONS[cmd].includes(name))
      throw new UsageError(`unknown option "${name}" for ${cmd} (try --help)`);
    const value = inline ?? rest[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value (try --help)`);
    options[name] = value;
  }
  if (files.length === 0) throw new UsageError(`no input file given (try --help; "-" reads standard input)`);
  if (files.length > 1)
    throw new UsageError(`one input file at a time, got ${files.length}: ${files.join(', ')}`);
  return { kind: 'run', command: cmd, file: files[0]!, options };
}
