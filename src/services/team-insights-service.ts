/**
 * What none of the investment-balance tools ask: is each person doing their own job, and does the
 * hierarchy hold together? Role balance comes from the same windowed figures as the gadget (account
 * ids only; names are looked up as the viewer);
 * hierarchy health costs a few one-page searches and one count, as the viewing user.
 */
import {
  ISSUE_PROPERTY_KEY,
  parseStoredClassification,
  type GadgetConfig,
  type IssueRef,
  type StoredClassification,
  type TeamInsights,
} from '../contract';
import { healthWarnings, roleBalance, type Kind } from '../domain';
import { approximateCount, searchAll, searchJql } from '../jira/jira-api';
import { displayNames, getProject } from '../jira/jira-people';
import { readSettings } from '../storage/app-storage';
import { visibleFigures, windowStart } from './gadget-service';

/** The issues behind a person's figures: classified, in the window, theirs (assignee, else reporter). */
function personJql(config: GadgetConfig, accountId: string): string {
  return (
    `project = "${config.projectKey}" AND created >= "${windowStart(config, new Date())}" ` +
    'AND ownershipKind IS NOT EMPTY ' +
    `AND (assignee = "${accountId}" OR (assignee IS EMPTY AND reporter = "${accountId}")) ` +
    'ORDER BY created DESC'
  );
}

const ref = (key: string, summary: string, s: StoredClassification | null): IssueRef => ({
  key,
  summary,
  type: 'Epic',
  kind: s?.kind ?? null,
  share: s?.share ?? null,
});

export async function teamInsights(config: GadgetConfig): Promise<TeamInsights> {
  await getProject('user', config.projectKey);
  const [{ figures }, settings] = await Promise.all([visibleFigures(config), readSettings()]);
  const counts = figures.people;
  const names = await displayNames('user', Object.keys(counts));
  const people = Object.fromEntries(
    Object.entries(counts).map(([id, k]) => [id, { name: names.get(id) ?? 'A former user', ...k }]),
  );
  const epics = await searchJql(
    'user',
    `project = "${config.projectKey}" AND issuetype = Epic AND ownershipKind IS NOT EMPTY ` +
      'ORDER BY created DESC',
    { fields: ['summary'], properties: [ISSUE_PROPERTY_KEY], maxResults: 50 },
  );
  // Every child of these epics, classified or not (an unclassified child is unknown, not missing).
  const children = new Map<string, Array<{ kind: Kind | null }>>();
  if (epics.issues.length > 0) {
    const all = await searchAll('user', `parent in (${epics.issues.map((e) => e.key).join(', ')})`, {
      fields: ['parent'],
      properties: [ISSUE_PROPERTY_KEY],
    });
    for (const c of all) {
      const parent = c.fields?.parent?.key;
      if (parent)
        children.set(parent, [
          ...(children.get(parent) ?? []),
          { kind: parseStoredClassification(c.properties?.[ISSUE_PROPERTY_KEY])?.kind ?? null },
        ]);
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
  const orphanJql =
    `project = "${config.projectKey}" AND ownershipKind = tactical AND parent IS EMPTY AND issuetype != Epic`;
  return {
    people: roleBalance(people, settings.roles).map((p) => ({ ...p, jql: personJql(config, p.accountId) })),
    hierarchy: {
      visionWithoutExecution: vision,
      childrenDisagree: disagree,
      executionWithoutDirection: {
        count: await approximateCount('user', orphanJql),
        jql: `${orphanJql} ORDER BY created DESC`,
      },
    },
  };
}
