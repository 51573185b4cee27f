/**
 * How the platform behaves under load, as Forge does: storage answers after a latency, and product
 * and queue events are delivered at least once, so some arrive twice, at the same time. Seeded, so
 * a failing run can be replayed.
 */
export interface PlatformBehaviourOptions {
  /** Latency of each storage and queue call in ms: a fixed number or a range drawn uniformly. */
  storageLatencyMs?: number | { min: number; max: number };
  /** Probability (0–1) that a trigger or queue event is delivered a second time, concurrently. */
  duplicateDeliveryRate?: number;
  /** Seed of the draws above (default 1). */
  seed?: number;
}

/** mulberry32: a small, fast, seedable generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class PlatformBehaviour {
  private readonly random: () => number;
  private readonly latency: { min: number; max: number };
  readonly duplicateRate: number;

  constructor(options: PlatformBehaviourOptions = {}) {
    this.random = seededRandom(options.seed ?? 1);
    const l = options.storageLatencyMs ?? 0;
    this.latency = typeof l === 'number' ? { min: l, max: l } : l;
    if (this.latency.min < 0 || this.latency.max < this.latency.min) throw new Error(`Bad storage latency ${JSON.stringify(l)}`);
    this.duplicateRate = options.duplicateDeliveryRate ?? 0;
    if (this.duplicateRate < 0 || this.duplicateRate > 1) throw new Error(`duplicateDeliveryRate must be within 0..1, not ${this.duplicateRate}`);
  }

  /** Waits one leg of a storage round trip (half of a latency drawn from the range): call it going and coming back. */
  async storageLeg(): Promise<void> {
    const { min, max } = this.latency;
    if (max === 0) return;
    const ms = (min + (max - min) * this.random()) / 2;
    await new Promise((r) => setTimeout(r, ms));
  }

  /** Whether this delivery is also made a second time. */
  deliverTwice(): boolean { return this.duplicateRate > 0 && this.random() < this.duplicateRate; }
}
