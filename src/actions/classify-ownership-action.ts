/**
 * "Classify ownership", a custom action for Atlassian Automation rules (manifest `action` listed in
 * `automation:actionProvider`). It classifies the rule's issue as the trigger does, stores the
 * result, and returns kind, share and confidence for later steps ("if strategic, assign to the PM").
 *
 * Atlassian's module reference (manifest-reference/modules/automation-action): "Automation will
 * always invoke your action as a particular user … Therefore, you should always use asUser() when
 * making outbound requests", and "If the user hasn't provided valid inputs to your action, you can
 * return a list of error messages. The rule will stop execution … the rule owner will be notified".
 * So every Jira call here is the rule actor's: an issue they cannot see answers exactly as a missing
 * one does, nothing is written, and no kind is revealed; one they may not edit is not written.
 */
import { z } from 'zod';
import { ISSUE_PROPERTY_KEY, parseStoredClassification } from '../contract';
import { getIssue } from '../jira/jira-api';
import { JiraError } from '../jira/jira-error';
import { classifyAndStore } from '../services/classify-issue';

const InputsSchema = z.object({
  issueKey: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'must be an issue key such as SHOP-123 (in a rule, use {{issue.key}})'),
  onlyIfUnclassified: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .optional(),
});

/**
 * The outputs manifest.yml declares (kind, share, confidence, overridden, outcome), or the rule owner's
 * errors.
 */
export type ActionResult =
  | {
      issueKey: string;
      kind: string;
      share: number;
      confidence: number;
      overridden: boolean;
      outcome: 'stored' | 'unchanged' | 'overridden' | 'already-classified';
    }
  | { errors: Array<{ message: string }> };

const fail = (message: string): ActionResult => ({ errors: [{ message: `Classify ownership: ${message}` }] });

/** Automation passes the configured inputs in the payload (directly or under `inputs`). */
export async function classifyOwnershipAction(payload: unknown): Promise<ActionResult> {
  const raw =
    (payload && typeof payload === 'object' && 'inputs' in payload
      ? (payload as { inputs: unknown }).inputs
      : payload) ?? {};
  const parsed = InputsSchema.safeParse(raw);
  if (!parsed.success)
    return {
      errors: parsed.error.issues.map((i) => ({
        message: `Classify ownership: "${i.path.join('.') || 'inputs'}" ${i.message}.`,
      })),
    };
  const { issueKey, onlyIfUnclassified } = parsed.data;
  try {
    if (onlyIfUnclassified) {
      const existing = parseStoredClassification(
        (await getIssue('user', issueKey)).properties?.[ISSUE_PROPERTY_KEY],
      );
      if (existing) {
        return {
          issueKey,
          kind: existing.kind,
          share: existing.share,
          confidence: existing.confidence,
          overridden: existing.overridden,
          outcome: 'already-classified',
        };
      }
    }
    const r = await classifyAndStore('user', issueKey);
    return {
      issueKey,
      kind: r.stored.kind,
      share: r.stored.share,
      confidence: r.stored.confidence,
      overridden: r.stored.overridden,
      outcome: r.status,
    };
  } catch (e) {
    if (!(e instanceof JiraError)) throw e;
    if (e.code === 'NOT_FOUND')
      return fail(`issue ${issueKey} does not exist or the rule's actor cannot see it.`);
    if (e.code === 'FORBIDDEN')
      return fail(`the rule's actor may not edit ${issueKey}, so its classification was not stored.`);
    return fail(`Jira answered ${e.status} (${e.message}). The rule can be re-run later.`);
  }
}
