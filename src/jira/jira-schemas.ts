/** zod schemas of the Jira REST v3 responses the app reads (only the parts it uses). */
import { z } from 'zod';

export const FieldListSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    custom: z.boolean().optional(),
    schema: z.object({ custom: z.string().optional(), type: z.string().optional() }).partial().optional(),
  }),
);

export const IssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z
    .object({
      summary: z.string().nullish(),
      description: z.unknown().optional(),
      issuetype: z.object({ name: z.string(), hierarchyLevel: z.number().optional() }).nullish(),
      project: z.object({ key: z.string(), name: z.string().optional() }).nullish(),
      labels: z.array(z.string()).nullish(),
      components: z.array(z.object({ name: z.string() }).partial()).nullish(),
      parent: z
        .object({
          key: z.string(),
          fields: z
            .object({
              summary: z.string().nullish(),
              issuetype: z.object({ name: z.string() }).partial().nullish(),
            })
            .partial()
            .optional(),
        })
        .nullish(),
      created: z.string().nullish(),
      updated: z.string().nullish(),
      status: z.object({ name: z.string() }).partial().nullish(),
      assignee: z.object({ accountId: z.string(), displayName: z.string().optional() }).nullish(),
      reporter: z.object({ accountId: z.string(), displayName: z.string().optional() }).nullish(),
    })
    .catchall(z.unknown())
    .optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
export type JiraIssue = z.infer<typeof IssueSchema>;

export const SearchPageSchema = z.object({
  issues: z.array(IssueSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});
export const CountSchema = z.object({ count: z.number().int().nonnegative() });
export const PropertySchema = z.object({ key: z.string(), value: z.unknown() });
export const ProjectSchema = z.object({ id: z.string(), key: z.string(), name: z.string() });
export const ProjectPageSchema = z.object({ values: z.array(ProjectSchema), isLast: z.boolean().optional() });
export const PermissionsSchema = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })),
});
export const TaskSchema = z.object({
  id: z.string(),
  status: z.string(),
  message: z.string().optional(),
  progress: z.number().optional(),
});
