/**
 * `npm start`: port selection, a clear message when the port is taken or a part is missing, and a working
 * preview.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { need, portFrom, startPreview, type Preview } from '../../dev/start';

describe('portFrom', () => {
  it.each([
    [['node', 'start.ts'], {}, 3000],
    [['node', 'start.ts'], { PORT: '4100' }, 4100],
    [['node', 'start.ts', '--port', '5200'], { PORT: '4100' }, 5200],
    [['node', 'start.ts', '--port', '0'], {}, 0],
  ])('%j with %j → %i', (argv, env, port) => { expect(portFrom(argv, env)).toBe(port); });

  it.each([[['x', '--port', 'abc']], [['x', '--port']], [['x', '--port', '70000']]])('refuses %j', (argv) => {
    expect(() => portFrom(argv, {})).toThrow(/Not a port number/);
  });
});

it('names the missing part instead of failing obscurely', () => {
  expect(() => need('src/not-there', 'the Forge backend (src/not-there.ts)')).toThrow(
    /npm start cannot run yet: the Forge backend \(src\/not-there\.ts\) is missing/,
  );
});

describe('the preview', () => {
  let preview: Preview;
  let blocker: Server;
  beforeAll(async () => { preview = await startPreview(0, { quiet: true }); }, 60000);
  afterAll(async () => {
    await preview?.close();
    await new Promise((r) => (blocker ? blocker.close(r) : r(undefined)));
  });

  it('serves the projects, the issue view with the real panel module, and the built Custom UI', async () => {
    const home = await (await fetch(`${preview.url}/`)).text();
    expect(home).toContain('Storefront');
    const issue = await (await fetch(`${preview.url}/browse/SHOP-1`)).text();
    const src = /<iframe data-forge[^>]*data-module="([^"]+)"[^>]*src="([^"]+)"/.exec(issue)!;
    expect(src[1]).toBe(preview.runtime.manifest.modules.find((m) => m.type === 'jira:issuePanel')!.key);
    const ui = await fetch(`${preview.url}${src[2]}`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toMatch(
      /<script src="\/__forge\/bridge\.js\?frame=[^"]+"><\/script><script src="main\.js">/,
    );
  });

  it('says plainly when the port is taken', async () => {
    blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', ok));
    const port = (blocker.address() as AddressInfo).port;
    await expect(startPreview(port, { quiet: true, classifyShop: false })).rejects.toThrow(
      `Port ${port} is already in use`,
    );
  }, 60000);
});

it("prints the local Jira's REST base URL and each demo user's e-mail and API token, " +
  "which basic auth accepts", async () => {
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => {
    printed.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  let preview: Preview | undefined;
  try {
    preview = await startPreview(0, { classifyShop: false });
  } finally {
    process.stdout.write = write;
  }
  try {
    const text = printed.join('');
    const base = /Local Jira REST API: (http:\/\/127\.0\.0\.1:\d+)\/rest\/api\/3/.exec(text)?.[1];
    const alice = /Alice Admin +e-mail (\S+) +API token (\S+)/.exec(text);
    expect([base, alice?.[1], alice?.[2]]).toEqual([
      expect.stringMatching(/^http/),
      'alice@example.com',
      'local-token-alice',
    ]);
    const me = await fetch(`${base}/rest/api/3/myself`, {
      headers: { authorization: `Basic ${Buffer.from(`${alice![1]}:${alice![2]}`).toString('base64')}` },
    });
    expect(((await me.json()) as { displayName: string }).displayName).toBe('Alice Admin');
  } finally {
    await preview!.close();
  }
}, 60000);
