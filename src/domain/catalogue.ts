/**
 * The distinctions catalogue: every signal the classifier uses, its side (PM = strategic,
 * PO = tactical), its patterns, its weight and the seed article it comes from
 * (shared/seeds/NNN_*.txt, condensed in shared/docs/labeling-guide.md).
 * Phrases are matched on whole stemmed words ("roadmaps" meets "roadmap"); the pattern signals
 * (structure-signals.ts) read the lower-cased prose. Changing anything here or there changes RULES_VERSION.
 */
import { HORIZON_AND_STRUCTURE } from './structure-signals';
import type { SeedId, Side } from './types';

export type SignalFamily = 'vocabulary' | 'horizon' | 'outcome-target' | 'structure';

export interface Signal {
  id: string;
  side: Side;
  family: SignalFamily;
  seed: SeedId;
  weight: number;
  /** What the distinction means, in plain language (shown as evidence). */
  meaning: string;
  phrases?: string[];
  regex?: RegExp;
}

const pm = (id: string, seed: SeedId, weight: number, meaning: string, phrases: string[]): Signal =>
  ({ id, side: 'PM', family: 'vocabulary', seed, weight, meaning, phrases });
const po = (id: string, seed: SeedId, weight: number, meaning: string, phrases: string[]): Signal =>
  ({ id, side: 'PO', family: 'vocabulary', seed, weight, meaning, phrases });

