/**
 * Fault injection, switchable per test: a refusal (400), 429 with Retry-After, 500/503, slow answers,
 * dropped connections, malformed JSON.
 */
export type FaultKind =
  'status400' | 'status429' | 'status500' | 'status503' | 'slow' | 'drop' | 'malformedJson';
export interface FaultRule {
  match?: { method?: string; path?: RegExp | string; principal?: 'app' | 'user' };
  kind: FaultKind;
  /** Fire this many times, then stop (default: forever). */
  times?: number;
  /** Fire on every n-th matching request (default 1 = every one). */
  every?: number;
  retryAfterSeconds?: number;
  /** With `slow`, the delay; with any other kind, a delay before the fault is served. */
  delayMs?: number;
}

interface Active extends FaultRule { id: number; seen: number; fired: number }

export class FaultInjector {
  private rules: Active[] = [];
  private nextId = 1;

  add(rule: FaultRule): number {
    const id = this.nextId++;
    this.rules.push({ ...rule, id, seen: 0, fired: 0 });
    return id;
  }
  remove(id: number): void { this.rules = this.rules.filter((r) => r.id !== id); }
  clear(): void { this.rules = []; }
  firedCount(id: number): number { return this.rules.find((r) => r.id === id)?.fired ?? 0; }

  /** The fault to apply to this request, if any. */
  pick(method: string, path: string, principal: 'app' | 'user'): Active | undefined {
    for (const r of this.rules) {
      const m = r.match ?? {};
      if (m.method && m.method.toUpperCase() !== method.toUpperCase()) continue;
      if (m.principal && m.principal !== principal) continue;
      if (m.path && !(typeof m.path === 'string' ? path.startsWith(m.path) : m.path.test(path))) continue;
      if (r.times !== undefined && r.fired >= r.times) continue;
      r.seen++;
      if (r.seen % (r.every ?? 1) !== 0) continue;
      r.fired++;
      return r;
    }
    return undefined;
  }
}
