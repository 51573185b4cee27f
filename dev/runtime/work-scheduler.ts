/**
 * Deferred work of the local platform: queue events and redelivered trigger events. Each task has
 * the time it becomes due (push delay, retryAfter). `drain()` runs everything now, due or not (tests
 * need not wait); in automatic mode (the preview) a timer runs each task when it falls due.
 */
export interface ScheduledTask { label: string; dueAt: number; run: () => Promise<void> }

export class WorkScheduler {
  private readonly tasks: ScheduledTask[] = [];
  private running: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly automatic: boolean, private readonly onError: (label: string, error: unknown) => void) {}

  get pending(): number { return this.tasks.length; }

  schedule(label: string, delayMs: number, run: () => Promise<void>): void {
    if (this.closed) return;
    this.tasks.push({ label, dueAt: Date.now() + Math.max(0, delayMs), run });
    if (this.automatic) this.arm();
  }

  /** Removes tasks whose label matches; returns how many. */
  cancel(matches: (label: string) => boolean): number {
    let removed = 0;
    for (let i = this.tasks.length - 1; i >= 0; i--) if (matches(this.tasks[i]!.label)) { this.tasks.splice(i, 1); removed++; }
    return removed;
  }

  /** Runs every task, including those scheduled while draining, until none is left; returns how many ran. */
  drain(): Promise<number> {
    if (this.running) return this.running.then((n) => this.drain().then((m) => n + m));
    this.running = (async () => {
      let ran = 0;
      while (this.tasks.length > 0) {
        this.tasks.sort((a, b) => a.dueAt - b.dueAt);
        await this.runOne(this.tasks.shift()!);
        ran++;
      }
      return ran;
    })().finally(() => { this.running = null; });
    return this.running;
  }

  /** Waits for the task in progress (if any) to finish. */
  async idle(): Promise<void> { while (this.running) await this.running; }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.tasks.length = 0;
  }

  private async runOne(task: ScheduledTask): Promise<void> {
    try { await task.run(); } catch (e) { this.onError(task.label, e); }
  }

  /** Automatic mode: one timer for the earliest due task; due tasks run one at a time, in order. */
  private arm(): void {
    if (this.timer || this.closed || this.tasks.length === 0) return;
    const next = Math.min(...this.tasks.map((t) => t.dueAt));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runDue().finally(() => this.arm());
    }, Math.max(0, next - Date.now()));
    this.timer.unref();
  }

  private async runDue(): Promise<void> {
    if (this.running) { await this.idle(); return; }
    this.running = (async () => {
      let ran = 0;
      for (;;) {
        this.tasks.sort((a, b) => a.dueAt - b.dueAt);
        if (this.tasks.length === 0 || this.tasks[0]!.dueAt > Date.now() || this.closed) return ran;
        await this.runOne(this.tasks.shift()!);
        ran++;
      }
    })().finally(() => { this.running = null; });
    await this.running;
  }
}
