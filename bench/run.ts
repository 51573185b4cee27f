/**
 * `npm run bench [-- --json] [-- --only name,name]`: runs every bench/*-bench.ts module and prints
 * a table of its figures, or one JSON object `{ <name>: { …figures } }` with --json.
 * A module exports `run(): Promise<Record<string, unknown>>`; its name is the file name before "-bench".
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

type Figures = Record<string, unknown>;

function flatten(prefix: string, value: unknown, out: Array<[string, string]>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v, out);
  } else {
    out.push([
      prefix,
      typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(3) : String(value),
    ]);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const onlyArg = args.find((a) => a.startsWith('--only'));
  const only = onlyArg ? (onlyArg.split('=')[1] ?? args[args.indexOf(onlyArg) + 1] ?? '').split(',') : null;
  const files = readdirSync(__dirname).filter((f) => f.endsWith('-bench.ts')).sort();
  const results: Record<string, Figures> = {};
  for (const file of files) {
    const name = file.replace(/-bench\.ts$/, '');
    if (only && !only.includes(name)) continue;
    if (!json) process.stderr.write(`running ${name}…\n`);
    const mod = (await import(join(__dirname, file))) as { run: () => Promise<Figures> };
    results[name] = await mod.run();
  }
  if (json) {
    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    return;
  }
  const rows: Array<[string, string]> = [];
  flatten('', results, rows);
  const width = Math.max(...rows.map(([k]) => k.length), 6);
  process.stdout.write(`${'figure'.padEnd(width)}  value\n${'-'.repeat(width)}  -----\n`);
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
