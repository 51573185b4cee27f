/**
 * Calibration to a site, learned from its people's reviews. Trackers differ in how much of their work is
 * strategic (a real tracker has a few strategic issues per thousand; planning documents many), so the same
 * evidence deserves a different call on different sites. Every review — a confirmation or a change —
 * records where the automatic score stood and what the person chose; the site's shift of the score is the
 * one, within ±1.5, that agrees with most of those reviews — when the reviews it fixes outnumber those it
 * breaks clearly enough to pass a sign test (none below minReviews; ties go to the smallest shift).
 * Reviews are kept as counts per score bucket, so learning stays a sum that an override can add to or
 * take back.
 */
import { kindFromShare } from './balance';
import { sigmoid } from './logistic';
import type { Kind } from './types';

export const CALIBRATION = { bucket: 0.5, clamp: 4, maxShift: 1.5, step: 0.25, minReviews: 10 } as const;
const PREFIX = '~site:';

export const isCalibrationKey = (key: string) => key.startsWith(PREFIX);

const logitOf = (share: number) => Math.log(Math.max(1e-4, share) / Math.max(1e-4, 1 - share));

/** The steps key of one review: the automatic score's bucket and the person's kind. */
export function calibrationKey(automaticShare: number, human: Kind): string {
  const b = Math.round(logitOf(automaticShare) / CALIBRATION.bucket) * CALIBRATION.bucket;
  return `${PREFIX}${Math.max(-CALIBRATION.clamp, Math.min(CALIBRATION.clamp, b))}:${human}`;
}

/** The shift of the score (in log-odds) that agrees with most reviews, or undefined with too few of them. */
export function calibrationFrom(
  counts: Array<[string, number]>,
): { logit: number; reviews: number } | undefined {
  const reviews = counts
    .map(([key, n]) => {
      const [bucket, human] = key.slice(PREFIX.length).split(':') as [string, Kind];
      return { logit: Number(bucket), human, n };
    })
    .filter((r) => Number.isFinite(r.logit) && r.n > 0);
  const total = reviews.reduce((s, r) => s + r.n, 0);
  if (total < CALIBRATION.minReviews) return undefined;
  const agrees = (r: (typeof reviews)[number], shift: number) =>
    kindFromShare(Math.round(sigmoid(r.logit + shift) * 1000) / 1000) === r.human;
  let best = { logit: 0, gain: 0 };
  const shifts: number[] = [];
  for (let s = CALIBRATION.step; s <= CALIBRATION.maxShift + 1e-9; s += CALIBRATION.step) shifts.push(s, -s);
  for (const shift of shifts) {
    let fixed = 0;
    let broken = 0;
    for (const r of reviews) {
      const before = agrees(r, 0);
      if (before !== agrees(r, shift)) {
        if (before) broken += r.n;
        else fixed += r.n;
      }
    }
    // A sign test: the reviews the shift fixes must outnumber those it breaks by two standard deviations
    // (about 98 % one-sided), or the site's reviews do not show a shift at all.
    const gain = fixed - broken;
    if (gain >= 2 * Math.sqrt(fixed + broken) && gain > best.gain)
      best = { logit: Math.round(shift * 100) / 100, gain };
  }
  return { logit: best.logit, reviews: total };
}
