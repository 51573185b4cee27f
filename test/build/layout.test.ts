/**
 * The layout rules of the developers' guide that a machine can check: lines under ~110 columns in all
 * TypeScript the project writes (src, static, test, dev, bench).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SKIPPED = new Set(['node_modules', 'build', 'dist', 'screenshots']);

function typescriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return SKIPPED.has(f) ? [] : typescriptFiles(p);
    return /\.tsx?$/.test(f) ? [p] : [];
  });
}

const FILES = ['src', 'static', 'test', 'dev', 'bench'].flatMap((d) => typescriptFiles(join(ROOT, d)));

it('finds the project\'s TypeScript (the walk is not empty)', () => {
  expect(FILES.length).toBeGreaterThan(200);
  expect(FILES).toContain(join(ROOT, 'src/index.ts'));
});

it('keeps every line within 110 columns', () => {
  const long = FILES.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, n) => (line.length > 110 ? [`${relative(ROOT, f)}:${n + 1} (${line.length})`] : [])),
  );
  expect(long).toEqual([]);
});
