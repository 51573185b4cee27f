/**
 * How long Forge lets one invocation run, by what invoked it (limits-invocation): 25 s for resolvers,
 * product triggers and actions; "async events and scheduled trigger module … Default timeout is 55
 * seconds. Use timeoutSeconds to extend it", up to 900.
 */
import type { ParsedManifest } from './manifest-modules';
import { CONSUMER_DEFAULT_LIMIT_MS, CONSUMER_MAX_LIMIT_MS, INVOCATION_LIMIT_MS } from './platform-limits';

export function invocationLimitMs(manifest: ParsedManifest, moduleType: string, functionKey: string): number {
  if (moduleType !== 'consumer' && moduleType !== 'scheduledTrigger') return INVOCATION_LIMIT_MS;
  const seconds = manifest.timeouts.get(functionKey);
  return seconds === undefined ? CONSUMER_DEFAULT_LIMIT_MS : Math.min(seconds * 1000, CONSUMER_MAX_LIMIT_MS);
}
