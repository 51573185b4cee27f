/** Typed failures of Jira calls, mapped once to what resolvers and triggers do with them. */
export type JiraErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'BAD_REQUEST'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'BAD_RESPONSE';

export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly code: JiraErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'JiraError';
  }
  get retryable(): boolean {
    return this.code === 'RATE_LIMITED' || this.code === 'UNAVAILABLE' || this.code === 'BAD_RESPONSE';
  }
}

export function codeForStatus(status: number): JiraErrorCode {
  if (status === 404) return 'NOT_FOUND';
  if (status === 403) return 'FORBIDDEN';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500 || status === 0) return 'UNAVAILABLE';
  return 'BAD_REQUEST';
}
