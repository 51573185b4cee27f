/**
 * What the host page writes to Jira, through the emulator's REST API as the acting user (so Jira's
 * rights apply and the events name that user): creating an issue, editing summary/description, and
 * the search behind `/issues?jql=`. Request bodies are validated with zod.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { JiraEmulator } from '../emulator';
import { textToAdf } from '../emulator/adf';
import { viewerQuery, type Viewer } from './html';

const MAX_BODY_BYTES = 1_000_000;

export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('The request body is too large');
    chunks.push(c as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return null;
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  return JSON.parse(text) as unknown;
}

const asUser = (v: Viewer) => ({
  'content-type': 'application/json',
  accept: 'application/json',
  'x-forge-principal': `user:${v.accountId}`,
});
const jiraMessage = (body: unknown, fallback: string): string => {
  const b = body as { errorMessages?: string[]; errors?: Record<string, string> } | null;
  const messages = [...(b?.errorMessages ?? []), ...Object.values(b?.errors ?? {})];
  return messages.length > 0 ? messages.join(' ') : fallback;
};

const EditBody = z.object({
  summary: z.string().trim().min(1, 'The summary may not be empty.').max(255),
  description: z.string().max(32_000).default(''),
});

export async function handleIssueEdit(
  req: IncomingMessage,
  res: ServerResponse,
  o: { emulator: JiraEmulator; viewer: Viewer; key: string; afterWrite?: () => Promise<void> },
): Promise<void> {
  const wantsJson = (req.headers.accept ?? '').includes('application/json');
  const reply = (status: number, body: Record<string, unknown>) => {
    if (wantsJson) {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
      return;
    }
    res.writeHead(303, { location: `/browse/${encodeURIComponent(o.key)}?${viewerQuery(o.viewer)}` });
    res.end();
  };
  const parsed = EditBody.safeParse(await readBody(req));
  if (!parsed.success) return reply(400, { error: parsed.error.issues.map((i) => i.message).join(' ') });
  const r = await fetch(`${o.emulator.url}/rest/api/3/issue/${encodeURIComponent(o.key)}`, {
    method: 'PUT',
    headers: asUser(o.viewer),
    body: JSON.stringify({
      fields: { summary: parsed.data.summary, description: textToAdf(parsed.data.description) },
    }),
  });
  if (!r.ok)
    return reply(r.status, {
      error: jiraMessage(await r.json().catch(() => null), `Jira refused the edit (${r.status}).`),
    });
  await o.afterWrite?.();
  const issue = o.emulator.store.issues.get(o.key);
  const projectId = issue ? o.emulator.store.projects.get(issue.projectKey)?.id : undefined;
  reply(200, {
    ok: true,
    event: {
      issueId: issue?.id,
      projectId,
      changes: [{ changeType: 'updated', atlassianId: o.viewer.accountId }],
    },
  });
}

const CreateBody = z.object({
  project: z.string().min(1),
  type: z.string().min(1),
  summary: z.string().trim().min(1, 'Enter a summary.').max(255),
  description: z.string().max(32_000).optional(),
  parent: z.string().trim().optional(),
});

export async function handleCreate(
  req: IncomingMessage,
  o: { emulator: JiraEmulator; viewer: Viewer; afterWrite?: () => Promise<void> },
): Promise<{ key: string } | { error: string }> {
  const parsed = CreateBody.safeParse(await readBody(req));
  if (!parsed.success)
    return { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' ') };
  const b = parsed.data;
  const fields = {
    project: { key: b.project },
    issuetype: { name: b.type },
    summary: b.summary,
    ...(b.description ? { description: textToAdf(b.description) } : {}),
    ...(b.parent ? { parent: { key: b.parent.toUpperCase() } } : {}),
  };
  const r = await fetch(`${o.emulator.url}/rest/api/3/issue`, {
    method: 'POST',
    headers: asUser(o.viewer),
    body: JSON.stringify({ fields }),
  });
  const body = (await r.json().catch(() => null)) as { key?: string } | null;
  if (!r.ok || !body?.key)
    return { error: jiraMessage(body, `Jira refused to create the issue (${r.status}).`) };
  await o.afterWrite?.();
  return { key: body.key };
}

export async function runSearch(
  emulator: JiraEmulator,
  v: Viewer,
  jql: string,
): Promise<{
  issues?: Array<{ key: string; fields: { summary?: string; issuetype?: { name?: string } } }>;
  errorMessages?: string[];
}> {
  if (!jql.trim()) return { errorMessages: ['Enter a JQL query.'] };
  const r = await fetch(`${emulator.url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: asUser(v),
    body: JSON.stringify({ jql, fields: ['summary', 'issuetype'], maxResults: 100 }),
  });
  return (await r.json()) as {
    issues?: Array<{ key: string; fields: { summary?: string; issuetype?: { name?: string } } }>;
    errorMessages?: string[];
  };
}
