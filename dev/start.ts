/**
 * `npm start`: the app on its embedded demo data — the Jira emulator, the Forge runtime with the
 * real handlers, the Custom UI build, and the preview host that frames it as Jira would.
 * PORT env or --port N (default 3000).
 */
import { resolve } from 'node:path';
import { buildUi } from '../static/build';
import { DEMO_USERS, startJiraEmulator } from './emulator';
import { createHostServer } from './host/host-server';
import { createForgeRuntime } from './runtime';

export async function startPreview(port: number, opts: { quiet?: boolean; classifyShop?: boolean } = {}) {
  const t0 = Date.now();
  const log = (s: string) => { if (!opts.quiet) process.stdout.write(`${s}\n`); };
  const manifestPath = resolve(__dirname, '../manifest.yml');
  const { outdir } = await buildUi();
  const emulator = await startJiraEmulator({ manifestPath });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require('../src/index') as Record<string, unknown>;
  const runtime = createForgeRuntime({ manifestPath, app, jiraBaseUrl: emulator.url, autoRunQueues: true });
  emulator.onEvent((event) => runtime.deliverEvent(event).then(() => undefined));
  if (opts.classifyShop !== false) {
    // Storefront starts classified; Mobile App is left for the gadget's "Classify them" backfill.
    await runtime.invokeResolver({ moduleKey: 'ownership-gadget', functionKey: 'startBackfill', payload: { projectKey: 'SHOP' }, accountId: DEMO_USERS.admin.accountId, extension: { type: 'jira:dashboardGadget' } });
    await runtime.drainQueues();
  }
  const server = createHostServer({ emulator, runtime, resourceDir: outdir });
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => fail(e.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use. Start on another one: PORT=3001 npm start (or npm start -- --port 3001).`) : e));
    server.listen(port, '127.0.0.1', () => ok());
  });
  const address = server.address();
  const url = `http://localhost:${typeof address === 'object' && address ? address.port : port}`;
  log(`Ownership Balance preview is running at ${url}  (ready in ${Date.now() - t0} ms)`);
  log(`  ${url}/browse/SHOP-1          issue view with the panel`);
  log(`  ${url}/dashboard              the gadget (?edit=1 for its edit view)`);
  log(`  ${url}/?as=bob                act as Bob, who may browse Storefront but not edit it`);
  return { url, server, emulator, runtime, close: async () => { server.closeAllConnections(); await new Promise((r) => server.close(r)); await runtime.close(); await emulator.close(); } };
}

if (require.main === module) {
  const i = process.argv.indexOf('--port');
  const port = Number(i >= 0 ? process.argv[i + 1] : process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) { process.stderr.write(`Not a port number: ${i >= 0 ? process.argv[i + 1] : process.env.PORT}\n`); process.exit(2); }
  startPreview(port).catch((e: unknown) => { process.stderr.write(`${(e as Error).message}\n`); process.exit(1); });
}
