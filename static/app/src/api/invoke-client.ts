/**
 * The one way the UI reaches the backend: validates the payload with the contract, invokes the
 * resolver through @forge/bridge, parses the `Result<T>` envelope and the data with the contract's
 * result schema, and turns every failure (refusal, unreachable app, odd answer, timeout) into a
 * typed ResolverCallError, so no caller is ever left waiting on a promise that never settles.
 */
import { invoke as bridgeInvoke } from '@forge/bridge';
import { z } from 'zod';
import {
  RESOLVERS,
  ResolverErrorSchema,
  type DataOf,
  type ErrorCode,
  type PayloadOf,
  type ResolverName,
} from '../../../../src/contract';

/** The backend's codes plus the ones only the UI can see. */
export type UiErrorCode = ErrorCode | 'UNREACHABLE' | 'BAD_RESPONSE' | 'TIMEOUT';

export class ResolverCallError extends Error {
  constructor(readonly resolver: ResolverName, readonly code: UiErrorCode, message: string) {
    super(message);
    this.name = 'ResolverCallError';
  }
}

export type InvokeFn = (functionKey: string, payload: Record<string, unknown>) => Promise<unknown>;

/** Forge stops a resolver after 25 s; past this the UI gives up and says so. */
export const INVOKE_TIMEOUT_MS = 30_000;

const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ResolverErrorSchema }),
]);

const FALLBACK_TEXT: Record<UiErrorCode, string> = {
  INVALID_PAYLOAD: 'The app refused the request as malformed.',
  INVALID_CONFIG: 'This gadget needs a project: open its configuration and choose one.',
  NOT_FOUND: 'The issue or project was not found, or you may not see it.',
  FORBIDDEN: 'Jira refused: you lack a permission for this.',
  RATE_LIMITED: 'Jira is busy right now. Try again in a minute.',
  JIRA_UNAVAILABLE: 'Jira is not answering right now. Try again shortly.',
  CONFLICT: 'Someone changed this at the same time. Try again.',
  INTERNAL: 'Something went wrong in the app.',
  UNREACHABLE: 'Could not reach the app. Check your connection and try again.',
  BAD_RESPONSE: 'The app answered with something unexpected. Try again.',
  TIMEOUT: 'The app took too long to answer. Try again.',
};

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(onTimeout()), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function invokeResolver<N extends ResolverName>(
  name: N,
  payload: PayloadOf<N>,
  options: { invoke?: InvokeFn; timeoutMs?: number } = {},
): Promise<DataOf<N>> {
  const fail = (code: UiErrorCode, message?: string) =>
    new ResolverCallError(name, code, message || FALLBACK_TEXT[code]);
  const spec = RESOLVERS[name];
  const checkedPayload = spec.payload.safeParse(payload);
  if (!checkedPayload.success)
    throw fail(
      'INVALID_PAYLOAD',
      `The request was not valid: ${checkedPayload.error.issues[0]?.message ?? 'unknown field'}.`,
    );
  const send: InvokeFn = options.invoke ?? ((key, body) => bridgeInvoke(key, body));
  let raw: unknown;
  try {
    raw = await withTimeout(
      send(name, checkedPayload.data as Record<string, unknown>),
      options.timeoutMs ?? INVOKE_TIMEOUT_MS,
      () => fail('TIMEOUT'),
    );
  } catch (e) {
    if (e instanceof ResolverCallError) throw e;
    throw fail('UNREACHABLE');
  }
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw fail('BAD_RESPONSE');
  if (!envelope.data.ok) throw fail(envelope.data.error.code, envelope.data.error.message);
  const data = spec.result.safeParse(envelope.data.data);
  if (!data.success) throw fail('BAD_RESPONSE');
  return data.data as DataOf<N>;
}

/** Words for any failure: the resolver's own message when it gave one. */
export function errorText(error: unknown): string {
  if (error instanceof ResolverCallError) return error.message;
  return FALLBACK_TEXT.INTERNAL;
}

export function errorCode(error: unknown): UiErrorCode {
  return error instanceof ResolverCallError ? error.code : 'INTERNAL';
}
