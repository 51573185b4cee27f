/**
 * The Forge runtime shim: runs the app's real handlers with the real @forge/api, @forge/kvs,
 * @forge/events and @forge/resolver by installing the globals they read (see
 * ../shared/docs/forge-runtime-notes.md). Jira calls go over HTTP to the emulator with the header
 * `x-forge-principal: app | user:<accountId>`; storage and queues live in this process.
 * The globals are process-wide: the runtime created last is the one the packages talk to.
 */
import { EventDelivery, type DeliveryOutcome } from './event-delivery';
import { InvocationContext, type MetricRecord } from './invocation-context';
import { KvsService } from './kvs-service';
import { KvsStore } from './kvs-store';
import { handlerFor, readManifest, type ManifestModule, type ParsedManifest } from './manifest-modules';
import { createPlatformFetch } from './platform-fetch';
import { QueueRunner, type ConsumerEvent } from './queue-runner';
import { WorkScheduler } from './work-scheduler';

export { InvocationTimeoutError } from './invocation-context';
export { moduleOfType, readManifest, type ManifestModule, type ParsedManifest } from './manifest-modules';
export type { DeliveryOutcome, ProductEvent, TriggerDelivery } from './event-delivery';

export interface ForgeRuntimeOptions {
  manifestPath: string;
  /** The exports of src/index.ts. */
  app: Record<string, unknown>;
  jiraBaseUrl: string;
  storage?: { kind: 'memory' } | { kind: 'file'; path: string };
  /** Run queue events and trigger retries in the background when due (the preview); else on drainQueues(). */
  autoRunQueues?: boolean;
  appId?: string;
  /** Per invocation (default 25 000 ms, Forge's limit). */
  invocationBudgetMs?: number;
  /** Where background failures go (default: kept in `errors`, and printed when autoRunQueues). */
  onBackgroundError?: (label: string, error: unknown) => void;
}

export interface ResolverCall { moduleKey: string; functionKey: string; payload: unknown; accountId: string; extension: Record<string, unknown> }

export interface ForgeRuntime {
  readonly manifest: ParsedManifest;
  invokeResolver(call: ResolverCall): Promise<unknown>;
  deliverEvent(event: unknown): Promise<DeliveryOutcome>;
  invokeFunction(functionKey: string, payload: unknown, context?: Record<string, unknown>): Promise<unknown>;
  drainQueues(): Promise<number>;
  storage: { snapshot(): Record<string, unknown>; clear(): void };
  /** Background failures (queue consumers, trigger retries), newest last. */
  readonly errors: Array<{ label: string; error: unknown }>;
  readonly metrics: MetricRecord[];
  close(): Promise<void>;
}

export const LOCAL_CLOUD_ID = 'local-emulator-cloud';
export const LOCAL_SITE_URL = 'https://local-emulator.atlassian.net';
const INSTALLATION_ID = 'local-installation';

class LocalForgeRuntime implements ForgeRuntime {
  readonly manifest: ParsedManifest;
  readonly errors: Array<{ label: string; error: unknown }> = [];
  private readonly context: InvocationContext;
  private readonly kvsStore: KvsStore;
  private readonly scheduler: WorkScheduler;
  private readonly events: EventDelivery;
  private readonly installContext = `ari:cloud:jira::site/${LOCAL_CLOUD_ID}`;
  private readonly previousGlobals: { fetch: unknown; runtime: unknown };
  private readonly installedFetch: unknown;
  private readonly installedRuntime: unknown;

