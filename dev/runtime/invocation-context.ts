/**
 * One Forge invocation per async chain: the installation (site) it serves, who acts, which module
 * and function, and its deadline. `global.__forge_runtime__` reads the current one (appContext,
 * aaid, lambdaContext), so concurrent invocations for different sites and users each see their own.
 * An invocation that runs past its limit is cut off with Forge's timeout error.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** One installation of the app: a Jira site, with its own storage, queues and Jira. */
export interface Installation { cloudId: string; installationId: string; siteUrl: string }

export interface Invocation {
  invocationId: string;
  installation: Installation;
  moduleKey: string;
  moduleType: string;
  functionKey: string;
  accountId?: string;
  limitMs: number;
  deadline: number;
}

export interface RuntimeIdentity { appId: string; environmentId: string; scopes: string[] }

export interface MetricRecord {
  kind: 'counter' | 'timing' | 'gauge';
  name: string;
  tags?: Record<string, string>;
  value?: number;
}

export class InvocationTimeoutError extends Error {
  constructor(functionKey: string, budgetMs: number) {
    super(`Function "${functionKey}" timed out after ${budgetMs} ms (the Forge invocation limit)`);
    this.name = 'InvocationTimeoutError';
  }
}

export type InvocationStart = Omit<Invocation, 'invocationId' | 'deadline'>;

export class InvocationContext {
  private readonly store = new AsyncLocalStorage<Invocation>();
  readonly metrics: MetricRecord[] = [];

  current(): Invocation | undefined { return this.store.getStore(); }

  run<T>(inv: InvocationStart, fn: () => Promise<T>): Promise<T> {
    const invocation: Invocation = { ...inv, invocationId: randomUUID(), deadline: Date.now() + inv.limitMs };
    return this.store.run(invocation, () => new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new InvocationTimeoutError(inv.functionKey, inv.limitMs)),
        inv.limitMs,
      );
      timer.unref();
      fn().then(resolve, reject).finally(() => clearTimeout(timer));
    }));
  }

  /** The object @forge/api, @forge/kvs and @forge/events read as `global.__forge_runtime__`. */
  runtimeGlobal(id: RuntimeIdentity, fallback: Installation): Record<string, unknown> {
    const self = this;
    const record = (m: MetricRecord) => { if (self.metrics.length < 10_000) self.metrics.push(m); };
    const site = () => self.current()?.installation ?? fallback;
    return {
      get appContext() {
        const inv = self.current();
        return {
          appId: id.appId,
          appVersion: '1.0.0-local',
          environmentId: id.environmentId,
          environmentType: 'DEVELOPMENT',
          invocationId: inv?.invocationId ?? 'outside-an-invocation',
          installationId: site().installationId,
          moduleKey: inv?.moduleKey,
          functionKey: inv?.functionKey,
          moduleType: inv?.moduleType,
          license: { isActive: true },
          installation: { id: site().installationId },
          permissions: { scopes: id.scopes, external: {} },
        };
      },
      get aaid() {
        return self.current()?.accountId;
      },
      get contextAri() {
        return `ari:cloud:jira::site/${site().cloudId}`;
      },
      metrics: {
        counter: (name: string, tags?: Record<string, string>) => ({
          incr: () => record({ kind: 'counter', name, tags, value: 1 }),
          decr: () => record({ kind: 'counter', name, tags, value: -1 }),
        }),
        timing: (name: string, tags?: Record<string, string>) => ({
          measure: () => {
            const t = Date.now();
            return { stop: () => record({ kind: 'timing', name, tags, value: Date.now() - t }) };
          },
        }),
        gauge: (name: string, tags?: Record<string, string>) => ({
          set: (value: number) => record({ kind: 'gauge', name, tags, value }),
        }),
      },
      lambdaContext: {
        getRemainingTimeInMillis: () => {
          const inv = self.current();
          return inv ? Math.max(0, inv.deadline - Date.now()) : 25_000;
        },
      },
      tracing: { traceId: 'local', spanId: 'local' },
    };
  }
}
