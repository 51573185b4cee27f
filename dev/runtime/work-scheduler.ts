/**
 * Deferred work of the local platform: queue events and redelivered trigger events. Each task has
 * the time it becomes due (push delay, retryAfter). As on Forge, tasks run concurrently: consumers
 * in parallel, with no order promised. `drain()` runs everything now, due or not (tests need not
 * wait), including work scheduled while draining; `drainDue()` only what is due; in automatic mode (the
 * preview) a timer starts each task when it falls due.
 */
export interface ScheduledTask { label: string; dueAt: number; run: () => Promise<void> }

export class WorkScheduler {
  private readonly tasks: ScheduledTask[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly automatic: boolean,
    private readonly onError: (label: string, error: unknown) => void,
  ) {}

  get pending(): number {
    return this.tasks.length;
  }

  schedule(label: string, delayMs: number, run: () => Promise<void>): void {
    if (this.closed) return;
    this.tasks.push({ label, dueAt: Date.now() + Math.max(0, delayMs), run });
    if (this.automatic) this.arm();
  }

  /** Removes tasks whose label matches; returns how many. */
  cancel(matches: (label: string) => boolean): number {
    let removed = 0;
    for (let i = this.tasks.length - 1; i >= 0; i--) {
      if (matches(this.tasks[i]!.label)) {
        this.tasks.splice(i, 1);
        removed++;
      }
    }
    return removed;
  }

  /**
   * Runs every task concurrently, and what they schedule, until none is left or running; returns how many
   * ran.
   */
  async drain(): Promise<number> {
    let ran = 0;
    while (this.tasks.length > 0 || this.inFlight.size > 0) {
      const batch = this.tasks.splice(0, this.tasks.length);
      for (const task of batch) this.start(task);
      ran += batch.length;
      if (this.inFlight.size > 0) await Promise.race(this.inFlight);
    }
    return ran;
  }

  /**
   * Runs only what is due now, and what that schedules that is due too; later tasks (a push with a delay, a
   * retry after some seconds) keep waiting, as on Forge. Returns how many ran.
   */
  async drainDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const now = Date.now();
      const due = this.tasks.filter((t) => t.dueAt <= now);
      if (due.length === 0 && this.inFlight.size === 0) return ran;
      for (const task of due) this.start(this.tasks.splice(this.tasks.indexOf(task), 1)[0]!);
      ran += due.length;
      if (this.inFlight.size > 0) await Promise.race(this.inFlight);
    }
  }

  /** Waits for the tasks in progress (if any) to finish. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.tasks.length = 0;
  }

  private start(task: ScheduledTask): void {
    const p: Promise<void> = (async () => {
      try {
        await task.run();
      } catch (e) {
        this.onError(task.label, e);
      }
    })().finally(() => {
      this.inFlight.delete(p);
    });
    this.inFlight.add(p);
  }

  /** Automatic mode: one timer for the earliest due task; every due task starts when it falls due. */
  private arm(): void {
    if (this.timer || this.closed || this.tasks.length === 0) return;
    const next = Math.min(...this.tasks.map((t) => t.dueAt));
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const now = Date.now();
        for (let i = this.tasks.length - 1; i >= 0; i--) {
          if (this.tasks[i]!.dueAt <= now && !this.closed) this.start(this.tasks.splice(i, 1)[0]!);
        }
        this.arm();
      },
      Math.max(0, next - Date.now()),
    );
    this.timer.unref();
  }
}
