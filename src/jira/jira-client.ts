/**
 * The one place that talks to Jira: `requestJira` with the `route` tag, as the user or as the app,
 * with status checks, zod-parsed bodies, and retries of 429 / 5xx / dropped connections honouring
 * Retry-After with jittered backoff, within the invocation's remaining time.
 */
import api, { getAppContext, NeedsAuthenticationError, type Route } from '@forge/api';
import type { z } from 'zod';
import { JiraError, codeForStatus } from './jira-error';

export type Actor = 'user' | 'app';

export interface RequestOptions<T> {
  /** Who calls: the viewing user (Jira enforces their rights) or the app. */ as: Actor;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  schema?: z.ZodType<T>;
  okStatuses?: number[];
  /** Return the response headers instead of a body. */ headers?: boolean;
}

/**
 * True for the error Forge turns into a consent prompt: callers must rethrow it, never map it to a result.
 */
export function needsUserConsent(e: unknown): boolean { return e instanceof NeedsAuthenticationError; }

/** A `.catch` that falls back to `value` for any failure but a consent request, which it rethrows. */
export const unlessConsent =
  <T>(value: T) =>
  (e: unknown): T => {
    if (needsUserConsent(e)) throw e;
    return value;
  };

const MAX_ATTEMPTS = 6;
const SAFETY_MARGIN_MS = 2000;
export const retryPolicy = { baseDelayMs: 250, maxDelayMs: 8000 };

function remainingMs(): number {
  try { return getAppContext().invocationRemainingTimeInMillis(); } catch { return 25000; }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { errorMessages?: string[]; errors?: Record<string, string> };
    return (
      [...(body.errorMessages ?? []), ...Object.values(body.errors ?? {})].join(' ') ||
      `Jira answered ${res.status}`
    );
  } catch { return `Jira answered ${res.status}`; }
}

/** Called as `requestJira(route`…`, { as, method, … })` so @forge/lint sees every endpoint and method. */
export async function requestJira<T = unknown>(path: Route, options: RequestOptions<T>): Promise<T> {
  const requester = options.as === 'user' ? api.asUser() : api.asApp();
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers: {
      Accept: 'application/json',
      ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
  };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  let lastError: JiraError | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let res: Response;
    try {
      res = (await requester.requestJira(path, init as never)) as unknown as Response;
    } catch (e) {
      // Forge asks the user for consent when NeedsAuthenticationError reaches the platform: let it through.
      if (e instanceof NeedsAuthenticationError) throw e;
      if ((e as Error).name === 'ProxyRequestError')
        throw new JiraError(401, 'UNAUTHENTICATED', (e as Error).message);
      lastError = new JiraError(0, 'UNAVAILABLE', `Jira could not be reached (${(e as Error).message}).`);
      if (!(await backoff(attempt, undefined))) break;
      continue;
    }
    const ok = options.okStatuses ? options.okStatuses.includes(res.status) : res.ok;
    if (!ok) {
      const retryAfter = Number(res.headers.get('retry-after'));
      const err = new JiraError(
        res.status,
        codeForStatus(res.status),
        await errorMessage(res),
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      );
      if (!err.retryable) throw err;
      lastError = err;
      if (!(await backoff(attempt, err.retryAfterSeconds))) break;
      continue;
    }
    if (options.headers) return res.headers as unknown as T;
    if (!options.schema) return undefined as T;
    let json: unknown;
    try { json = await res.json(); } catch {
      lastError = new JiraError(res.status, 'BAD_RESPONSE', 'Jira sent a response that is not valid JSON.');
      if (!(await backoff(attempt, undefined))) break;
      continue;
    }
    const parsed = options.schema.safeParse(json);
    if (!parsed.success)
      throw new JiraError(
        res.status,
        'BAD_RESPONSE',
        `Jira's response did not have the expected shape: ${parsed.error.issues[0]?.path.join('.')} ` +
          `${parsed.error.issues[0]?.message}`,
      );
    return parsed.data;
  }
  throw lastError ?? new JiraError(0, 'UNAVAILABLE', 'Jira did not answer.');
}

/** Waits before the next attempt; false when the invocation has no time left for it. */
async function backoff(attempt: number, retryAfterSeconds: number | undefined): Promise<boolean> {
  const exp = Math.min(retryPolicy.maxDelayMs, retryPolicy.baseDelayMs * 2 ** attempt);
  const jittered = exp / 2 + Math.random() * (exp / 2);
  const delay = retryAfterSeconds !== undefined ? Math.max(retryAfterSeconds * 1000, jittered) : jittered;
  if (attempt + 1 >= MAX_ATTEMPTS || delay > remainingMs() - SAFETY_MARGIN_MS) return false;
  await sleep(delay);
  return true;
}