export const VOCABULARY: Signal[] = [
  pm('vision', '000', 2.0, 'Product vision and the bigger picture', [
    'vision', 'bigger picture', 'big picture', 'north star', 'mission', 'product direction',
    'strategic direction', 'strategy', 'strategic bet', 'our bet', 'project direction', 'team direction',
    'long term direction', 'direction of the project', 'direction of the product', 'direction of the team',
  ]),
  pm('market', '003', 2.0, 'Market research, trends, competitors and opportunities', [
    'market', 'market research', 'market trend', 'competitor', 'competition', 'competitive', 'market gap',
    'market share', 'competitive landscape', 'market landscape', 'opportunity', 'industry', 'differentiator',
    'differentiate', 'analyst', 'industry analyst',
  ]),
  pm('business-goals', '004', 2.0, 'Business goals, revenue and profitability', [
    'business goal', 'business objective', 'company objective', 'company goal', 'profitability', 'profit',
    'revenue', 'business case', 'arr', 'mrr', 'monetization', 'monetize', 'roi', 'business value',
    'paying customer', 'paid customer', 'upsell', 'expansion revenue', 'customer acquisition',
    'customer churn', 'grow revenue', 'grow the business', 'grow our', 'growth', 'scale the business',
    'enterprise customer', 'win deal', 'close deal',
  ]),
  pm('what-to-build', '001', 1.5, 'Deciding which product or feature to build and why', [
    'which product', 'which feature', 'what to build', 'decide whether', 'product decision', 'prioritize',
    'prioritization', 'our priority', 'top priority', 'focus area', 'our focus', 'we will focus', 'focus on',
    'we will not', 'out of scope for the', 'principle', 'invest', 'investment', 'tradeoff', 'bet on',
    'product area',
  ]),
  pm('roadmap', '000', 2.0, 'The product roadmap, MVPs and release planning at product level', [
    'roadmap', 'mvp', 'minimum viable product', 'release planning', 'product plan', 'next major release',
  ]),
  pm('kpi', '001', 2.0, 'Outcome targets, KPIs and key results', [
    'kpi', 'okr', 'key result', 'success metric', 'north star metric', 'measure success', 'we will know',
    'we ll know', 'outcome', 'business impact', 'customer impact', 'adoption', 'engagement', 'retention',
    'conversion rate', 'nps', 'customer satisfaction',
  ]),
  pm('pricing-budget', '003', 2.0, 'Budgeting, pricing and resourcing across teams', [
    'pricing', 'price', 'budget', 'cost model', 'headcount', 'hire', 'hiring', 'staffing', 'funding',
    'free tier', 'paid tier', 'plan tier', 'billing model',
  ]),
  pm('go-to-market', '002', 2.0, 'Marketing, positioning, launch, sales and go-to-market', [
    'marketing', 'campaign', 'positioning', 'product messaging', 'launch', 'go to market', 'gtm', 'sales',
    'brand awareness', 'brand positioning',
    'sales team', 'brand', 'awareness', 'press release', 'webinar', 'public announcement', 'newsletter',
    'lead generation', 'signup', 'sign up', 'word of mouth', 'referral', 'evangelism', 'outreach', 'audience',
    'target audience', 'case study', 'target account', 'target customer', 'target audience', 'target market',
  ]),
  pm('stakeholders', '000', 1.5, 'External stakeholders, partners, vendors and executives', [
    'stakeholder', 'executive', 'leadership', 'partnership', 'partner program', 'vendor', 'investor',
    'customer advisory', 'contributor growth', 'governance',
  ]),
  pm('lifecycle', '004', 2.0, 'Product lifecycle: new products, sunsetting, entering a platform', [
    'new product', 'sunset', 'ground up', 'product line', 'product market fit', 'pmf', 'enter the market',
    'expand into', 'new platform', 'new segment', 'product category', 'end of life', 'platform strategy',
  ]),
  pm('discovery', '001', 2.0, 'Customer discovery to learn pain points that shape direction', [
    'customer discovery', 'user research', 'customer research', 'customer interview', 'user interview',
    'interview customer', 'interview user', 'pain point', 'user need', 'customer need', 'understand our user',
    'understand our customer', 'persona', 'ideal customer', 'icp', 'customer segment', 'market segment',
    'jobs to be done', 'customer survey', 'user survey', 'customer feedback', 'user feedback',
    'user experience research', 'customer insight', 'find out how people', 'find out how user',
    'find out how customer', 'understand how people', 'understand how user', 'understand how customer',
  ]),
  pm('audience', '001', 1.0, 'Who the product serves and what they need: customers, users, developers', [
    'our customer', 'developer experience', 'customer experience', 'world class', 'first class',
    'best in class', 'easy to', 'intuitive', 'delightful', 'seamless', 'enterprise', 'teams who',
    'people who', 'newcomer', 'beginner',
  ]),
  pm('direction-argument', '002', 1.0,
    'Argues direction: goals, problems worth solving, what success looks like', [
    'our goal', 'we believe', 'we want to', 'we aim', 'aim to', 'ambition', 'problem space',
    'why this matter', 'so that', 'empower', 'unlock', 'become the', 'the best',
    'default choice', 'standard for', 'foundation of', 'long term', 'sustainable', 'consensus', 'explore',
    'evaluate whether', 'research',
  ]),
  po('user-story', '000', 2.0, 'User stories and acceptance criteria', [
    'user story', 'acceptance criterion', 'acceptance test', 'definition of done', 'so that i',
    'so that we can',
  ]),
  po('backlog', '001', 2.0, 'Creating, ordering and refining the product backlog', [
    'backlog', 'backlog item', 'groom', 'grooming', 'refinement', 'ticket', 'story point', 'estimate',
    'estimation',
  ]),
  po('sprint', '003', 2.0, 'Sprint planning, reviews, retrospectives, demos and increments', [
    'sprint', 'sprint planning', 'sprint review', 'retrospective', 'retro', 'standup', 'stand up',
    'iteration', 'increment',
  ]),
  po('breakdown', '001', 1.2, 'Breaking a feature into concrete tasks', [
    'add a', 'add an', 'add support', 'add the', 'implement', 'implementation', 'endpoint', 'button',
    'screen', 'dialog', 'checkbox', 'dropdown', 'modal', 'subcommand', 'prototype', 'spike', 'stub',
    'wire up', 'hook up', 'rename', 'move the', 'update the', 'change the', 'remove the', 'expose',
    'refactor',
  ]),
  po('engineering-topic', '003', 0.5, 'Engineering subject matter: APIs, modules, configuration', [
    'api', 'field', 'column', 'menu', 'tab', 'page', 'form', 'setting', 'flag', 'parameter', 'argument',
    'command', 'cli', 'property', 'attribute', 'method', 'function', 'class', 'module', 'plugin', 'library',
    'sdk', 'schema', 'database', 'query', 'cache', 'config', 'configuration', 'controller', 'component',
    'widget', 'template', 'script', 'compiler', 'container', 'cluster', 'collector', 'instrumentation',
    'protocol', 'spec', 'rfc', 'json', 'yaml', 'regex', 'thread', 'runtime', 'async', 'type',
  ]),
  po('requirements', '002', 1.5, 'Clarifying requirements for developers; requirements readiness', [
    'requirement', 'specification', 'edge case', 'clarify', 'mockup', 'design doc', 'technical design',
    'proposal', 'alternative considered', 'non goal', 'graduation criterion', 'feature gate', 'alpha', 'beta',
    'stable', 'stabilize', 'stabilization', 'ga',
  ]),
  po('acceptance-qa', '003', 1.5, 'Accepting completed work, ongoing testing and QA', [
    'test', 'testing', 'qa', 'verify', 'verification', 'regression', 'unit test', 'integration test', 'e2e',
    'test plan', 'test case', 'coverage', 'reproduce', 'reproducible',
  ]),
  po('delivery', '003', 1.5,
    'Bug fixes, implementation, refactoring, build/CI and docs for a shipped feature', [
    'bug', 'fix', 'crash', 'exception', 'broken', 'regression', 'refactor', 'cleanup', 'clean up',
    'tech debt', 'technical debt', 'typo', 'workaround', 'stack trace', 'leak', 'hotfix', 'patch',
    'pull request', 'pr', 'merge', 'changelog', 'release note', 'does not work', 'doesnt work', 'not working',
    'stop working', 'throw', 'null pointer', 'undefined',
  ]),
  po('engineering-chore', '003', 0.7, 'Build, CI, upgrades, migrations and other engineering chores', [
    'error', 'fail', 'failure', 'migrate', 'migration', 'upgrade', 'bump', 'dependency', 'build', 'ci',
    'pipeline', 'compile', 'deprecate', 'deprecation', 'documentation', 'doc', 'docs', 'performance',
    'latency', 'memory', 'timeout', 'warning', 'log', 'release', 'version', 'commit', 'deploy', 'rollout',
  ]),
  po('coordination', '004', 1.0, 'Day-to-day coordination of the development team', [
    'daily', 'unblock', 'blocker', 'blocked', 'hand off', 'handoff', 'dev team', 'developer question',
    'pairing', 'code review', 'review the pr',
  ]),
];

