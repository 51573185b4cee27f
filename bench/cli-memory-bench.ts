/**
 * The CLI on big files: `classify` streams in flat memory. Builds a JSON Lines file of CLI_BENCH_MB
 * megabytes (default 1024), a Jira search response of CLI_BENCH_SEARCH_MB (default 200) and a Jira CSV
 * export of CLI_BENCH_CSV_MB (default 200, parents by numeric id) from the real Titanium tracker's
 * issues, with unique keys, runs `classify` on each in a child process, and reports that process's true
 * peak RSS and throughput.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { csvField } from '../src/cli/csv';
import { streamLines } from '../src/cli/stream-lines';

const ROOT = resolve(__dirname, '..');
const TRACKER = resolve(ROOT, '../shared/data/titanium-tracker.jsonl.gz');

type Row = {
  key: string;
  parent?: string | null;
  type: string;
  summary: string;
  description?: unknown;
  labels?: string[];
};

/** A work item as an issue of a search response. */
const asIssue = (r: Row) => ({
  key: r.key,
  fields: {
    summary: r.summary,
    issuetype: { name: r.type },
    description: r.description ?? null,
    labels: r.labels ?? [],
    parent: r.parent ? { key: r.parent } : null,
  },
});

const CSV_HEADER = 'Summary,Issue key,Issue id,Parent id,Issue Type,Labels,Description\n';

/** A work item as a record of a Jira CSV export, its parent by numeric id. */
const asCsvRecord = (r: Row, id: number, parentId: number | null) =>
  [r.summary, r.key, id, parentId ?? '', r.type, r.labels?.[0] ?? '',
    typeof r.description === 'string' ? r.description : ''].map(csvField).join(',') + '\n';

type FileKind = 'jsonl' | 'search' | 'csv';

async function buildFile(path: string, bytes: number, kind: FileKind): Promise<number> {
  const lines: string[] = [];
  for await (const line of streamLines(TRACKER)) if (line.trim()) lines.push(line);
  const indexOf = new Map(lines.map((l, i) => [(JSON.parse(l) as Row).key, i]));
  const out = createWriteStream(path);
  let written = 0;
  let n = 0;
  if (kind === 'search') out.write('{"issues":[');
  if (kind === 'csv') out.write(CSV_HEADER);
  for (let round = 0; written < bytes; round++) {
    for (const [i, line] of lines.entries()) {
      const row = JSON.parse(line) as Row;
      const unique = {
        ...row,
        key: `${row.key}-R${round}`,
        parent: row.parent ? `${row.parent}-R${round}` : null,
      };
      const parentIndex = row.parent ? indexOf.get(row.parent) : undefined;
      const idOf = (index: number) => 10000 + round * lines.length + index;
      const text = kind === 'search'
        ? `${n > 0 ? ',' : ''}${JSON.stringify(asIssue(unique))}`
        : kind === 'csv'
          ? asCsvRecord(unique, idOf(i), parentIndex === undefined ? null : idOf(parentIndex))
          : `${JSON.stringify(unique)}\n`;
      if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
      written += Buffer.byteLength(text);
      n++;
      if (written >= bytes) break;
    }
  }
  if (kind === 'search') out.write(']}');
  await new Promise<void>((r) => out.end(() => r()));
  return n;
}

/** Classifies a file in a child process; its true peak RSS and throughput. */
function classifyInChild(file: string) {
  const main = JSON.stringify(join(ROOT, 'src/cli/main.ts'));
  const script = `require('tsx/cjs'); const { runCliAsync } = require(${main});
    let n = 0; runCliAsync(['classify', ${JSON.stringify(file)}], { out: () => { n++; }, err: () => {} })
    .then((code) => {
      const peakRssKb = process.resourceUsage().maxRSS;
      process.stderr.write(JSON.stringify({ code, n, peakRssKb }) + '\\n');
    });`;
  const t = Date.now();
  const child = spawnSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  const seconds = (Date.now() - t) / 1000;
  const report = JSON.parse(child.stderr.trim().split('\n').pop() ?? '{}') as {
    code: number;
    n: number;
    peakRssKb: number;
  };
  return {
    classified: report.n,
    exitCode: report.code,
    peakRssMb: Math.round(report.peakRssKb / 1024),
    seconds: Math.round(seconds),
    itemsPerSecond: Math.round(report.n / seconds),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'ob-cli-bench-'));
  try {
    const out: Record<string, unknown> = {};
    for (const [name, mb, kind] of [
      ['jsonl', Number(process.env.CLI_BENCH_MB ?? 1024), 'jsonl'],
      ['searchResponse', Number(process.env.CLI_BENCH_SEARCH_MB ?? 200), 'search'],
      ['csvExport', Number(process.env.CLI_BENCH_CSV_MB ?? 200), 'csv'],
    ] as const) {
      const file = join(dir, `${name}.${kind === 'csv' ? 'csv' : 'json'}`);
      const items = await buildFile(file, mb * 1024 * 1024, kind);
      out[name] = { fileMb: Math.round(statSync(file).size / 1024 / 1024), items, ...classifyInChild(file) };
      rmSync(file);
    }
    return out;
  } finally { rmSync(dir, { recursive: true, force: true }); }
}
