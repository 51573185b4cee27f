/** A fresh local Forge runtime per test, serving the fixture app, for the @forge/kvs suites. */
import { resolve } from 'node:path';
import type { ForgeKvsAPIError } from '@forge/kvs';
import { createForgeRuntime, type ForgeRuntime } from '../../dev/runtime';
import * as fixtureApp from './fixtures';

const MANIFEST = resolve(__dirname, 'fixtures/manifest.yml');
const start = (storage?: { kind: 'file'; path: string }) =>
  createForgeRuntime({ manifestPath: MANIFEST, app: fixtureApp, jiraBaseUrl: 'http://127.0.0.1:9', storage });

/** The error code a KVS call fails with, or 'resolved'. */
export const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: ForgeKvsAPIError) => e.code);

/** Starts a runtime before each test and closes it after; `restart` replaces it (a file store survives). */
export function useFreshRuntime() {
  let runtime: ForgeRuntime;
  beforeEach(() => { runtime = start(); });
  afterEach(async () => { await runtime.close(); });
  return {
    current: () => runtime,
    restart: async (storage: { kind: 'file'; path: string }) => {
      await runtime.close();
      runtime = start(storage);
      return runtime;
    },
  };
}
