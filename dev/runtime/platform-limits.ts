/**
 * Forge's documented limits that this app can meet, enforced by the local runtime so that nothing
 * passes here that Forge refuses. Each figure cites its page on developer.atlassian.com/platform/forge.
 */

/**
 * storage-reference/handling-errors-kvs: "The provided key does not match the regex:
 * /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/".
 */
export const KVS_KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
/** Same page: KEY_TOO_LONG, "exceeded the maximum 500 characters". */
export const KVS_MAX_KEY_LENGTH = 500;
/** limits-kvs-ce: a value is at most 240 KiB (measured on its JSON). */
export const KVS_MAX_VALUE_BYTES = 240 * 1024;
/** handling-errors-customentities: MAX_DEPTH, "the maximum object depth (32)". */
export const KVS_MAX_DEPTH = 32;
/**
 * runtime-reference/storage-api-query: `.limit(10)` "Limit the result size to 10 values, up to a maximum of
 * 20".
 */
export const KVS_MAX_QUERY_LIMIT = 20;

/** limits-async-events: 50 events per request, 200 KB combined payload, retryData 4 KB, delay ≤ 900 s. */
export const QUEUE_MAX_EVENTS_PER_PUSH = 50;
export const QUEUE_MAX_PAYLOAD_BYTES = 200 * 1024;
export const QUEUE_MAX_RETRY_DATA_BYTES = 4 * 1024;
/** Same page: "Payload size for long running functions 100 KB" (a consumer with timeoutSeconds > 55). */
export const QUEUE_MAX_EVENT_BYTES_LONG_RUNNING = 100 * 1024;

/**
 * limits-invocation: "Runtime seconds 25" for functions invoked by users (resolvers, actions) and
 * product events (triggers); "async events … 900 … Default timeout is 55 seconds. Use
 * timeoutSeconds to extend it."
 */
export const INVOCATION_LIMIT_MS = 25_000;
export const CONSUMER_DEFAULT_LIMIT_MS = 55_000;
export const CONSUMER_MAX_LIMIT_MS = 900_000;

export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

/** Nesting depth of a JSON value: a scalar is 0, `{}` or `[]` is 1, `{a:{}}` is 2. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) { deepest = Math.max(deepest, d); continue; }
    deepest = Math.max(deepest, d + 1);
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}

/** Why Forge's storage would refuse this key, or null. */
export function kvsKeyProblem(key: string): { code: string; message: string } | null {
  if (key.length === 0)
    return { code: 'KEY_TOO_SHORT', message: 'The provided key needs to be more than one character' };
  if (key.length > KVS_MAX_KEY_LENGTH)
    return {
      code: 'KEY_TOO_LONG',
      message: `The provided key has exceeded the maximum ${KVS_MAX_KEY_LENGTH} characters`,
    };
  if (!KVS_KEY_PATTERN.test(key))
    return { code: 'INVALID_KEY', message: `The provided key does not match the regex: ${KVS_KEY_PATTERN}` };
  return null;
}

/** Why Forge's storage would refuse this value, or null. */
export function kvsValueProblem(value: unknown): { code: string; message: string } | null {
  const bytes = jsonBytes(value);
  if (bytes > KVS_MAX_VALUE_BYTES)
    return {
      code: 'MAX_SIZE',
      message:
        `The provided value (${bytes} bytes) has exceeded the maximum size limit ` +
        `(${KVS_MAX_VALUE_BYTES} bytes)`,
    };
  if (jsonDepth(value) > KVS_MAX_DEPTH)
    return {
      code: 'MAX_DEPTH',
      message: `The provided value has exceeded the maximum object depth (${KVS_MAX_DEPTH}) limit`,
    };
  return null;
}
