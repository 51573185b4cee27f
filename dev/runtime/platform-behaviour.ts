/**
 * How the platform behaves under load, as Forge does: storage answers after a latency, and product
 * and queue events are delivered at least once, so some arrive twice, at the same time. Seeded, so
 * a failing run can be replayed.
 */
import { seededRandom } from '../../src/domain/seeded-random';

export interface PlatformBehaviourOptions {
  /** Latency of each storage and queue call in ms: a fixed number or a range drawn uniformly. */
  storageLatencyMs?: number | { min: number; max: number };
  /** Probability (0–1) that a trigger or queue event is delivered a second time, concurrently. */
  duplicateDeliveryRate?: number;
  /**
   * Probability (0–1) that a storage or queue call fails with a 500: half of them before the call
   * takes effect, half after it took effect with the answer lost — as a network or service fault can.
   */
  storageFaultRate?: number;
  /** Seed of the draws above (default 1). */
  seed?: number;
}

export type StorageFault = 'none' | 'before' | 'after';

export { seededRandom };

export class PlatformBehaviour {
  private readonly random: () => number;
  private readonly latency: { min: number; max: number };
  readonly duplicateRate: number;
  /** Changeable at run time (a test turns faults off before it measures). */
  faultRate: number;

  constructor(options: PlatformBehaviourOptions = {}) {
    this.random = seededRandom(options.seed ?? 1);
    const l = options.storageLatencyMs ?? 0;
    this.latency = typeof l === 'number' ? { min: l, max: l } : l;
    if (this.latency.min < 0 || this.latency.max < this.latency.min)
      throw new Error(`Bad storage latency ${JSON.stringify(l)}`);
    this.duplicateRate = options.duplicateDeliveryRate ?? 0;
    if (this.duplicateRate < 0 || this.duplicateRate > 1)
      throw new Error(`duplicateDeliveryRate must be within 0..1, not ${this.duplicateRate}`);
    this.faultRate = options.storageFaultRate ?? 0;
    if (this.faultRate < 0 || this.faultRate > 1)
      throw new Error(`storageFaultRate must be within 0..1, not ${this.faultRate}`);
  }

  /**
   * Waits one leg of a storage round trip (half of a latency drawn from the range): call it going and coming
   * back.
   */
  async storageLeg(): Promise<void> {
    const { min, max } = this.latency;
    if (max === 0) return;
    const ms = (min + (max - min) * this.random()) / 2;
    await new Promise((r) => setTimeout(r, ms));
  }

  /** Whether this storage call fails, and when. */
  storageFault(): StorageFault {
    if (this.faultRate === 0 || this.random() >= this.faultRate) return 'none';
    return this.random() < 0.5 ? 'before' : 'after';
  }

  /** Whether this delivery is also made a second time. */
  deliverTwice(): boolean { return this.duplicateRate > 0 && this.random() < this.duplicateRate; }
}
