/**
 * Reads manifest.yml the way Forge does: module keys → function keys → `file.export` handlers,
 * plus what the local platform needs to know (app id, scopes, resources, custom entities, CSP).
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const ModuleSchema = z.object({
  key: z.string().min(1),
  function: z.string().optional(),
  resource: z.string().optional(),
  resolver: z.object({ function: z.string(), method: z.string().optional() }).optional(),
  events: z.array(z.string()).optional(),
  filter: z.object({ ignoreSelf: z.boolean().optional(), expression: z.string().optional() }).optional(),
  queue: z.string().optional(),
  handler: z.string().optional(),
  edit: z.object({ resource: z.string().optional() }).optional(),
  timeoutSeconds: z.number().int().min(1).max(900).optional(),
}).passthrough();

const IndexSchema = z.union([
  z.string(),
  z.object({
    name: z.string(),
    range: z.array(z.string()).optional(),
    partition: z.array(z.string()).optional(),
  }),
]);
const EntitySchema = z.object({
  name: z.string(),
  attributes: z.record(z.string(), z.object({ type: z.string() }).passthrough()).default({}),
  indexes: z.array(IndexSchema).default([]),
});

const ManifestSchema = z
  .object({
    modules: z.record(z.string(), z.array(ModuleSchema).nullish()).default({}),
    resources: z.array(z.object({ key: z.string(), path: z.string() })).default([]),
    app: z
      .object({
        id: z.string(),
        storage: z.object({ entities: z.array(EntitySchema).default([]) }).optional(),
      })
      .passthrough(),
    permissions: z
      .object({
        scopes: z.array(z.string()).default([]),
        content: z
          .object({ scripts: z.array(z.string()).default([]), styles: z.array(z.string()).default([]) })
          .optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

export type ManifestModule = z.infer<typeof ModuleSchema> & { type: string };
export interface EntityIndex { name: string; range: string[]; partition: string[] }
export interface EntityDefinition { name: string; indexes: EntityIndex[] }

export interface ParsedManifest {
  appId: string;
  modules: ManifestModule[];
  /** function key → handler ("index.resolver"). */
  functions: Map<string, string>;
  /** function key → its `timeoutSeconds` (Forge honours it for consumer and scheduled functions). */
  timeouts: Map<string, number>;
  scopes: string[];
  resources: Map<string, string>;
  entities: Map<string, EntityDefinition>;
  /** `permissions.content` values ('unsafe-inline', 'unsafe-eval') that relax the Custom UI CSP. */
  content: { scripts: string[]; styles: string[] };
}

export function parseManifest(yamlText: string): ParsedManifest {
  const raw = ManifestSchema.parse(parseYaml(yamlText));
  const modules: ManifestModule[] = [];
  const functions = new Map<string, string>();
  const timeouts = new Map<string, number>();
  for (const [type, list] of Object.entries(raw.modules)) {
    for (const m of list ?? []) {
      if (type === 'function') {
        if (!m.handler) throw new Error(`manifest.yml: function "${m.key}" has no handler`);
        functions.set(m.key, m.handler);
        if (typeof m.timeoutSeconds === 'number') timeouts.set(m.key, m.timeoutSeconds);
      } else modules.push({ ...m, type });
    }
  }
  const entities = new Map<string, EntityDefinition>();
  for (const e of raw.app.storage?.entities ?? []) {
    entities.set(e.name, {
      name: e.name,
      indexes: e.indexes.map((i) =>
        typeof i === 'string'
          ? { name: i, range: [i], partition: [] }
          : { name: i.name, range: i.range ?? [], partition: i.partition ?? [] },
      ),
    });
  }
  return {
    appId: raw.app.id,
    modules,
    functions,
    timeouts,
    scopes: raw.permissions?.scopes ?? [],
    resources: new Map(raw.resources.map((r) => [r.key, r.path])),
    entities,
    content: {
      scripts: raw.permissions?.content?.scripts ?? [],
      styles: raw.permissions?.content?.styles ?? [],
    },
  };
}

export function readManifest(path: string): ParsedManifest {
  return parseManifest(readFileSync(path, 'utf8'));
}

/** The first module of a type (e.g. the app's `jira:issuePanel`), or undefined. */
export function moduleOfType(manifest: ParsedManifest, type: string): ManifestModule | undefined {
  return manifest.modules.find((m) => m.type === type);
}

export type Handler = (...args: unknown[]) => unknown;

/**
 * The exported function a manifest function key names, resolved as Forge does: `file.export` is the
 * export `export` of the bundle built for `src/<file>` ("index.resolver" → the index bundle's
 * `resolver`). `files` holds each file's exports; a handler naming another file, or an export that
 * file lacks, is an error that says which.
 */
export function handlerFor(
  manifest: ParsedManifest,
  files: Record<string, Record<string, unknown>>,
  functionKey: string,
): Handler {
  const handler = manifest.functions.get(functionKey);
  if (!handler) throw new Error(`manifest.yml has no function "${functionKey}"`);
  const dot = handler.lastIndexOf('.');
  const file = dot > 0 ? handler.slice(0, dot) : '';
  const exportName = handler.slice(dot + 1);
  const exports = files[file];
  if (!exports)
    throw new Error(
      `manifest.yml handler ${handler}: the app has no file "${file}" ` +
        `(Forge resolves file.export against src/${file})`,
    );
  const fn = exports[exportName];
  if (typeof fn !== 'function')
    throw new Error(`The app's "${file}" does not export "${exportName}" (manifest handler ${handler})`);
  return fn as Handler;
}
