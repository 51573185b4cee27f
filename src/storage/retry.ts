/**
 * Asking Forge to deliver an event again (@forge/events InvocationError): for the trigger and the
 * queue consumers, after a Jira outage or a storage failure. Kept here so that only src/storage
 * imports @forge/events.
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { JiraError } from '../jira/jira-error';

export type RetryRequest = InvocationError;

export function retryLater(error: unknown): RetryRequest {
  const seconds = error instanceof JiraError ? Math.max(5, error.retryAfterSeconds ?? 30) : 10;
  const status = error instanceof JiraError ? error.status : 'storage';
  return new InvocationError({
    retryAfter: seconds,
    retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
    retryData: { status },
  });
}
