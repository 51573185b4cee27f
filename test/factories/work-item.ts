import type { WorkItem } from '../../src/domain';

/** Test factory: a neutral work item, overridden field by field. */
export function makeWorkItem(overrides: Partial<WorkItem> = {}): WorkItem {
  return {
    key: 'TEST-1',
    project: 'TEST',
    type: 'Task',
    summary: 'Update item',
    description: null,
    labels: [],
    components: [],
    parent: null,
    storyPoints: null,
    ...overrides,
  };
}
