/** Tiny HTML helpers for the preview host: everything from Jira is escaped, so it shows as text. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function page(title: string, body: string, opts: { theme: string; user: string; users: Array<{ name: string; displayName: string }>; path: string }): string {
  const switcher = opts.users.map((u) => `<option value="${esc(u.name)}"${u.name === opts.user ? ' selected' : ''}>${esc(u.displayName)}</option>`).join('');
  return `<!doctype html><html lang="en" data-color-mode="${esc(opts.theme)}"><head><meta charset="utf-8"><title>${esc(title)} · Ownership Balance preview</title>
<link rel="stylesheet" href="/__forge/tokens.css"><link rel="stylesheet" href="/__host/host.css"><script src="/__host/host.js" defer></script></head>
<body><header class="top"><a href="/?as=${esc(opts.user)}&theme=${esc(opts.theme)}"><strong>Jira</strong> · local preview</a>
<form class="switch" method="get" action="${esc(opts.path)}"><label>Acting as <select name="as" data-autosubmit>${switcher}</select></label>
<label>Theme <select name="theme" data-autosubmit><option value="light"${opts.theme === 'light' ? ' selected' : ''}>Light</option><option value="dark"${opts.theme === 'dark' ? ' selected' : ''}>Dark</option></select></label></form></header>
<main>${body}</main></body></html>`;
}