  constructor(private readonly opts: ForgeRuntimeOptions) {
    this.manifest = readManifest(opts.manifestPath);
    this.context = new InvocationContext(opts.invocationBudgetMs ?? 25_000);
    this.kvsStore = new KvsStore(opts.storage?.kind === 'file' ? opts.storage.path : undefined);
    const kvs = new KvsService(this.kvsStore, this.manifest.entities);
    this.scheduler = new WorkScheduler(opts.autoRunQueues ?? false, (label, error) => {
      this.errors.push({ label, error });
      if (this.errors.length > 200) this.errors.shift();
      if (opts.onBackgroundError) opts.onBackgroundError(label, error);
      else if (opts.autoRunQueues) process.stderr.write(`[forge runtime] ${label} failed: ${(error as Error)?.stack ?? String(error)}\n`);
    });
    const queues = new QueueRunner(this.manifest, this.scheduler, (consumer, event) => this.runConsumer(consumer, event));
    this.events = new EventDelivery(this.manifest, this.scheduler, (trigger, payload) =>
      this.context.run({ moduleKey: trigger.key, moduleType: 'trigger', functionKey: trigger.function ?? '' }, async () =>
        this.handler(trigger.function, trigger)(payload, { installContext: this.installContext, environmentType: 'DEVELOPMENT' })));
    const g = globalThis as Record<string, unknown>;
    this.previousGlobals = { fetch: g.__forge_fetch__, runtime: g.__forge_runtime__ };
    g.__forge_fetch__ = this.installedFetch = createPlatformFetch({
      jiraBaseUrl: opts.jiraBaseUrl.replace(/\/+$/, ''),
      actingAccountId: () => this.context.current()?.accountId,
      kvs: (path, body) => kvs.handle(path, body),
      queue: (path, body) => queues.handle(path, body),
    });
    g.__forge_runtime__ = this.installedRuntime = this.context.runtimeGlobal({ appId: (opts.appId ?? this.manifest.appId).replace(/^ari:cloud:ecosystem::app\//, ''), environmentId: 'local-development', installationId: INSTALLATION_ID, cloudId: LOCAL_CLOUD_ID, scopes: this.manifest.scopes });
  }

  get metrics(): MetricRecord[] { return this.context.metrics; }

  private handler(functionKey: string | undefined, mod: ManifestModule) {
    if (!functionKey) throw new Error(`manifest.yml module "${mod.key}" names no function`);
    return handlerFor(this.manifest, this.opts.app, functionKey);
  }

  /** A Custom UI resolver call, through @forge/resolver's definitions, with the context Forge gives. */
  async invokeResolver(call: ResolverCall): Promise<unknown> {
    const mod = this.manifest.modules.find((m) => m.key === call.moduleKey);
    if (!mod?.resolver?.function) throw new Error(`manifest.yml has no module "${call.moduleKey}" with a resolver`);
    const definitions = this.handler(mod.resolver.function, mod);
    const context = {
      moduleKey: call.moduleKey, extension: call.extension, cloudId: LOCAL_CLOUD_ID, localId: `${call.moduleKey}-${LOCAL_CLOUD_ID}`,
      environmentType: 'DEVELOPMENT', environmentId: 'local-development', siteUrl: LOCAL_SITE_URL, locale: 'en-US', timezone: 'UTC',
    };
    const platform = { principal: { accountId: call.accountId }, installContext: this.installContext, license: { isActive: true }, installation: { id: INSTALLATION_ID } };
    return this.context.run({ moduleKey: call.moduleKey, moduleType: mod.type, functionKey: mod.resolver.function, accountId: call.accountId }, async () =>
      definitions({ call: { functionKey: call.functionKey, payload: call.payload }, context }, platform));
  }

  deliverEvent(event: unknown): Promise<DeliveryOutcome> { return this.events.deliver(event); }

  /** Any manifest function called directly (e.g. an Automation action), as the app or as `context.accountId`. */
  async invokeFunction(functionKey: string, payload: unknown, context: Record<string, unknown> = {}): Promise<unknown> {
    const fn = handlerFor(this.manifest, this.opts.app, functionKey);
    const accountId = typeof context.accountId === 'string' ? context.accountId : undefined;
    const mod = this.manifest.modules.find((m) => m.function === functionKey);
    return this.context.run({ moduleKey: mod?.key ?? functionKey, moduleType: mod?.type ?? 'function', functionKey, accountId }, async () =>
      fn(payload, { installContext: this.installContext, ...context }));
  }

  private runConsumer(consumer: ManifestModule, event: ConsumerEvent): Promise<unknown> {
    const functionKey = consumer.resolver?.function ?? consumer.function;
    const fn = this.handler(functionKey, consumer);
    return this.context.run({ moduleKey: consumer.key, moduleType: 'consumer', functionKey: functionKey ?? '' }, async () => (consumer.resolver?.method
      ? fn({ call: { functionKey: consumer.resolver.method, payload: event.body, jobId: event.jobId }, context: { moduleKey: consumer.key, cloudId: LOCAL_CLOUD_ID } }, { installContext: this.installContext })
      : fn(event, { installContext: this.installContext, moduleKey: consumer.key })));
  }

  drainQueues(): Promise<number> { return this.scheduler.drain(); }

  get storage() { return { snapshot: () => this.kvsStore.snapshot(), clear: () => this.kvsStore.clear() }; }

  async close(): Promise<void> {
    await this.scheduler.idle();
    this.scheduler.close();
    this.kvsStore.flush();
    // Hand the globals back to the runtime that had them before, if no later runtime replaced ours.
    const g = globalThis as Record<string, unknown>;
    if (g.__forge_fetch__ === this.installedFetch) g.__forge_fetch__ = this.previousGlobals.fetch;
    if (g.__forge_runtime__ === this.installedRuntime) g.__forge_runtime__ = this.previousGlobals.runtime;
  }
}

export function createForgeRuntime(opts: ForgeRuntimeOptions): ForgeRuntime {
  return new LocalForgeRuntime(opts);
}
