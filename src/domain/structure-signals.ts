/**
 * The catalogue's pattern signals: the horizon of the work and the shapes a text takes (an outcome target,
 * a user story, Given/When/Then, a checklist, a bug report, a platform decision, what goes into a release,
 * an argued "why"). Each cites its seed, as the vocabulary in catalogue.ts does; patterns read the
 * lower-cased prose.
 */
import type { Signal } from './catalogue';

/** A regex of alternatives written one per piece (its source is the pieces joined by "|"). */
const anyOf = (flags: string, ...alternatives: string[]) => new RegExp(alternatives.join('|'), flags);

export const HORIZON_AND_STRUCTURE: Signal[] = [
  { id: 'long-horizon', side: 'PM', family: 'horizon', seed: '001', weight: 1.5,
    meaning: 'A horizon of quarters or years',
    regex: anyOf('', String.raw`\b(this|next|the|each|every|per) (quarter|year|fiscal year|half)\b`,
      String.raw`\bq[1-4]\b`, String.raw`\bh[12] 20\d\d\b`, String.raw`\blong[- ]term\b`,
      String.raw`\bmulti[- ]year\b`,
      String.raw`\b(next|coming|over the next) (few |two |three |\d+ )?(years|months|quarters)\b`,
      String.raw`\bby (the end of )?20\d\d\b`, String.raw`\bannual(ly)?\b`, String.raw`\bquarterly\b`,
      String.raw`\bin the future\b`, String.raw`\bfuture\b`,
      String.raw`\b(a|one|two|three|\d+) years? from now\b`) },
  { id: 'short-horizon', side: 'PO', family: 'horizon', seed: '004', weight: 1.5,
    meaning: 'A horizon of sprints or days',
    regex: anyOf('', String.raw`\b(this|next|current|the) (sprint|week|iteration)\b`,
      String.raw`\bsprint \d+\b`, String.raw`\btoday\b`, String.raw`\btomorrow\b`,
      String.raw`\bby (monday|tuesday|wednesday|thursday|friday|eod|end of day)\b`,
      String.raw`\bend of (the )?(day|week)\b`) },
  { id: 'outcome-target', side: 'PM', family: 'outcome-target', seed: '001', weight: 3.0,
    meaning: 'An outcome target with a number ("reduce checkout time by 20%")',
    regex: anyOf('',
      String.raw`\b(increase|reduce|grow|improve|cut|decrease|double|triple|raise|lower|boost|reach|achieve` +
        String.raw`|hit|get to)\b[^.\n]{0,60}?\b(by|to|of)\s+(\$\s?)?\d[\d,.]*\s*` +
        String.raw`(%|percent|x\b|k\b|m\b|customers|users|paying|teams|companies|arr|mrr)`,
      String.raw`\b\d+(\.\d+)?\s?% (more|fewer|increase|decrease|growth|reduction)\b`,
      String.raw`\$\s?\d[\d,.]*\s?(k|m|b|million|billion)?\s+(in )?(arr|mrr|revenue|bookings)`) },
  { id: 'user-story-form', side: 'PO', family: 'structure', seed: '000', weight: 3.0,
    meaning: 'A user story: "As a … I want … so that …"',
    regex: anyOf('', String.raw`\bas an? [a-z][^.\n,]{1,60}?,? i (want|need|would like|can|should)\b`) },
  { id: 'given-when-then', side: 'PO', family: 'structure', seed: '001', weight: 3.0,
    meaning: 'Acceptance criteria written as Given / When / Then',
    regex: anyOf('m', String.raw`\bgiven\b[^\n]{1,200}\bwhen\b[^\n]{1,200}\bthen\b`,
      String.raw`^\s*(given|when|then) .+\n\s*(when|then|and) `) },
  { id: 'checklist', side: 'PO', family: 'structure', seed: '001', weight: 1.5,
    meaning: 'A checklist of concrete tasks',
    regex: anyOf('', String.raw`(^|\n)\s*(- \[[ x]\]|\[[ x]\] )`) },
  { id: 'bug-report', side: 'PO', family: 'structure', seed: '003', weight: 3.0,
    meaning: 'A bug report: steps to reproduce, expected and actual results',
    regex: anyOf('',
      String.raw`\b(steps to reproduce|actual (result|behaviou?r)|to reproduce` +
        String.raw`|repro steps|test case)\b`
    ) },
  { id: 'platform-lifecycle', side: 'PM', family: 'structure', seed: '004', weight: 3.0,
    meaning: 'Entering or leaving a platform: a product lifecycle decision',
    regex: anyOf('',
      String.raw`\b(add|adding|drop|dropping|remove|removing|deprecate|end|sunset|enter|entering` +
        String.raw`|target|support` +
        String.raw`|targeting|new)\b[^.\n]{0,40}\bplatforms?\b` +
        String.raw`(?![- ]?(specific|check|list|resource|dir|folder|code|api|module|name|guard|` +
        String.raw`detection|flag))`,
      String.raw`\bplatform support\b`) },
  // The guide's hard cases: "deciding what goes into the next major release and why is strategic".
  { id: 'release-scope', side: 'PM', family: 'structure', seed: '000', weight: 2.0,
    meaning: 'Decides what goes into a release: release planning at product level',
    regex: anyOf('', String.raw`\bwhat (goes|should go|will go|gets|to put|we put) into ` +
      String.raw`(the |a |our |each |every )?([a-z0-9.]+ ){0,2}releases?\b`) },
  { id: 'why-argument', side: 'PM', family: 'structure', seed: '001', weight: 1.0,
    meaning: 'Argues why: rationale, motivation for customers or the business',
    regex: anyOf('',
      String.raw`\b(rationale|why this matters|why now` +
        String.raw`|so that (our )?(customers|users|teams|companies|people)` +
        String.raw`|because (our )?(customers|users) )\b`
    ) },
];
