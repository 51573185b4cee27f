/**
 * Jira's project and global permission keys, and the right each needs in the local Jira's model
 * (browse, edit, or Jira admin). An unknown key is refused, as Jira refuses it.
 */
export type Right = 'browse' | 'edit' | 'admin';

const BROWSE = [
  'BROWSE_PROJECTS',
  'VIEW_DEV_TOOLS',
  'VIEW_READONLY_WORKFLOW',
  'VIEW_VOTERS_AND_WATCHERS',
  'USER_PICKER',
];
const EDIT = [
  'EDIT_ISSUES',
  'CREATE_ISSUES',
  'TRANSITION_ISSUES',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'ADD_COMMENTS',
  'EDIT_OWN_COMMENTS',
  'DELETE_OWN_COMMENTS',
  'DELETE_ISSUES',
  'SCHEDULE_ISSUES',
  'RESOLVE_ISSUES',
  'CLOSE_ISSUES',
  'MOVE_ISSUES',
  'LINK_ISSUES',
  'CREATE_ATTACHMENTS',
  'DELETE_OWN_ATTACHMENTS',
  'WORK_ON_ISSUES',
  'EDIT_OWN_WORKLOGS',
  'MODIFY_REPORTER',
  'MANAGE_WATCHERS',
];
const ADMIN = [
  'ADMINISTER',
  'ADMINISTER_PROJECTS',
  'EDIT_ALL_COMMENTS',
  'DELETE_ALL_COMMENTS',
  'DELETE_ALL_ATTACHMENTS',
  'EDIT_ALL_WORKLOGS',
  'DELETE_ALL_WORKLOGS',
  'SET_ISSUE_SECURITY',
  'VIEW_WORKFLOW_READONLY',
  'BULK_CHANGE',
  'CREATE_SHARED_OBJECTS',
  'MANAGE_GROUP_FILTER_SUBSCRIPTIONS',
];

const RIGHTS = new Map<string, Right>([
  ...BROWSE.map((k) => [k, 'browse'] as const),
  ...EDIT.map((k) => [k, 'edit'] as const),
  ...ADMIN.map((k) => [k, 'admin'] as const),
]);

/** The right a permission key needs, or null for a key Jira does not have. */
export const rightFor = (key: string): Right | null => RIGHTS.get(key) ?? null;

/** Global permissions (the rest are project permissions). */
export const isGlobal = (key: string) =>
  [
    'ADMINISTER',
    'BULK_CHANGE',
    'CREATE_SHARED_OBJECTS',
    'MANAGE_GROUP_FILTER_SUBSCRIPTIONS',
    'USER_PICKER',
  ].includes(key);
