/**
 * What none of the investment-balance tools ask: is each person doing their own job, and does the
 * hierarchy hold together? Role balance comes from the same windowed figures as the gadget (account
 * ids only; names are looked up as the viewer);
 * hierarchy health costs a few one-page searches and one count, as the viewing user.
 */
import { ISSUE_PROPERTY_KEY, parseStoredClassification, type GadgetConfig, type IssueRef, type StoredClassification, type TeamInsights } from '../contract';
import { healthWarnings, strategicShareOf, type Kind } from '../domain';
import { approximateCount, displayNames, getProject, searchAll, searchJql } from '../jira/jira-api';
import { readSettings } from '../storage/app-storage';
import { visibleFigures } from './gadget-service';

export function roleBalance(people: Record<string, { name: string; strategic: number; tactical: number; mixed: number }>, roles: Record<string, 'PM' | 'PO'>): TeamInsights['people'] {
  return Object.entries(people)
    .filter(([, p]) => p.strategic + p.tactical + p.mixed > 0)
    .map(([accountId, p]) => {
      const share = strategicShareOf({ ...p, unclassified: 0 });
      const set = roles[accountId];
      const role = set ?? (share === null ? null : share >= 0.6 ? 'PM' : share <= 0.25 ? 'PO' : null);
      const total = p.strategic + p.tactical + p.mixed;
      let flag: TeamInsights['people'][number]['flag'] = null;
      let flagMessage: string | null = null;
      if (role === 'PM' && share !== null && share < 0.3 && total >= 3) { flag = 'PM_BURIED_IN_BACKLOG'; flagMessage = `${p.name} is a product manager, but ${Math.round((1 - share) * 100)}% of their work is backlog delivery: who is setting direction?`; }
      if (role === 'PO' && share !== null && share > 0.5 && total >= 3) { flag = 'PO_CARRYING_STRATEGY'; flagMessage = `${p.name} is a product owner carrying strategy (${Math.round(share * 100)}% strategic): is the product manager involved?`; }
      return { accountId, displayName: p.name, role, roleSource: set ? 'settings' as const : role ? 'inferred' as const : null, strategic: p.strategic, tactical: p.tactical, mixed: p.mixed, strategicShare: share, flag, flagMessage };
    })
    .sort((a, b) => (b.strategic + b.tactical + b.mixed) - (a.strategic + a.tactical + a.mixed) || a.accountId.localeCompare(b.accountId))
    .slice(0, 25);
}

const ref = (key: string, summary: string, s: StoredClassification | null): IssueRef => ({ key, summary, type: 'Epic', kind: s?.kind ?? null, share: s?.share ?? null });

export async function teamInsights(config: GadgetConfig): Promise<TeamInsights> {
  await getProject('user', config.projectKey);
  const [{ figures }, settings] = await Promise.all([visibleFigures(config), readSettings()]);
  const counts = figures.people;
  const names = await displayNames('user', Object.keys(counts));
  const people = Object.fromEntries(Object.entries(counts).map(([id, k]) => [id, { name: names.get(id) ?? 'A former user', ...k }]));
  const epics = await searchJql('user', `project = "${config.projectKey}" AND issuetype = Epic AND ownershipKind IS NOT EMPTY ORDER BY created DESC`, { fields: ['summary'], properties: [ISSUE_PROPERTY_KEY], maxResults: 50 });
  // Every child of these epics, classified or not (an unclassified child is unknown, not missing).
  const children = new Map<string, Array<{ kind: Kind | null }>>();
  if (epics.issues.length > 0) {
    const all = await searchAll('user', `parent in (${epics.issues.map((e) => e.key).join(', ')})`, { fields: ['parent'], properties: [ISSUE_PROPERTY_KEY] });
    for (const c of all) {
      const parent = c.fields?.parent?.key;
      if (parent) children.set(parent, [...(children.get(parent) ?? []), { kind: parseStoredClassification(c.properties?.[ISSUE_PROPERTY_KEY])?.kind ?? null }]);
    }
  }
  const vision: IssueRef[] = [];
  const disagree: IssueRef[] = [];
  for (const e of epics.issues) {
    const s = parseStoredClassification(e.properties?.[ISSUE_PROPERTY_KEY]);
    if (!s) continue;
    const warnings = healthWarnings(s, children.get(e.key) ?? []).map((w) => w.code);
    if (warnings.includes('VISION_WITHOUT_EXECUTION')) vision.push(ref(e.key, e.fields?.summary ?? '', s));
    if (warnings.includes('CHILDREN_DISAGREE')) disagree.push(ref(e.key, e.fields?.summary ?? '', s));
  }
  const orphanJql = `project = "${config.projectKey}" AND ownershipKind = tactical AND parent IS EMPTY AND issuetype != Epic`;
  return {
    people: roleBalance(people, settings.roles),
    hierarchy: { visionWithoutExecution: vision, childrenDisagree: disagree, executionWithoutDirection: { count: await approximateCount('user', orphanJql), jql: `${orphanJql} ORDER BY created DESC` } },
  };
}
