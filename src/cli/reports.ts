/**
 * What the command-line tool prints about classified rows: one line per row (JSON Lines, a table or CSV),
 * the balance per project and per epic, and the line on learning from overrides.
 */
import { computeBalance, measureAdaptation, signalsOf, type BalanceFigures, type Kind } from '../domain';
import type { ClassifiedRow } from './classify-file';
import { csvField } from './csv';
import { sourceOf } from './labeled-set';

/** The header line of a format (none for JSON Lines). */
export function headerOf(format: string, width: number): string | null {
  if (format === 'csv') return 'key,kind,strategicShare,confidence,evidence';
  if (format === 'table') return `${'key'.padEnd(width)}  kind       share  conf  top evidence`;
  return null;
}

export function formatRow(r: Pick<ClassifiedRow, 'item' | 'result'>, format: string, width: number): string {
  if (format === 'jsonl') {
    return JSON.stringify({
      key: r.item.key,
      kind: r.result.kind,
      strategicShare: r.result.strategicShare,
      confidence: r.result.confidence,
      evidence: r.result.evidence.map((e) => ({
        side: e.side,
        signal: e.signal,
        text: e.text,
        seed: e.seed,
      })),
    });
  }
  if (format === 'csv') {
    const side = (s: string) => (s === 'PM' ? 'Product manager' : 'Product owner');
    return [
      r.item.key,
      r.result.kind,
      r.result.strategicShare,
      r.result.confidence,
      r.result.evidence
        .slice(0, 3)
        .map((e) => `${side(e.side)}: ${e.meaning ?? e.signal}`)
        .join('; '),
    ]
      .map(csvField)
      .join(',');
  }
  const top = r.result.evidence[0];
  const evidence = top ? `${top.side} ${top.signal}: ${top.text.slice(0, 60)}` : '';
  return `${r.item.key.padEnd(width)}  ${r.result.kind.padEnd(9)}  ${r.result.strategicShare.toFixed(2)}   `
    + `${r.result.confidence.toFixed(2)}  ${evidence}`;
}

export function formatRows(rows: ClassifiedRow[], format: string): string[] {
  const width = Math.max(3, ...rows.map((r) => r.item.key.length));
  const header = headerOf(format, width);
  return [...(header ? [header] : []), ...rows.map((r) => formatRow(r, format, width))];
}

function balanceLines(title: string, b: BalanceFigures): string {
  const share = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);
  const { count, points } = b;
  return (
    `${title.padEnd(24)} count S/T/M ${count.strategic}/${count.tactical}/${count.mixed}  ` +
    `points S/T/M ${points.strategic}/${points.tactical}/${points.mixed}  ` +
    `strategic share ${share(b.strategicShareByCount)} by count, ${share(b.strategicShareByPoints)} by points`
  );
}

export function balanceReport(rows: ClassifiedRow[]): string[] {
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
  for (const [k, items] of groups((r) => r.item.project ?? r.item.key.split('-')[0] ?? null))
    out.push('  ' + balanceLines(k, computeBalance(items)));
  out.push('by epic (children of a parent in the file)');
  const keys = new Set(rows.map((r) => r.item.key));
  for (const [k, items] of groups((r) => (r.item.parent && keys.has(r.item.parent) ? r.item.parent : null)))
    out.push('  ' + balanceLines(k, computeBalance(items)));
  out.push(
    balanceLines(
      'all items',
      computeBalance(rows.map((r) => ({ kind: r.result.kind, storyPoints: r.item.storyPoints ?? null }))),
    ),
  );
  return out;
}

type LabeledRow = {
  item: ClassifiedRow['item'];
  gold: Kind;
  result: ClassifiedRow['result'];
  source?: string;
};

/** Learning from overrides, the labeled rows as overrides: each source a site, each row held out once. */
export function learningLine(rows: LabeledRow[]): string {
  const m = measureAdaptation(rows.map((r) => ({
    key: r.item.key, item: r.item, site: sourceOf(r.source), automatic: r.result.kind, human: r.gold,
    signals: signalsOf(r.result.evidence), automaticShare: r.result.strategicShare,
  })));
  const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
  return '\nlearning from overrides (these rows as overrides, each source a site; '
    + `each of the ${m.heldOut} rows held out once, learned from the rest of its site): `
    + `agreement on the held-out rows ${f(m.agreementBefore)} before learning, ${f(m.agreementAfter)} after`;
}