export const SIGNALS: Signal[] = [...VOCABULARY, ...HORIZON_AND_STRUCTURE];

/*
 * Labels are not evidence: in the sources a label is set on a whole document or board ("roadmap2018",
 * "okr", "strategy-page"), so it says nothing about one item. Issue types enter the model as inputs
 * (model-inputs.ts) with fitted weights, not as hand-set priors.
 */

/** Words that turn a following match into its opposite ("not a roadmap item"). */
export const NEGATORS = new Set([
  'not', 'no', 'non', 'without', 'never', 'isnt', 'arent', 'dont', 'doesnt', 'wont', 'neither', 'nor',
  'nothing', 'cannot', 'cant', 'didnt', 'wasnt', 'werent', 'shouldnt', 'hasnt', 'havent', 'wouldnt',
  'couldnt',
]);

/**
 * Words that, right after a negator, make it no negation of what follows: "not only a roadmap but…" and
 * "not just pricing" affirm it; "no longer support the platform" decides to stop it (still the decision).
 */
export const NEGATION_BREAKERS = new Set(['only', 'just', 'longer']);

/** Scoring constants (part of the rules, so part of RULES_VERSION). */
export const SCORING = {
  /** Each further match of one signal counts half the one before, up to maxMatchesPerSignal. */
  repeatDecay: 0.5,
  maxMatchesPerSignal: 3,
  /** The guide's bands: a share ≥ 0.6 is strategic, ≤ 0.4 tactical, mixed between. */
  strategicAt: 0.6,
  tacticalAt: 0.4,
  /**
   * "Issue type is a hint, never the answer" (labeling guide, seed 000): without a product-manager word in
   * its own text, an item's type, place and shape can make it mixed at most, never strategic.
   */
  shareWithoutPmEvidence: 0.59,
  childrenBlend: 0.4,
  maxAnalysedChars: 20000,
};
