/**
 * The Forge runtime shim: runs the app's handlers (the bundle Forge's bundler built, in the tests)
 * with the real @forge/api, @forge/kvs, @forge/events and @forge/resolver by installing the globals
 * they read (see ../shared/docs/forge-runtime-notes.md). It is never gentler than Forge: Forge's limits
 * (platform-limits.ts), invocation time limits per module kind, storage latency, events delivered
 * concurrently and at least once (platform-behaviour.ts), and one warm module instance serving several
 * installations (sites), each with its own Jira, storage and queues. Jira calls go over HTTP with
 * `x-forge-principal: app | user:<accountId>`. The globals are process-wide: the runtime created last
 * is the one the packages talk to.
 */
import { EventDelivery, type DeliveryOutcome } from './event-delivery';
import { InvocationContext } from './invocation-context';
import type { InvocationStart, MetricRecord } from './invocation-context';
import { invocationLimitMs } from './invocation-limits';
import { createSite, type Site } from './local-site';
import { handlerFor, readManifest, type ManifestModule, type ParsedManifest } from './manifest-modules';
import { PlatformBehaviour } from './platform-behaviour';
import { createPlatformFetch } from './platform-fetch';
import type { ConsumerEvent } from './queue-runner';
import { WorkScheduler } from './work-scheduler';
import { functionContextOf, resolverContextOf } from './function-context';
import type { ForgeRuntime, ForgeRuntimeOptions, ResolverCall, SiteOptions } from './runtime-types';

export { InvocationTimeoutError } from './invocation-context';
export { moduleOfType, readManifest, type ManifestModule, type ParsedManifest } from './manifest-modules';
export type { DeliveryOutcome, ProductEvent, TriggerDelivery } from './event-delivery';
export type { ForgeRuntime, ForgeRuntimeOptions, ResolverCall, SiteOptions } from './runtime-types';

export const LOCAL_CLOUD_ID = 'local-emulator-cloud';
export const LOCAL_SITE_URL = 'https://local-emulator.atlassian.net';

class LocalForgeRuntime implements ForgeRuntime {
  readonly manifest: ParsedManifest;
  readonly errors: Array<{ label: string; error: unknown }> = [];
  private readonly context = new InvocationContext();
  private readonly behaviour: PlatformBehaviour;
  get platform(): PlatformBehaviour { return this.behaviour; }
  private readonly scheduler: WorkScheduler;
  private readonly events: EventDelivery;
  private readonly sites = new Map<string, Site>();
  private readonly firstSite: string;
  private readonly previousGlobals: { fetch: unknown; runtime: unknown };
  private readonly installedFetch: unknown;
  private readonly installedRuntime: unknown;

