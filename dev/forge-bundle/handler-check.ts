/**
 * What Forge resolves at invocation time: each `function` module's `handler` is `file.export`, and
 * the bundle built for `file` must export a function of that name. Used by the tests on the bundle
 * and by the runtime shim when it loads an app.
 */
import type { ParsedManifest } from '../runtime/manifest-modules';

export interface MissingHandler { functionKey: string; handler: string; problem: string }

export function missingHandlers(
  manifest: ParsedManifest,
  exportsByFile: Record<string, Record<string, unknown>>,
): MissingHandler[] {
  const missing: MissingHandler[] = [];
  for (const [functionKey, handler] of manifest.functions) {
    const dot = handler.lastIndexOf('.');
    const file = handler.slice(0, dot);
    const name = handler.slice(dot + 1);
    const exports = exportsByFile[file];
    if (dot <= 0 || !exports) missing.push({ functionKey, handler, problem: `no bundle for file "${file}"` });
    else if (typeof exports[name] !== 'function')
      missing.push({ functionKey, handler, problem: `"${file}" does not export "${name}"` });
  }
  return missing;
}
