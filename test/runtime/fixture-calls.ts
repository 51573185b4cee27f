/** A resolver call to the fixture app's panel module, as Alice unless told otherwise. */
import type { ForgeRuntime } from '../../dev/runtime';

export function callFixturePanel(
  runtime: ForgeRuntime,
  functionKey: string,
  payload: unknown = {},
  options: { accountId?: string; extension?: Record<string, unknown>; site?: string } = {},
): Promise<unknown> {
  const { accountId = 'acc-alice', extension = {}, site } = options;
  return runtime.invokeResolver({ moduleKey: 'fixture-panel', functionKey, payload, accountId, extension, site });
}
