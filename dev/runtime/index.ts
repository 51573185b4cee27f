/**
 * The Forge runtime shim: runs the app's real handlers with the real @forge/api, @forge/kvs,
 * @forge/events and @forge/resolver by installing the globals they read (see
 * ../shared/docs/forge-runtime-notes.md). Jira calls go over HTTP to the emulator with the header
 * `x-forge-principal: app | user:<accountId>`; storage and queues live in this process.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { MemoryKvs } from './kvs-memory';
import { handlerFor, readManifest, type ParsedManifest } from './manifest-modules';
import { QueueRunner } from './queue-runner';

export interface Invocation { accountId?: string; moduleKey: string; deadline: number; invocationId: string }

export interface ForgeRuntimeOptions {
  manifestPath: string;
  app: Record<string, unknown>;
  jiraBaseUrl: string;
  storage?: { kind: 'memory' } | { kind: 'file'; path: string };
  autoRunQueues?: boolean;
  invocationBudgetMs?: number;
}

export interface ResolverCall { moduleKey: string; functionKey: string; payload: unknown; accountId: string; extension: Record<string, unknown> }

const APP_ID = 'ari:cloud:ecosystem::app/00000000-0000-4000-8000-0000000000ob';
const CLOUD_ID = 'local-emulator-cloud';

const proxyError = (status: number, reason: string) => new Response(JSON.stringify({ message: reason }), { status, headers: { 'forge-proxy-error': reason, 'content-type': 'application/json' } });

export class ForgeRuntime {
  readonly manifest: ParsedManifest;
  readonly kvs: MemoryKvs;
  readonly queues: QueueRunner;
  private readonly current = new AsyncLocalStorage<Invocation>();
  private readonly budget: number;

  constructor(private readonly opts: ForgeRuntimeOptions) {
    this.manifest = readManifest(opts.manifestPath);
    this.kvs = new MemoryKvs(opts.storage?.kind === 'file' ? opts.storage.path : undefined);
    this.budget = opts.invocationBudgetMs ?? 25000;
    this.queues = new QueueRunner(this.manifest, (fk) => handlerFor(this.manifest, opts.app, fk), (moduleKey, fn) => this.within({ moduleKey }, fn), opts.autoRunQueues ?? false);
    this.install();
  }

  /** Installs the globals the Forge packages read. The runtime object reads the current invocation. */
  private install(): void {
    const self = this;
    const g = globalThis as Record<string, unknown>;
    g.__forge_fetch__ = (ctx: Record<string, unknown>, path: string, init: RequestInit) => self.fetch(ctx, path, init);
    g.__forge_runtime__ = {
      get appContext() {
        const inv = self.current.getStore();
        return { appId: APP_ID, appVersion: '1.0.0', environmentId: 'local', environmentType: 'DEVELOPMENT', invocationId: inv?.invocationId ?? 'none', installationId: 'local-installation', moduleKey: inv?.moduleKey ?? 'none', functionKey: inv?.moduleKey ?? 'none', moduleType: 'local', license: undefined, permissions: { scopes: self.manifest.scopes, external: {} } };
      },
      get aaid() { return self.current.getStore()?.accountId; },
      contextAri: `ari:cloud:jira::site/${CLOUD_ID}`,
      metrics: { counter: () => ({ incr: () => undefined, decr: () => undefined }), timing: () => ({ measure: () => ({ stop: () => undefined }) }), gauge: () => ({ set: () => undefined }) },
      lambdaContext: { getRemainingTimeInMillis: () => Math.max(0, (self.current.getStore()?.deadline ?? Date.now() + self.budget) - Date.now()) },
      tunnel: false,
    };
  }

  private async fetch(ctx: Record<string, unknown>, path: string, init: RequestInit = {}): Promise<Response> {
    const body = typeof init.body === 'string' ? init.body : init.body ? String(init.body) : '';
    if (ctx.type === 'kvs' || ctx.remote === 'kvs') return this.kvs.handle(path, body);
    if (ctx.type === 'fpp' && ctx.remote === 'stargate' && path.startsWith('/webhook/queue/')) return this.queues.handle(path, body);
    if (ctx.type !== 'fpp' || ctx.remote !== 'jira') return proxyError(403, 'EGRESS_NOT_ALLOWED');
    let principal = 'app';
    if (ctx.provider === 'user') {
      const accountId = (ctx.accountId as string | undefined) ?? this.current.getStore()?.accountId;
      if (!accountId) return proxyError(401, 'NEEDS_AUTHENTICATION_ERR');
      principal = `user:${accountId}`;
    }
    const headers = new Headers(init.headers as HeadersInit | undefined);
    headers.set('x-forge-principal', principal);
    return fetch(`${this.opts.jiraBaseUrl}${path}`, { ...init, headers, body: body || undefined, redirect: 'manual' });
  }

  within<T>(inv: { moduleKey: string; accountId?: string }, fn: () => Promise<T>): Promise<T> {
    return this.current.run({ ...inv, deadline: Date.now() + this.budget, invocationId: randomUUID() }, fn);
  }

  /** Calls a Custom UI resolver the way Forge does: through @forge/resolver's definitions, with Forge's context. */
  async invokeResolver(call: ResolverCall): Promise<unknown> {
    const mod = this.manifest.modules.find((m) => m.key === call.moduleKey);
    if (!mod?.resolver?.function) throw new Error(`manifest.yml has no module "${call.moduleKey}" with a resolver`);
    const handler = handlerFor(this.manifest, this.opts.app, mod.resolver.function);
    const context = { moduleKey: call.moduleKey, extension: call.extension, cloudId: CLOUD_ID, localId: `${call.moduleKey}-local`, environmentType: 'DEVELOPMENT', environmentId: 'local', siteUrl: 'https://emulator.atlassian.net' };
    const platform = { principal: { accountId: call.accountId }, installContext: `ari:cloud:jira::site/${CLOUD_ID}`, license: { isActive: true }, installation: { id: 'local-installation' } };
    return this.within({ moduleKey: call.moduleKey, accountId: call.accountId }, async () => handler({ call: { functionKey: call.functionKey, payload: call.payload }, context }, platform));
  }

  /** Delivers a product event to every trigger subscribed to it, honouring `filter.ignoreSelf`. */
  async deliverEvent(event: { payload: Record<string, unknown>; causedBy: { kind: 'app' } | { kind: 'user'; accountId: string } }): Promise<Array<{ moduleKey: string; delivered: boolean; result?: unknown; error?: unknown }>> {
    const out: Array<{ moduleKey: string; delivered: boolean; result?: unknown; error?: unknown }> = [];
    for (const mod of this.manifest.modules.filter((m) => m.type === 'trigger' && (m.events ?? []).includes(String(event.payload.eventType)))) {
      if (mod.filter?.ignoreSelf && event.causedBy.kind === 'app') { out.push({ moduleKey: mod.key, delivered: false }); continue; }
      const handler = handlerFor(this.manifest, this.opts.app, mod.function!);
      try {
        const result = await this.within({ moduleKey: mod.key }, async () => handler(JSON.parse(JSON.stringify(event.payload)), { installContext: `ari:cloud:jira::site/${CLOUD_ID}` }));
        out.push({ moduleKey: mod.key, delivered: true, result });
      } catch (error) {
        out.push({ moduleKey: mod.key, delivered: true, error });
      }
    }
    return out;
  }

  /** Calls any manifest function directly (e.g. an Automation action), as the app. */
  invokeFunction(functionKey: string, payload: unknown, context: Record<string, unknown> = {}): Promise<unknown> {
    const handler = handlerFor(this.manifest, this.opts.app, functionKey);
    return this.within({ moduleKey: functionKey, accountId: context.accountId as string | undefined }, async () => handler(payload, { installContext: `ari:cloud:jira::site/${CLOUD_ID}`, ...context }));
  }

  drainQueues(): Promise<number> { return this.queues.drain(); }

  get storage() { return { snapshot: () => this.kvs.snapshot(), clear: () => this.kvs.clear() }; }

  async close(): Promise<void> { await this.queues.idle(); this.kvs.flush(); }
}

export function createForgeRuntime(opts: ForgeRuntimeOptions): ForgeRuntime {
  return new ForgeRuntime(opts);
}
