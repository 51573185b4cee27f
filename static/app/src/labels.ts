/** Plain-language text for kinds, confidence, sides, seeds and signals (the catalogue's meanings). */
import type { Kind, Side } from '../../../src/domain/types';

export const KIND_LABEL: Record<Kind, string> = {
  strategic: 'Strategic · PM',
  tactical: 'Tactical · PO',
  mixed: 'Mixed',
};

export const SIDE_LABEL: Record<Side, string> = {
  PM: 'Product manager (strategic)',
  PO: 'Product owner (tactical)',
};

export type ConfidenceWord = 'high' | 'medium' | 'low';
export function confidenceWord(confidence: number): ConfidenceWord {
  return confidence >= 0.7 ? 'high' : confidence >= 0.4 ? 'medium' : 'low';
}

export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** The seed articles' own titles (shared/seeds/NNN_*.txt, first line). */
export const SEED_TITLE: Record<string, string> = {
  '000': 'Product owner vs product manager – what’s the difference?',
  '001': 'Product Manager vs. Product Owner: What’s the Difference?',
  '002': 'Product Managers & Product Owners: What’s The Difference?',
  '003': 'Product Manager vs. Product Owner: Who’s Who?',
  '004': 'Product Owner vs. product manager',
};

/** What each distinction means, as src/domain/catalogue.ts words it (a test keeps the two in step). */
export const SIGNAL_MEANING: Record<string, string> = {
  vision: 'Product vision and the bigger picture',
  market: 'Market research, trends, competitors and opportunities',
  'business-goals': 'Business goals, revenue and profitability',
  'what-to-build': 'Deciding which product or feature to build and why',
  roadmap: 'The product roadmap, MVPs and release planning at product level',
  kpi: 'Outcome targets, KPIs and key results',
  'pricing-budget': 'Budgeting, pricing and resourcing across teams',
  'go-to-market': 'Marketing, positioning, launch, sales and go-to-market',
  stakeholders: 'External stakeholders, partners, vendors and executives',
  lifecycle: 'Product lifecycle: new products, sunsetting, entering a platform',
  discovery: 'Customer discovery to learn pain points that shape direction',
  audience: 'Who the product serves and what they need',
  'direction-argument': 'Argues direction: goals, problems worth solving, what success looks like',
  'user-story': 'User stories and acceptance criteria',
  backlog: 'Creating, ordering and refining the product backlog',
  sprint: 'Sprint planning, reviews, retrospectives, demos and increments',
  breakdown: 'Breaking a feature into concrete tasks',
  'engineering-topic': 'Engineering subject matter: APIs, modules, configuration',
  requirements: 'Clarifying requirements for developers',
  'acceptance-qa': 'Accepting completed work, ongoing testing and QA',
  delivery: 'Bug fixes, implementation and refactoring for a shipped feature',
  'engineering-chore': 'Build, CI, upgrades, migrations and other engineering chores',
  coordination: 'Day-to-day coordination of the development team',
  'long-horizon': 'A horizon of quarters or years',
  'short-horizon': 'A horizon of sprints or days',
  'outcome-target': 'An outcome target with a number',
  'user-story-form': 'A user story: “As a … I want … so that …”',
  'given-when-then': 'Acceptance criteria written as Given / When / Then',
  checklist: 'A checklist of concrete tasks',
  'bug-report': 'A bug report: steps to reproduce, expected and actual results',
  'platform-lifecycle': 'Entering or leaving a platform: a product lifecycle decision',
  'release-scope': 'Decides what goes into a release: release planning at product level',
  'why-argument': 'Argues why: rationale and motivation for customers or the business',
  'type-prior': 'The issue type hints at it',
  'parent-epic': 'Its epic leans this way',
  'children-rollup': 'Its child issues lean this way',
  'document-shape': 'How it is written: length, lists, a summary alone',
  'site-calibration': 'How people on this site tag similar work',
  'no-direction': 'No product-manager words: its type alone does not make it strategic',
};

export const signalText = (id: string): string => SIGNAL_MEANING[id] ?? id.replace(/-/g, ' ');
