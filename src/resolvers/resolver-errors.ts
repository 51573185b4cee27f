/** One mapping from failures to the resolver error shape, with messages a user can act on. */
import type { ResolverError } from '../contract';
import { JiraError } from '../jira/jira-error';
import { ConflictError } from '../services/service-errors';

export class InvalidInput extends Error {
  constructor(readonly code: 'INVALID_PAYLOAD' | 'INVALID_CONFIG', message: string) { super(message); }
}

export function toResolverError(e: unknown): ResolverError {
  if (e instanceof InvalidInput) return { code: e.code, message: e.message };
  if (e instanceof ConflictError) return { code: 'CONFLICT', message: e.message };
  if (e instanceof JiraError) {
    switch (e.code) {
      case 'NOT_FOUND':
        return {
          code: 'NOT_FOUND',
          message: 'Jira says this does not exist or you do not have permission to see it.',
        };
      case 'FORBIDDEN':
        return { code: 'FORBIDDEN', message: `Jira refused: ${e.message}` };
      case 'UNAUTHENTICATED':
        return { code: 'FORBIDDEN', message: 'Jira needs you to be signed in to do this.' };
      case 'RATE_LIMITED':
        return {
          code: 'RATE_LIMITED',
          message: 'Jira is rate limiting requests right now. Try again in a minute.',
        };
      case 'BAD_REQUEST':
        return { code: 'INVALID_PAYLOAD', message: `Jira rejected the request: ${e.message}` };
      default:
        return {
          code: 'JIRA_UNAVAILABLE',
          message: 'Jira is not answering properly right now. Try again in a minute.',
        };
    }
  }
  return {
    code: 'INTERNAL',
    message: 'Something went wrong in Ownership Balance. Try again; if it persists, tell your Jira admin.',
  };
}
