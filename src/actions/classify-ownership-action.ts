/**
 * "Classify ownership", a custom action for Atlassian Automation rules (manifest `action` listed in
 * `automation:actionProvider`). It classifies the rule's issue as the trigger does, stores the
 * result, and returns kind, share and confidence for later steps ("if strategic, assign to the PM").
 * A bad configuration returns `errors`, which stops the rule and tells its owner what to fix.
 */
import { z } from 'zod';
import { JiraError } from '../jira/jira-error';
import { classifyAndStore } from '../services/classify-issue';
import { getIssue } from '../jira/jira-api';
import { parseStoredClassification, ISSUE_PROPERTY_KEY } from '../contract';

const InputsSchema = z.object({
  issueKey: z.string().trim().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'must be an issue key such as SHOP-123 (in a rule, use {{issue.key}})'),
  onlyIfUnclassified: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
});

export type ActionResult =
  | { issueKey: string; kind: string; share: number; confidence: number; overridden: boolean; outcome: 'stored' | 'unchanged' | 'overridden' | 'already-classified' }
  | { errors: Array<{ message: string }> };

/** Automation passes the configured inputs in the payload (directly or under `inputs`). */
export async function classifyOwnershipAction(payload: unknown): Promise<ActionResult> {
  const raw = (payload && typeof payload === 'object' && 'inputs' in payload ? (payload as { inputs: unknown }).inputs : payload) ?? {};
  const parsed = InputsSchema.safeParse(raw);
  if (!parsed.success) return { errors: parsed.error.issues.map((i) => ({ message: `Classify ownership: "${i.path.join('.') || 'inputs'}" ${i.message}.` })) };
  const { issueKey, onlyIfUnclassified } = parsed.data;
  try {
    if (onlyIfUnclassified) {
      const existing = parseStoredClassification((await getIssue('app', issueKey)).properties?.[ISSUE_PROPERTY_KEY]);
      if (existing) return { issueKey, kind: existing.kind, share: existing.share, confidence: existing.confidence, overridden: existing.overridden, outcome: 'already-classified' };
    }
    const r = await classifyAndStore('app', issueKey);
    return { issueKey, kind: r.stored.kind, share: r.stored.share, confidence: r.stored.confidence, overridden: r.stored.overridden, outcome: r.status };
  } catch (e) {
    if (e instanceof JiraError && e.code === 'NOT_FOUND') return { errors: [{ message: `Classify ownership: issue ${issueKey} does not exist or the app cannot see it.` }] };
    if (e instanceof JiraError) return { errors: [{ message: `Classify ownership: Jira answered ${e.status} (${e.message}). The rule can be re-run later.` }] };
    throw e;
  }
}
