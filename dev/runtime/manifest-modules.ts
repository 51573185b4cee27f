/** Reads manifest.yml the way Forge does: module keys → functions → `file.export` handlers. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

export interface ManifestModule { type: string; key: string; function?: string; resolver?: { function: string; method?: string }; events?: string[]; filter?: { ignoreSelf?: boolean }; queue?: string; [k: string]: unknown }
export interface ParsedManifest { modules: ManifestModule[]; functions: Map<string, string>; scopes: string[] }

export function readManifest(path: string): ParsedManifest {
  const raw = parseYaml(readFileSync(path, 'utf8')) as { modules?: Record<string, Array<Record<string, unknown>>>; permissions?: { scopes?: string[] } };
  const modules: ManifestModule[] = [];
  const functions = new Map<string, string>();
  for (const [type, list] of Object.entries(raw.modules ?? {})) {
    for (const m of list ?? []) {
      if (type === 'function') functions.set(String(m.key), String(m.handler));
      else modules.push({ ...(m as object), type, key: String(m.key) } as ManifestModule);
    }
  }
  return { modules, functions, scopes: raw.permissions?.scopes ?? [] };
}

/** The exported function a manifest function key names ("index.resolver" → app.resolver). */
export function handlerFor(manifest: ParsedManifest, app: Record<string, unknown>, functionKey: string): (...args: unknown[]) => unknown {
  const handler = manifest.functions.get(functionKey);
  if (!handler) throw new Error(`manifest.yml has no function "${functionKey}"`);
  const exportName = handler.split('.').pop()!;
  const fn = app[exportName];
  if (typeof fn !== 'function') throw new Error(`src/index.ts does not export "${exportName}" (handler ${handler})`);
  return fn as (...args: unknown[]) => unknown;
}
