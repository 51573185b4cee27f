/**
 * `npm start`: the app on its embedded demo data — the Jira emulator, the Forge runtime with the
 * real handlers (emulator events delivered to the app's trigger), the Custom UI build, and the
 * preview host that frames it as Jira would. Port: PORT or --port N (default 3000; 0 = any free).
 * Storage is in memory; --storage FILE (or FORGE_STORAGE_FILE) keeps app storage across restarts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Server } from 'node:http';
import type { JiraEmulator } from './emulator';
import { createHostServer } from './host/host-server';
import { createForgeRuntime, type ForgeRuntime } from './runtime';

export interface PreviewOptions { quiet?: boolean; classifyShop?: boolean; storageFile?: string }
export interface Preview {
  url: string;
  server: Server;
  emulator: JiraEmulator;
  runtime: ForgeRuntime;
  bootMs: number;
  close(): Promise<void>;
}

const ROOT = resolve(__dirname, '..');

/** Loads a part the preview needs, or says plainly which file is missing and who provides it. */
export function need<T>(relativePath: string, what: string): T {
  const file = resolve(ROOT, relativePath);
  if (!existsSync(`${file}.ts`) && !existsSync(`${file}/index.ts`) && !existsSync(file)) {
    throw new Error(
      `npm start cannot run yet: ${what} is missing (${relativePath}.ts). ` +
        'It is built separately; start again once it has landed.',
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as T;
}

export async function startPreview(port: number, opts: PreviewOptions = {}): Promise<Preview> {
  const t0 = Date.now();
  const log = (s: string) => { if (!opts.quiet) process.stdout.write(`${s}\n`); };
  const manifestPath = resolve(ROOT, 'manifest.yml');
  if (!existsSync(manifestPath)) throw new Error('npm start cannot run yet: manifest.yml is missing.');
  const { startJiraEmulator, DEMO_USERS } = need<typeof import('./emulator')>(
    'dev/emulator/index',
    'the Jira emulator (dev/emulator)',
  );
  const app = need<Record<string, unknown>>('src/index', 'the Forge backend (src/index.ts)');
  const { buildUi } = need<{ buildUi: () => Promise<{ outdir: string }> }>(
    'static/build',
    'the Custom UI build script (static/build.ts)',
  );
  const contract = existsSync(resolve(ROOT, 'src/contract/index.ts'))
    ? need<{ DEFAULT_GADGET_CONFIG?: Record<string, unknown> }>('src/contract/index', 'the contract')
    : {};

  const [{ outdir }, emulator] = await Promise.all([
    buildUi(),
    startJiraEmulator({
      manifestPath,
      onSpecViolation: (v) => process.stderr.write(`[local Jira] not as Atlassian's spec says: ${v}\n`),
    }),
  ]);
  const storageFile = opts.storageFile ?? process.env.FORGE_STORAGE_FILE;
  const runtime = createForgeRuntime({
    manifestPath,
    app,
    jiraBaseUrl: emulator.url,
    autoRunQueues: true,
    storage: storageFile ? { kind: 'file', path: resolve(storageFile) } : { kind: 'memory' },
  });

  const deliveries = new Set<Promise<unknown>>();
  emulator.onEvent((event) => {
    const p = runtime.deliverEvent(event).then((out) => {
      if (out.error && !opts.quiet)
        process.stderr.write(`[trigger] ${(out.error as Error).message ?? String(out.error)}\n`);
    });
    deliveries.add(p);
    void p.finally(() => deliveries.delete(p));
    return p;
  });
  const afterWrite = async () => { while (deliveries.size > 0) await Promise.allSettled([...deliveries]); };
  // Installing the app: Forge sends its installation event (kept once in storage: a restart keeps the first).
  await runtime.deliverEvent({
    payload: { eventType: 'avi:forge:installed:app', installerAccountId: DEMO_USERS.admin.accountId },
    causedBy: { kind: 'user', accountId: DEMO_USERS.admin.accountId },
  });

  if (opts.classifyShop !== false) {
    // The first project starts classified (through the app's own backfill); the second is left for the
    // gadget's "Classify them".
    try {
      await runtime.invokeResolver({
        moduleKey: 'ownership-gadget',
        functionKey: 'startBackfill',
        payload: { projectKey: 'SHOP' },
        accountId: DEMO_USERS.admin.accountId,
        extension: { type: 'jira:dashboardGadget' },
      });
      await runtime.drainQueues();
    } catch (e) {
      log(`Note: the demo project was not pre-classified (${(e as Error).message}).`);
    }
  }

  const initialGadgetConfiguration = contract.DEFAULT_GADGET_CONFIG
    ? { ...contract.DEFAULT_GADGET_CONFIG, projectKey: 'SHOP' }
    : {};
  const server = createHostServer({
    emulator,
    runtime,
    resourceDir: outdir,
    manifestDir: ROOT,
    initialGadgetConfiguration,
    afterWrite,
  });
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', (e: NodeJS.ErrnoException) =>
        fail(
          e.code === 'EADDRINUSE'
            ? new Error(
                `Port ${port} is already in use (another npm start?). ` +
                  'Start on another one: PORT=3001 npm start, or npm start -- --port 3001.',
              )
            : e,
        ),
      );
      server.listen(port, '127.0.0.1', () => ok());
    });
  } catch (e) {
    await runtime.close();
    await emulator.close();
    throw e;
  }
  const address = server.address();
  const url = `http://localhost:${typeof address === 'object' && address ? address.port : port}`;
  const bootMs = Date.now() - t0;
  log(`Ownership Balance preview is running at ${url}  (ready in ${bootMs} ms)`);
  log(`  ${url}/                      projects and links`);
  log(`  ${url}/browse/SHOP-1         issue view with the panel`);
  log(
    `  ${url}/dashboard             the gadget at 400, 500 and 800 px (/dashboard?edit=1 for its edit view)`,
  );
  log(`  ${url}/projects/SHOP/apps/ownership-report  the project page: the full report`);
  log(`  ${url}/admin                 the Jira admin page`);
  log(`  ${url}/browse/SHOP-1?as=bob  the same as Bob, who may browse Storefront but not edit it`);
  log(
    `Local Jira REST API: ${emulator.url}/rest/api/3 (point any Jira client at ${emulator.url}, basic auth):`,
  );
  for (const u of [...emulator.store.users.values()].filter((x) => x.email))
    log(`  ${u.displayName.padEnd(12)} e-mail ${u.email}  API token ${u.apiToken}`);
  return {
    url,
    server,
    emulator,
    runtime,
    bootMs,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await runtime.close();
      await emulator.close();
    },
  };
}

/** The port from --port N, else PORT, else 3000. */
export function portFrom(argv: string[], env: NodeJS.ProcessEnv): number {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : env.PORT ?? '3000';
  const port = Number(raw);
  if (!/^\d+$/.test(raw ?? '') || port > 65535)
    throw new Error(`Not a port number: ${raw ?? '(nothing after --port)'}`);
  return port;
}

if (require.main === module) {
  let port: number;
  try {
    port = portFrom(process.argv, process.env);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  const s = process.argv.indexOf('--storage');
  startPreview(port, { storageFile: s >= 0 ? process.argv[s + 1] : undefined }).catch((e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  });
}
