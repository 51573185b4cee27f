/**
 * One installation of the app on the local platform: its site, its own storage (kvs) and its own queues,
 * with the Jira it talks to. The runtime (index.ts) serves several from one warm module.
 */
import type { Installation } from './invocation-context';
import { KvsService } from './kvs-service';
import { KvsStore } from './kvs-store';
import type { ManifestModule, ParsedManifest } from './manifest-modules';
import type { PlatformBehaviour } from './platform-behaviour';
import type { SiteServices } from './platform-fetch';
import { QueueRunner, type ConsumerEvent } from './queue-runner';
import type { SiteOptions } from './runtime-types';
import type { WorkScheduler } from './work-scheduler';

export interface Site { installation: Installation; store: KvsStore; services: SiteServices }

export function createSite(
  s: SiteOptions,
  storageFile: string | undefined,
  manifest: ParsedManifest,
  scheduler: WorkScheduler,
  behaviour: PlatformBehaviour,
  runConsumer: (consumer: ManifestModule, event: ConsumerEvent) => Promise<unknown>,
): Site {
  const installation = {
    cloudId: s.cloudId,
    installationId: `installation-${s.cloudId}`,
    siteUrl: s.siteUrl ?? `https://${s.cloudId}.atlassian.net`,
  };
  const store = new KvsStore(storageFile);
  const kvs = new KvsService(store, manifest.entities);
  const queues = new QueueRunner(manifest, scheduler, runConsumer, behaviour);
  const services: SiteServices = {
    jiraBaseUrl: s.jiraBaseUrl.replace(/\/+$/, ''),
    kvs: (path, body) => kvs.handle(path, body),
    queue: (path, body) => queues.handle(path, body),
  };
  return { installation, store, services };
}
