/**
 * The contexts Forge hands a function: the second argument of every function (function-reference/arguments:
 * installContext, principal when a person acts, license, installation with its ARI and contexts, workspaceId)
 * and the `context` a Custom UI resolver reads (module, extension, site, locale).
 */
import type { Installation } from './invocation-context';

export function functionContextOf(installation: Installation, accountId?: string): Record<string, unknown> {
  const installContext = `ari:cloud:jira::site/${installation.cloudId}`;
  const ari = `ari:cloud:ecosystem::installation/${installation.installationId}`;
  return {
    installContext,
    ...(accountId ? { principal: { accountId } } : {}),
    license: {
      isActive: true, isEvaluation: false, billingPeriod: null, type: null, trialEndDate: null,
      subscriptionEndDate: null,
    },
    installation: {
      ari: { installationId: installation.installationId, toString: () => ari },
      contexts: [installContext],
    },
    workspaceId: installation.cloudId,
  };
}

export function resolverContextOf(
  moduleKey: string,
  extension: Record<string, unknown>,
  installation: Installation,
): Record<string, unknown> {
  return {
    moduleKey,
    extension,
    cloudId: installation.cloudId,
    localId: `${moduleKey}-${installation.cloudId}`,
    environmentType: 'DEVELOPMENT',
    environmentId: 'local-development',
    siteUrl: installation.siteUrl,
    locale: 'en-US',
    timezone: 'UTC',
  };
}
