import { readFileSync, readdirSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { buildUi } from '../../static/build';

const ROOT = resolve(__dirname, '../..');
const OPENAPI = resolve(ROOT, '../shared/openapi');
const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as Record<string, any>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}
const SRC = sourceFiles(join(ROOT, 'src'));
const code = SRC.map((f) => readFileSync(f, 'utf8')).join('\n');

beforeAll(async () => { await buildUi(); }, 60000);

describe('manifest.yml', () => {
  it('passes @forge/manifest validation', async () => {
    const { validate } = require('@forge/manifest');
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const r = await validate(false, 'manifest.yml');
      expect(r.errors ?? []).toEqual([]);
      expect(r.success).toBe(true);
    } finally { process.chdir(cwd); }
  });

  it('declares the modules the app needs, on nodejs22.x', () => {
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
    expect(manifest.modules['jira:issuePanel'][0].key).toBe('ownership-panel');
    expect(manifest.modules['jira:dashboardGadget'][0].edit.resource).toBe('main');
    expect(manifest.modules.trigger[0]).toMatchObject({
      events: ['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue'],
      filter: { ignoreSelf: true },
    });
    expect(manifest.modules.trigger[1]).toMatchObject({
      function: 'on-app-installed', events: ['avi:forge:installed:app'],
    });
    expect(
      manifest.modules['jira:entityProperty'][0].values.map((v: { searchAlias: string }) => v.searchAlias),
    ).toEqual([
      'ownershipKind',
      'ownershipShare',
      'ownershipConfidence',
      'ownershipOverridden',
      'ownershipRulesVersion',
    ]);
  });

  it('has no egress, no remotes and no unsafe-eval (Runs on Atlassian)', () => {
    expect(manifest.permissions.external).toBeUndefined();
    expect(manifest.remotes).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toMatch(/unsafe-eval|unsafe-inline/);
  });

  it('asks for no scope the code does not use', () => {
    const used: Record<string, boolean> = {
      'read:jira-work': /route`\/rest\/api\/3\/(issue|search|project|mypermissions|field)/.test(code),
      'write:jira-work': /method: 'PUT'/.test(code) && /properties/.test(code),
      'storage:app': /from '@forge\/kvs'/.test(code),
      'read:jira-user': /route`\/rest\/api\/3\/user\/bulk/.test(code),
    };
    for (const scope of manifest.permissions.scopes as string[])
      expect([scope, used[scope] ?? false]).toEqual([scope, true]);
  });

  it('one adapter folder per platform API: src/jira for @forge/api, ' +
    'src/storage for @forge/kvs and @forge/events', () => {
    const importers = (pkg: RegExp) =>
      SRC.filter((f) => pkg.test(readFileSync(f, 'utf8'))).map((f) =>
        relative(ROOT, f).split(sep).slice(0, 2).join('/'),
      );
    expect([...new Set(importers(/from '@forge\/api'/))]).toEqual(['src/jira']);
    expect([...new Set(importers(/from '@forge\/(kvs|events)'/))]).toEqual(['src/storage']);
    expect(importers(/@forge\//).filter((d) => d === 'src/domain')).toEqual([]);
  });
});

describe('@forge/lint, client-side, with the local OpenAPI specs', () => {
  let lint:
    ((...a: unknown[]) => Promise<Array<{ file: string; errors: unknown[]; warnings: unknown[] }>>) | null =
    null;
  try {
    lint = require('@forge/lint').lint;
  } catch (e) {
    lint = null;
    console.warn(
      `@forge/lint could not load here (${(e as Error).message.split('\n')[0]}): the lint test is SKIPPED`,
    );
  }
  const maybe = lint ? it : it.skip;

  maybe('reports 0 errors and 0 warnings for every source file', async () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'ob-lint-')), 'empty.json');
    writeFileSync(empty, JSON.stringify({ paths: {} }));
    Object.assign(process.env, {
      USE_LOCAL_SWAGGER: '1',
      LOCAL_JIRA_SWAGGER: join(OPENAPI, 'jira-platform-swagger-v3.v3.json'),
      LOCAL_JSW_SWAGGER: join(OPENAPI, 'jira-software-swagger.v3.json'),
      LOCAL_JSM_SWAGGER: empty,
      LOCAL_CONF_SWAGGER: empty,
      LOCAL_CONF_V2_SWAGGER: empty,
      LOCAL_BB_SWAGGER: empty,
    });
    const { validate } = require('@forge/manifest');
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const { manifestObject } = await validate(false, 'manifest.yml');
      const statsig = new Proxy({}, { get: () => async () => undefined });
      const logger = {
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
        debug: () => undefined,
      };
      // Paths relative to the app root, as the Forge CLI passes them (it matches them against tsconfig's
      // include globs).
      const results = await lint!(
        SRC.map((f) => relative(ROOT, f)),
        manifestObject.typedContent,
        'development',
        logger,
        statsig,
        { linter: { mode: 'client-side' } },
      );
      const problems = results.flatMap((r) =>
        [...r.errors, ...r.warnings].map((p) => `${r.file}: ${JSON.stringify(p)}`),
      );
      expect(problems).toEqual([]);
      expect(results.filter((r) => r.file.startsWith('src')).length + results.length).toBeGreaterThan(0);
    } finally { process.chdir(cwd); }
  }, 60000);
});