  constructor(private readonly opts: ForgeRuntimeOptions) {
    this.manifest = readManifest(opts.manifestPath);
    this.behaviour = new PlatformBehaviour(opts);
    const onError = (label: string, e: unknown) => this.backgroundError(label, e);
    this.scheduler = new WorkScheduler(opts.autoRunQueues ?? false, onError);
    this.events = new EventDelivery(this.manifest, this.scheduler,
      (trigger, payload, site) => this.runTrigger(trigger, payload, site), this.behaviour);
    const first = { cloudId: LOCAL_CLOUD_ID, jiraBaseUrl: opts.jiraBaseUrl, siteUrl: LOCAL_SITE_URL };
    const file = opts.storage?.kind === 'file' ? opts.storage.path : undefined;
    const sites = [first, ...(opts.sites ?? [])];
    for (const [i, s] of sites.entries()) this.addSite(s, i === 0 ? file : undefined);
    this.firstSite = LOCAL_CLOUD_ID;
    const g = globalThis as Record<string, unknown>;
    this.previousGlobals = { fetch: g.__forge_fetch__, runtime: g.__forge_runtime__ };
    g.__forge_fetch__ = this.installedFetch = createPlatformFetch({
      site: () => this.site(this.context.current()?.installation.cloudId).services,
      actingAccountId: () => this.context.current()?.accountId,
      storageLeg: () => this.behaviour.storageLeg(),
      storageFault: () => this.behaviour.storageFault(),
    });
    const appId = (opts.appId ?? this.manifest.appId).replace(/^ari:cloud:ecosystem::app\//, '');
    g.__forge_runtime__ = this.installedRuntime = this.context.runtimeGlobal(
      { appId, environmentId: 'local-development', scopes: this.manifest.scopes }, this.site().installation);
  }

  private addSite(s: SiteOptions, storageFile: string | undefined): void {
    if (this.sites.has(s.cloudId)) throw new Error(`Two installations with the cloud id ${s.cloudId}`);
    this.sites.set(s.cloudId, createSite(s, storageFile, this.manifest, this.scheduler, this.behaviour,
      (consumer, event) => this.runConsumer(consumer, event, s.cloudId)));
  }

  private site(cloudId?: string): Site {
    const site = this.sites.get(cloudId ?? this.firstSite);
    if (!site) throw new Error(`The local runtime has no installation for site ${cloudId}`);
    return site;
  }

  private backgroundError(label: string, error: unknown): void {
    this.errors.push({ label, error });
    if (this.errors.length > 200) this.errors.shift();
    if (this.opts.onBackgroundError) this.opts.onBackgroundError(label, error);
    else if (this.opts.autoRunQueues)
      process.stderr.write(`[forge runtime] ${label} failed: ${(error as Error)?.stack ?? String(error)}\n`);
  }

  get metrics(): MetricRecord[] { return this.context.metrics; }

  private get files(): Record<string, Record<string, unknown>> {
    return { ...this.opts.files, index: this.opts.app };
  }

  private handler(functionKey: string | undefined, mod: ManifestModule) {
    if (!functionKey) throw new Error(`manifest.yml module "${mod.key}" names no function`);
    return handlerFor(this.manifest, this.files, functionKey);
  }

  private run<T>(
    start: Omit<InvocationStart, 'limitMs' | 'installation'>,
    site: string | undefined,
    fn: () => Promise<T>,
  ): Promise<T> {
    const forge = invocationLimitMs(this.manifest, start.moduleType, start.functionKey);
    const limitMs = Math.min(forge, this.opts.invocationBudgetMs ?? forge);
    return this.context.run({ ...start, limitMs, installation: this.site(site).installation }, fn);
  }

  private functionContext(site: string | undefined, accountId?: string): Record<string, unknown> {
    return functionContextOf(this.site(site).installation, accountId);
  }

  private runTrigger(trigger: ManifestModule, payload: Record<string, unknown>, site: string) {
    const fn = this.handler(trigger.function, trigger);
    const start = { moduleKey: trigger.key, moduleType: 'trigger', functionKey: trigger.function ?? '' };
    return this.run(start, site, async () => fn(payload, this.functionContext(site)));
  }

  /** A Custom UI resolver call, through @forge/resolver's definitions, with the context Forge gives. */
  async invokeResolver(call: ResolverCall): Promise<unknown> {
    const mod = this.manifest.modules.find((m) => m.key === call.moduleKey);
    if (!mod?.resolver?.function)
      throw new Error(`manifest.yml has no module "${call.moduleKey}" with a resolver`);
    const definitions = this.handler(mod.resolver.function, mod);
    const { installation } = this.site(call.site);
    const context = resolverContextOf(call.moduleKey, call.extension, installation);
    const platform = this.functionContext(call.site, call.accountId);
    const start = { moduleKey: call.moduleKey, moduleType: mod.type, functionKey: mod.resolver.function };
    const request = { call: { functionKey: call.functionKey, payload: call.payload }, context };
    const invoke = async () => definitions(request, platform);
    return this.run({ ...start, accountId: call.accountId }, call.site, invoke);
  }

  deliverEvent(event: unknown, site?: string): Promise<DeliveryOutcome> {
    return this.events.deliver(event, this.site(site).installation.cloudId);
  }

  /**
   * Any manifest function called directly (e.g. an Automation action), as the app or as `context.accountId`.
   */
  async invokeFunction(
    functionKey: string,
    payload: unknown,
    context: Record<string, unknown> = {},
    site?: string,
  ): Promise<unknown> {
    const fn = handlerFor(this.manifest, this.files, functionKey);
    const accountId = typeof context.accountId === 'string' ? context.accountId : undefined;
    const mod = this.manifest.modules.find((m) => m.function === functionKey);
    const start = { moduleKey: mod?.key ?? functionKey, moduleType: mod?.type ?? 'function', functionKey };
    const fullContext = { ...this.functionContext(site, accountId), ...context };
    return this.run({ ...start, accountId }, site, async () => fn(payload, fullContext));
  }

  private runConsumer(consumer: ManifestModule, event: ConsumerEvent, site: string): Promise<unknown> {
    const functionKey = consumer.resolver?.function ?? consumer.function;
    const fn = this.handler(functionKey, consumer);
    const context = this.functionContext(site);
    const start = { moduleKey: consumer.key, moduleType: 'consumer', functionKey: functionKey ?? '' };
    const method = consumer.resolver?.method;
    // A consumer through @forge/resolver gets a resolver call; a plain function gets the event itself.
    const call = { functionKey: method ?? '', payload: event.body, jobId: event.jobId };
    return this.run(start, site, async () =>
      method
        ? fn({ call, context: { moduleKey: consumer.key, cloudId: site } }, context)
        : fn(event, { ...context, moduleKey: consumer.key }));
  }

  drainQueues(): Promise<number> { return this.scheduler.drain(); }
  drainDueQueues(): Promise<number> { return this.scheduler.drainDue(); }

  get storage() {
    return {
      snapshot: (site?: string) => this.site(site).store.snapshot(),
      clear: () => { for (const s of this.sites.values()) s.store.clear(); },
    };
  }

  async close(): Promise<void> {
    await this.scheduler.idle();
    this.scheduler.close();
    for (const s of this.sites.values()) s.store.flush();
    // Hand the globals back to the runtime that had them before, if no later runtime replaced ours.
    const g = globalThis as Record<string, unknown>;
    if (g.__forge_fetch__ === this.installedFetch) g.__forge_fetch__ = this.previousGlobals.fetch;
    if (g.__forge_runtime__ === this.installedRuntime) g.__forge_runtime__ = this.previousGlobals.runtime;
  }
}

export function createForgeRuntime(opts: ForgeRuntimeOptions): ForgeRuntime {
  return new LocalForgeRuntime(opts);
}
