/** The panel's sentences: why the tag (from its strongest evidence), and dates a person reads at a glance. */
import type { StoredClassification, StoredEvidence } from '../../../../src/contract';
import type { Kind } from '../../../../src/domain/types';

/** Short subjects per distinction, for "Looks like product-manager work: market research and pricing". */
const SUBJECT: Record<string, string> = {
  vision: 'product vision',
  market: 'market research',
  'business-goals': 'business goals',
  'what-to-build': 'what to build',
  roadmap: 'the roadmap',
  kpi: 'outcomes and KPIs',
  'pricing-budget': 'pricing and budget',
  'go-to-market': 'launch and marketing',
  stakeholders: 'stakeholders',
  lifecycle: 'the product lifecycle',
  discovery: 'customer discovery',
  audience: 'who it serves',
  'direction-argument': 'argued direction',
  'long-horizon': 'a long horizon',
  'outcome-target': 'an outcome target',
  'platform-lifecycle': 'a platform decision',
  'release-scope': 'what goes into a release',
  'why-argument': 'why it matters',
  'user-story': 'user stories',
  backlog: 'the backlog',
  sprint: 'sprint work',
  breakdown: 'concrete tasks',
  'engineering-topic': 'engineering details',
  requirements: 'requirements',
  'acceptance-qa': 'testing and acceptance',
  delivery: 'fixes and implementation',
  'engineering-chore': 'engineering chores',
  coordination: 'team coordination',
  'short-horizon': 'a short horizon',
  'user-story-form': 'a user story',
  'given-when-then': 'acceptance criteria',
  checklist: 'a task checklist',
  'bug-report': 'a bug report',
};

const subjectsOf = (evidence: StoredEvidence[], side: 'PM' | 'PO') => [...new Set(evidence
  .filter((e) => e.side === side && SUBJECT[e.signal]).map((e) => SUBJECT[e.signal]!))].slice(0, 2);

const joinAnd = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs[0]} and ${xs[1]}`);

/**
 * One plain sentence saying why: the kind in words, hedged when confidence is low, and its two main subjects.
 */
export function whySentence(kind: Kind, confidence: number, evidence: StoredEvidence[]): string {
  const hedge = confidence < 0.4 ? 'Probably' : 'Looks like';
  const pm = subjectsOf(evidence, 'PM');
  const po = subjectsOf(evidence, 'PO');
  if (kind === 'mixed') {
    const both = pm.length && po.length ? `: ${pm[0]} beside ${po[0]}` : '';
    return `Mixes product-manager and product-owner work${both}.`;
  }
  const subjects = kind === 'strategic' ? pm : po;
  const who = kind === 'strategic' ? 'product-manager' : 'product-owner';
  if (subjects.length === 0)
    return `${hedge} ${who} work, from the issue type and where it sits; no telling phrase.`;
  return `${hedge} ${who} work: ${joinAnd(subjects)}.`;
}

/** "Likely tactical" for a low-confidence automatic tag; the tag's name otherwise. */
export function tagWording(
  c: Pick<StoredClassification, 'kind' | 'confidence' | 'overridden'>,
): string | null {
  if (c.overridden || c.confidence >= 0.4) return null;
  return `Likely ${c.kind}`;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 31536e6],
  ['month', 2592e6],
  ['week', 6048e5],
  ['day', 864e5],
  ['hour', 36e5],
  ['minute', 6e4],
];

/** "3 days ago", "just now": the viewer's language through Intl. */
export function relativeTime(iso: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return format.format(Math.round(diff / ms), unit);
  return 'just now';
}
