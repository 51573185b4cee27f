/** A tiny Jira stand-in for the runtime tests: records who asked for what, answers by principal. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  principal: string | undefined;
  accept: string | undefined;
  body: string;
}

export interface FakeJira { url: string; seen: SeenRequest[]; close(): Promise<void> }

/** `/rest/api/3/myself` echoes the principal; issue FIX-1 is visible to everyone, FIX-2 to the app only. */
export async function startFakeJira(): Promise<FakeJira> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const principal = req.headers['x-forge-principal'] as string | undefined;
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      seen.push({
        method: req.method ?? 'GET',
        path,
        principal,
        accept: req.headers.accept,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (path === '/rest/api/3/myself')
        return principal?.startsWith('user:')
          ? send(200, { accountId: principal.slice(5) })
          : send(401, { errorMessages: ['not a user'] });
      const issue = /^\/rest\/api\/3\/issue\/([A-Z]+-\d+)$/.exec(path)?.[1];
      if (issue === 'FIX-1' || (issue === 'FIX-2' && principal === 'app'))
        return send(200, { key: issue, fields: { summary: `Summary of ${issue}` } });
      return send(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
