/**
 * Classifies a JSON Lines file (plain or gzipped) as a stream, in flat memory: pass one notes which
 * keys are parents, pass two classifies those parents, pass three classifies every item with its
 * parent as context and hands each result on. Only the parents' results are kept.
 */
import { classify, type Classification, type HierarchyContext } from '../domain';
import { isProblem, parseJsonlLine, type InputRow } from './read-work-items';
import { streamLines } from './stream-lines';

export type ProblemSink = (line: number, message: string) => void;

async function* rows(path: string, onProblem: ProblemSink): AsyncGenerator<InputRow> {
  let line = 0;
  for await (const raw of streamLines(path)) {
    const r = parseJsonlLine(raw, ++line);
    if (r && isProblem(r)) onProblem(r.line, r.message);
    else if (r) yield r;
  }
}

export async function* classifyStream(path: string, onProblem: ProblemSink): AsyncGenerator<InputRow & { result: Classification }> {
  const quiet: ProblemSink = () => undefined;
  const parents = new Set<string>();
  for await (const r of rows(path, quiet)) if (r.item.parent) parents.add(r.item.parent);
  const parentResults = new Map<string, Classification>();
  for await (const r of rows(path, quiet)) if (parents.has(r.item.key)) parentResults.set(r.item.key, classify(r.item));
  for await (const row of rows(path, onProblem)) {
    const p = row.item.parent && row.item.parent !== row.item.key ? parentResults.get(row.item.parent) : undefined;
    const context: HierarchyContext | undefined = p ? { parent: { key: row.item.parent!, kind: p.kind, strategicShare: p.strategicShare } } : undefined;
    yield { ...row, result: classify(row.item, context) };
  }
}

/** Whether a file is JSON Lines (its first line one work item), which can be streamed. */
export async function isJsonLines(path: string): Promise<boolean> {
  for await (const first of streamLines(path)) {
    if (first.trim() === '') continue;
    if (first.length > 1_000_000) return false;
    const r = parseJsonlLine(first, 1);
    return r !== null && !isProblem(r);
  }
  return false;
}
