/**
 * One Forge invocation at a time per async chain: who acts, which module and function, and the
 * deadline. `global.__forge_runtime__` reads the current one (appContext, aaid, lambdaContext), so
 * concurrent invocations each see their own. Each invocation gets its budget (25 s by default), and
 * is cut off with Forge's timeout error when it runs past it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface Invocation {
  invocationId: string;
  moduleKey: string;
  moduleType: string;
  functionKey: string;
  accountId?: string;
  deadline: number;
}

export interface RuntimeIdentity { appId: string; environmentId: string; installationId: string; cloudId: string; scopes: string[] }

export interface MetricRecord { kind: 'counter' | 'timing' | 'gauge'; name: string; tags?: Record<string, string>; value?: number }

export class InvocationTimeoutError extends Error {
  constructor(functionKey: string, budgetMs: number) {
    super(`Function "${functionKey}" timed out after ${budgetMs} ms (the Forge invocation limit)`);
    this.name = 'InvocationTimeoutError';
  }
}

export class InvocationContext {
  private readonly store = new AsyncLocalStorage<Invocation>();
  readonly metrics: MetricRecord[] = [];

  constructor(readonly budgetMs: number) {}

  current(): Invocation | undefined { return this.store.getStore(); }

  run<T>(inv: Omit<Invocation, 'invocationId' | 'deadline'>, fn: () => Promise<T>): Promise<T> {
    const invocation: Invocation = { ...inv, invocationId: randomUUID(), deadline: Date.now() + this.budgetMs };
    return this.store.run(invocation, () => new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new InvocationTimeoutError(inv.functionKey, this.budgetMs)), this.budgetMs);
      timer.unref();
      fn().then(resolve, reject).finally(() => clearTimeout(timer));
    }));
  }

  /** The object @forge/api, @forge/kvs and @forge/events read as `global.__forge_runtime__`. */
  runtimeGlobal(id: RuntimeIdentity): Record<string, unknown> {
    const self = this;
    const record = (m: MetricRecord) => { if (self.metrics.length < 10_000) self.metrics.push(m); };
    return {
      get appContext() {
        const inv = self.current();
        return {
          appId: id.appId, appVersion: '1.0.0-local', environmentId: id.environmentId, environmentType: 'DEVELOPMENT',
          invocationId: inv?.invocationId ?? 'outside-an-invocation', installationId: id.installationId,
          moduleKey: inv?.moduleKey, functionKey: inv?.functionKey, moduleType: inv?.moduleType,
          license: { isActive: true }, installation: { id: id.installationId },
          permissions: { scopes: id.scopes, external: {} },
        };
      },
      get aaid() { return self.current()?.accountId; },
      contextAri: `ari:cloud:jira::site/${id.cloudId}`,
      metrics: {
        counter: (name: string, tags?: Record<string, string>) => ({ incr: () => record({ kind: 'counter', name, tags, value: 1 }), decr: () => record({ kind: 'counter', name, tags, value: -1 }) }),
        timing: (name: string, tags?: Record<string, string>) => ({ measure: () => { const t = Date.now(); return { stop: () => record({ kind: 'timing', name, tags, value: Date.now() - t }) }; } }),
        gauge: (name: string, tags?: Record<string, string>) => ({ set: (value: number) => record({ kind: 'gauge', name, tags, value }) }),
      },
      lambdaContext: { getRemainingTimeInMillis: () => Math.max(0, (self.current()?.deadline ?? Date.now() + self.budgetMs) - Date.now()) },
      tracing: { traceId: 'local', spanId: 'local' },
    };
  }
}
