/** Plain-language text for kinds, confidence, seeds and signals. */
import type { Kind } from '../../../src/domain/types';

export const KIND_LABEL: Record<Kind, string> = { strategic: 'Strategic · PM', tactical: 'Tactical · PO', mixed: 'Mixed' };

export function confidenceWord(c: number): 'high' | 'medium' | 'low' {
  return c >= 0.7 ? 'high' : c >= 0.4 ? 'medium' : 'low';
}

/** The seed articles' own titles (shared/seeds/NNN_*.txt, first line). */
export const SEED_TITLE: Record<string, string> = {
  '000': 'Product owner vs product manager – what’s the difference?',
  '001': 'Product Manager vs. Product Owner: What’s the Difference?',
  '002': 'Product Managers & Product Owners: What’s The Difference?',
  '003': 'Product Manager vs. Product Owner: Who’s Who?',
  '004': 'Product Owner vs. product manager',
};

const SIGNAL_TEXT: Record<string, string> = {
  vision: 'product vision and the bigger picture', market: 'market, competitors and opportunities', 'business-goals': 'business goals and revenue',
  'what-to-build': 'deciding what to build and why', roadmap: 'the product roadmap', kpi: 'outcome targets and KPIs', 'pricing-budget': 'pricing, budget and resourcing',
  'go-to-market': 'launch, marketing and sales', stakeholders: 'stakeholders and partners', lifecycle: 'product lifecycle decisions', discovery: 'customer discovery',
  audience: 'who the product serves', 'direction-argument': 'arguing direction', 'user-story': 'user stories and acceptance criteria', backlog: 'the backlog',
  sprint: 'sprints and increments', breakdown: 'concrete tasks', 'engineering-topic': 'engineering details', requirements: 'requirements for developers',
  'acceptance-qa': 'testing and acceptance', delivery: 'bug fixes and delivery', 'engineering-chore': 'engineering chores', coordination: 'day-to-day coordination',
  'long-horizon': 'a horizon of quarters or years', 'short-horizon': 'a horizon of sprints or days', 'outcome-target': 'a numeric outcome target',
  'user-story-form': 'a user story', 'given-when-then': 'Given/When/Then criteria', checklist: 'a task checklist', 'bug-report': 'a bug report',
  'ship-list': 'a list of deliverables', 'platform-lifecycle': 'entering or leaving a platform', 'why-argument': 'a rationale', 'label-strategic': 'a strategy label',
  'label-tactical': 'a delivery label', 'type-prior': 'the issue type', 'parent-epic': 'its epic', 'children-rollup': 'its child issues',
};

export const signalText = (id: string) => SIGNAL_TEXT[id] ?? id.replace(/-/g, ' ');
