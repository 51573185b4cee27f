/** A figure measured over several runs: its median and its range, so a reader sees how much it moves. */
export interface Spread { median: number; min: number; max: number; runs: number }

export function spread(values: number[], digits = 0): Spread {
  if (values.length === 0) throw new Error('spread() needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const round = (v: number) => Math.round(v * 10 ** digits) / 10 ** digits;
  return {
    median: round(median),
    min: round(sorted[0]!),
    max: round(sorted[sorted.length - 1]!),
    runs: values.length,
  };
}

/** The process's true peak resident memory so far, in MB (getrusage's ru_maxrss). */
export const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
