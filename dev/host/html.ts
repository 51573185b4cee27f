/** HTML and text helpers for the preview host: everything from Jira is escaped, so it shows as text. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export interface Viewer { accountId: string; name: string; displayName: string; theme: 'light' | 'dark' }

export interface PageChrome {
  viewer: Viewer;
  users: Array<{ name: string; displayName: string }>;
  path: string;
  /** Query parameters the user and theme switcher keeps (e.g. edit=1, jql). */
  keep: Record<string, string>;
}

/** `as=…&theme=…` for links that keep the acting user and theme. */
export const viewerQuery = (v: Viewer): string => `as=${encodeURIComponent(v.name)}&theme=${v.theme}`;

export function page(title: string, body: string, chrome: PageChrome): string {
  const v = chrome.viewer;
  const q = viewerQuery(v);
  const selected = (on: boolean) => (on ? ' selected' : '');
  const switcher = chrome.users
    .map((u) => `<option value="${esc(u.name)}"${selected(u.name === v.name)}>${esc(u.displayName)}</option>`)
    .join('');
  const hidden = Object.entries(chrome.keep)
    .map(([k, val]) => `<input type="hidden" name="${esc(k)}" value="${esc(val)}">`)
    .join('');
  const themeOption = (t: string, label: string) =>
    `<option value="${t}"${selected(v.theme === t)}>${label}</option>`;
  const themes = `${themeOption('light', 'Light')}${themeOption('dark', 'Dark')}`;
  return [
    `<!doctype html><html lang="en" data-color-mode="${v.theme}"><head><meta charset="utf-8">`,
    `<title>${esc(title)} · Jira (local preview)</title>\n`,
    '<link rel="stylesheet" href="/__forge/tokens.css"><link rel="stylesheet" href="/__host/host.css">',
    '<script src="/__host/host.js" defer></script></head>\n',
    '<body><header class="top"><nav aria-label="Jira">',
    `<a href="/?${q}"><strong>Jira</strong> · local preview</a> <a href="/dashboard?${q}">Dashboard</a> `,
    `<a href="/create?${q}">Create</a> <a href="/admin?${q}">Apps</a></nav>\n`,
    `<form class="switch" method="get" action="${esc(chrome.path)}">${hidden}`,
    `<label>Acting as <select name="as" data-autosubmit>${switcher}</select></label>\n`,
    `<label>Theme <select name="theme" data-autosubmit>${themes}</select></label>`,
    '<noscript><button type="submit">Switch</button></noscript></form></header>\n',
    '<div id="flags" role="status" aria-live="polite"></div>\n',
    `<main>${body}</main></body></html>`,
  ].join('');
}

type AdfNode = { type?: string; text?: string; content?: AdfNode[] };

/** Plain text of an Atlassian Document Format value, one line per block. */
export function adfToText(node: unknown): string {
  if (node === null || typeof node !== 'object') return typeof node === 'string' ? node : '';
  const n = node as AdfNode;
  if (n.type === 'text') return n.text ?? '';
  if (n.type === 'hardBreak') return '\n';
  const inner = (n.content ?? []).map(adfToText).join('');
  return ['paragraph', 'heading', 'listItem', 'codeBlock', 'blockquote'].includes(n.type ?? '')
    ? `${inner}\n`
    : inner;
}
