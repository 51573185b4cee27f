/** The local Forge runtime's public shapes: its options, a resolver call, and the runtime itself. */
import type { DeliveryOutcome } from './event-delivery';
import type { MetricRecord } from './invocation-context';
import type { ParsedManifest } from './manifest-modules';
import type { PlatformBehaviour, PlatformBehaviourOptions } from './platform-behaviour';

/** A further installation served by the same module instance. */
export interface SiteOptions { cloudId: string; jiraBaseUrl: string; siteUrl?: string }

export interface ForgeRuntimeOptions extends PlatformBehaviourOptions {
  manifestPath: string;
  /** The exports of the app's `index` file (the Forge bundle's index.cjs; src/index.ts in the preview). */
  app: Record<string, unknown>;
  /** Exports of further files that manifest handlers name (`file.export`), by file. */
  files?: Record<string, Record<string, unknown>>;
  /** The first installation's Jira; its cloud id is LOCAL_CLOUD_ID. */
  jiraBaseUrl: string;
  /** More installations (Jira sites) that the same warm module serves. */
  sites?: SiteOptions[];
  storage?: { kind: 'memory' } | { kind: 'file'; path: string };
  /** Run queue events and trigger retries in the background when due (the preview), else on drainQueues(). */
  autoRunQueues?: boolean;
  appId?: string;
  /** Cuts every invocation's limit to at most this (a test of timeouts); never raises Forge's limits. */
  invocationBudgetMs?: number;
  /** Where background failures go (default: kept in `errors`, and printed when autoRunQueues). */
  onBackgroundError?: (label: string, error: unknown) => void;
}

export interface ResolverCall {
  moduleKey: string;
  functionKey: string;
  payload: unknown;
  accountId: string;
  extension: Record<string, unknown>;
  /** The installation (cloud id) the call comes from; the first one by default. */
  site?: string;
}

export interface ForgeRuntime {
  readonly manifest: ParsedManifest;
  /** Latency, duplicates and storage faults, as configured (the fault rate can be changed). */
  readonly platform: PlatformBehaviour;
  invokeResolver(call: ResolverCall): Promise<unknown>;
  deliverEvent(event: unknown, site?: string): Promise<DeliveryOutcome>;
  invokeFunction(
    functionKey: string,
    payload: unknown,
    context?: Record<string, unknown>,
    site?: string,
  ): Promise<unknown>;
  /** Runs every queued event and trigger retry now, due or not (tests need not wait). */
  drainQueues(): Promise<number>;
  /** Runs only those already due: a push with a delay or a later retry keeps waiting, as on Forge. */
  drainDueQueues(): Promise<number>;
  /** The first installation's storage, or the one of `site`. */
  storage: { snapshot(site?: string): Record<string, unknown>; clear(): void };
  /** Background failures (queue consumers, trigger retries), newest last. */
  readonly errors: Array<{ label: string; error: unknown }>;
  readonly metrics: MetricRecord[];
  close(): Promise<void>;
}
