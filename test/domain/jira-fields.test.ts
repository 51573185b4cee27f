import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workItemFromFields, type JiraFields } from '../../src/domain';

const FIXTURES = join(__dirname, '..', '..', '..', 'shared', 'fixtures');
const issueOf = (file: string) =>
  JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { key: string; fields: JiraFields };

describe('a work item from Jira issue fields', () => {
  it('reads a real Jira issue: type, project, summary, components, status and created', () => {
    const issue = issueOf('tidev/TIMOB-10.json');
    const item = workItemFromFields(issue.key, issue.fields, 3);
    expect(item).toMatchObject({
      key: 'TIMOB-10', project: 'TIMOB', type: 'Bug',
      summary: "XP users can't get a succesfully created android project",
      components: ['iOS'], labels: [], parent: null, storyPoints: 3, created: '2011-04-15T02:22:24.000+0000',
    });
    expect(item.status).toBe(issue.fields.status?.name);
  });

  it('fills what Jira leaves out: a Task with an empty summary, no parent, no labels', () => {
    const fields = { summary: null, issuetype: null, labels: null, components: [{}] };
    expect(workItemFromFields('X-1', fields, null)).toEqual({
      key: 'X-1', project: undefined, type: 'Task', summary: '', description: undefined, labels: [],
      components: [],
      parent: null, storyPoints: null, created: undefined, status: undefined,
    });
  });
});
