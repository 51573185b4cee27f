/**
 * Which screen a Forge context asks for: routed on the module key, the extension type and the entry point.
 */
import { z } from 'zod';

export const MODULE_KEYS = {
  panel: 'ownership-panel',
  gadget: 'ownership-gadget',
  admin: 'ownership-admin',
  action: 'classify-ownership',
  report: 'ownership-report',
} as const;

export type Screen =
  | { name: 'issue-panel' }
  | { name: 'gadget-view' }
  | { name: 'project-report' }
  | { name: 'gadget-edit'; saved: unknown }
  | { name: 'admin' }
  | { name: 'action-config'; saved: unknown; invalid: Record<string, { message?: string }> }
  | { name: 'unknown'; moduleKey: string | null };

const ContextSchema = z
  .object({
    moduleKey: z.string().optional(),
    extension: z
      .object({
        type: z.string().optional(),
        entryPoint: z.string().optional(),
        gadgetConfiguration: z.unknown().optional(),
        data: z.object({ inputs: z.unknown().optional() }).loose().optional(),
        errors: z
          .object({
            invalidInputs: z
              .record(z.string(), z.object({ message: z.string().optional() }).loose())
              .optional(),
          })
          .loose()
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

export function routeFor(context: unknown): Screen {
  const parsed = ContextSchema.safeParse(context);
  if (!parsed.success) return { name: 'unknown', moduleKey: null };
  const { moduleKey, extension } = parsed.data;
  const type = extension?.type;
  if (moduleKey === MODULE_KEYS.panel || type === 'jira:issuePanel') return { name: 'issue-panel' };
  if (moduleKey === MODULE_KEYS.admin || type === 'jira:adminPage') return { name: 'admin' };
  if (moduleKey === MODULE_KEYS.report || type === 'jira:projectPage') return { name: 'project-report' };
  if (moduleKey === MODULE_KEYS.action) {
    return {
      name: 'action-config',
      saved: extension?.data?.inputs ?? {},
      invalid: extension?.errors?.invalidInputs ?? {},
    };
  }
  if (moduleKey === MODULE_KEYS.gadget || type === 'jira:dashboardGadget') {
    return extension?.entryPoint === 'edit'
      ? { name: 'gadget-edit', saved: extension.gadgetConfiguration ?? {} }
      : { name: 'gadget-view' };
  }
  return { name: 'unknown', moduleKey: moduleKey ?? null };
}
