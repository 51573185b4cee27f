/**
 * Links out of the app's frame. Forge's router opens Jira pages (`router.open` opens a new tab); the same
 * target as a real href, so a person can also open it with the browser's own new-tab gestures.
 */
import { router, view } from '@forge/bridge';
import { useEffect, useState } from 'react';

export const jqlSearchPath = (jql: string): string => `/issues/?jql=${encodeURIComponent(jql)}`;

/** The report page of a project: Forge's "module" navigation target (NavigationLocation in @forge/bridge). */
export const reportLocation = (projectKey: string) => ({
  target: 'module' as const,
  moduleKey: 'ownership-report',
  projectKey,
});

export function openInNewTab(
  event: { preventDefault: () => void },
  target: string | ReturnType<typeof reportLocation>,
): void {
  event.preventDefault();
  void router.open(target).catch(() => undefined);
}

/** The site's base URL from Forge's context ('' until known), for real hrefs. */
export function useSiteUrl(): string {
  const [siteUrl, setSiteUrl] = useState('');
  useEffect(() => {
    view.getContext().then((c: unknown) => {
      const url = (c as { siteUrl?: unknown } | null)?.siteUrl;
      if (typeof url === 'string') setSiteUrl(url.replace(/\/$/, ''));
    }, () => undefined);
  }, []);
  return siteUrl;
}

export const issuePath = (key: string): string => `/browse/${encodeURIComponent(key)}`;
