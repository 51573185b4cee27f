/** The handlers manifest.yml names, and nothing else. */
export { resolverHandler as resolver } from './resolvers';
export { onIssueEvent } from './triggers/issue-event-trigger';
export { onAppInstalled } from './triggers/app-installed-trigger';
export { backfillWorker } from './jobs/backfill-worker';
export { classifyOwnershipAction } from './actions/classify-ownership-action';
export { reconcileSchedule, reconcileWorker } from './jobs/reconcile-worker';
