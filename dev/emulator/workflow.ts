/**
 * The workflow of the local Jira: Jira Software's simplified one — To Do, In Progress, Done, each
 * with its status category, and a global transition into each status. Moving an issue emits
 * avi:jira:updated:issue with a `status` changelog item, as Jira does.
 */
export interface StatusCategory {
  id: number;
  key: 'new' | 'indeterminate' | 'done';
  colorName: string;
  name: string;
}
export interface Status { id: string; name: string; category: StatusCategory }

const CATEGORIES: Record<StatusCategory['key'], StatusCategory> = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
};

export const STATUSES: Status[] = [
  { id: '10000', name: 'To Do', category: CATEGORIES.new },
  { id: '3', name: 'In Progress', category: CATEGORIES.indeterminate },
  { id: '10002', name: 'Done', category: CATEGORIES.done },
];

/** One global transition into each status: id 11 → To Do, 21 → In Progress, 31 → Done. */
export const TRANSITIONS = STATUSES.map((s, i) => ({ id: String(11 + i * 10), name: s.name, to: s }));

export const statusNamed = (name: string): Status =>
  STATUSES.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? STATUSES[0]!;
export const categoryOf = (statusName: string): StatusCategory => statusNamed(statusName).category;

/** A status as Jira's REST API shows it. */
export function statusJson(site: string, s: Status): Record<string, unknown> {
  return {
    self: `${site}/rest/api/3/status/${s.id}`,
    id: s.id,
    name: s.name,
    description: '',
    iconUrl: `${site}/images/icons/statuses/generic.png`,
    statusCategory: {
      self: `${site}/rest/api/3/statuscategory/${s.category.id}`,
      id: s.category.id,
      key: s.category.key,
      colorName: s.category.colorName,
      name: s.category.name,
    },
  };
}

/** A transition as GET /issue/{key}/transitions lists it: global, screenless, always available. */
export function transitionJson(site: string, t: (typeof TRANSITIONS)[number]): Record<string, unknown> {
  return {
    id: t.id, name: t.name, to: statusJson(site, t.to), hasScreen: false, isGlobal: true, isInitial: false,
    isAvailable: true, isConditional: false, isLooped: false,
  };
}
