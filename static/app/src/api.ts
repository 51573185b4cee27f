/** Typed calls to the resolver: one wrapper for every name in the contract, results parsed with its schemas. */
import { invoke } from '@forge/bridge';
import { RESOLVERS, type DataOf, type PayloadOf, type ResolverError, type ResolverName } from '../../../src/contract';

export class ResolverCallError extends Error {
  constructor(readonly error: ResolverError) { super(error.message); }
}

export async function call<N extends ResolverName>(name: N, payload: PayloadOf<N>): Promise<DataOf<N>> {
  let raw: unknown;
  try {
    raw = await invoke(name, payload as Record<string, unknown>);
  } catch (e) {
    throw new ResolverCallError({ code: 'INTERNAL', message: `Could not reach the app: ${(e as Error).message}` });
  }
  const r = raw as { ok?: boolean; data?: unknown; error?: ResolverError };
  if (r && r.ok === false && r.error) throw new ResolverCallError(r.error);
  const parsed = RESOLVERS[name].result.safeParse(r?.data);
  if (!r?.ok || !parsed.success) throw new ResolverCallError({ code: 'INTERNAL', message: 'The app answered with something unexpected. Try again.' });
  return parsed.data as DataOf<N>;
}
