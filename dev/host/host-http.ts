/**
 * The preview host's HTTP pieces: content types, the files it serves as they are, its own CSP and Forge's
 * Custom UI CSP, the answer writer, the bridge script put into every Custom UI page, and who is viewing.
 */
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { Viewer } from './html';

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.woff2': 'font/woff2',
};
const BRIDGE_DIR = resolve(__dirname, '../bridge');
const ASSETS_DIR = resolve(__dirname, 'assets');
export const STATIC: Record<string, string> = {
  '/__forge/bridge.js': join(BRIDGE_DIR, 'bridge.js'),
  '/__forge/tokens.css': join(BRIDGE_DIR, 'tokens.css'),
  '/__host/host.js': join(ASSETS_DIR, 'host.js'),
  '/__host/host.css': join(ASSETS_DIR, 'host.css'),
};
export const ICON = join(__dirname, '..', '..', 'static', 'app', 'public', 'icon.svg');

/** The host's own pages: scripts from files only. */
export const HOST_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; " +
  "object-src 'none'; base-uri 'none'";

/** Forge's Custom UI CSP: no inline script, no eval, unless manifest permissions.content allows them. */
export function customUiCsp(content: { scripts: string[]; styles: string[] }): string {
  const extra = (values: string[]) =>
    values.filter((v) => v === 'unsafe-inline' || v === 'unsafe-eval').map((v) => ` '${v}'`).join('');
  return (
    `default-src 'self'; script-src 'self'${extra(content.scripts)}; ` +
    `style-src 'self'${extra(content.styles)}; ` +
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
    "base-uri 'none'; frame-ancestors 'self'"
  );
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = TYPES['.html']!,
  extra: Record<string, string> = {},
): void {
  const headers = { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
  res.writeHead(status, { ...headers, ...extra });
  res.end(body);
}

export const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, JSON.stringify(body), 'application/json');

/** A Custom UI page with the bridge script first, before the page's own scripts (as Forge injects it). */
export function withBridgeScript(html: string, frame: string): string {
  const bridge = `<script src="/__forge/bridge.js?frame=${encodeURIComponent(frame)}"></script>`;
  const at = html.search(/<script\b/i);
  if (at < 0) return html.replace(/<\/head>/i, `${bridge}</head>`);
  return `${html.slice(0, at)}${bridge}${html.slice(at)}`;
}

/** The demo user named by `?as=` (default Alice) and the theme of `?theme=`. */
export function viewerOf(
  url: URL,
  users: Array<{ accountId: string; name: string; displayName: string }>,
): Viewer {
  const who = url.searchParams.get('as') ?? 'alice';
  const user = users.find((u) => u.name === who || u.accountId === who) ?? users[0]!;
  const theme = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
  return { accountId: user.accountId, name: user.name, displayName: user.displayName, theme };
}
