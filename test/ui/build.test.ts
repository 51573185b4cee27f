import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildUi } from '../../static/build';

jest.setTimeout(60000);

describe('buildUi', () => {
  let outdir: string;
  let result: Awaited<ReturnType<typeof buildUi>>;
  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'ob-ui-build-'));
    result = await buildUi({ outdir });
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('writes index.html, main.js and main.css, and reports each with its gzipped size', () => {
    expect(result.outdir).toBe(outdir);
    for (const name of ['index.html', 'main.js', 'main.css']) {
      const file = result.files.find((f) => f.name === name);
      expect(file).toBeDefined();
      expect(file!.bytes).toBe(readFileSync(join(outdir, name)).length);
      expect(file!.gzipBytes).toBeGreaterThan(0);
      expect(file!.gzipBytes).toBeLessThan(file!.bytes);
    }
  });

  it('the first load of any view (index.html, main.js, main.css) stays within 150 KB gzipped', () => {
    const total = ['index.html', 'main.js', 'main.css'].reduce(
      (sum, name) => sum + result.files.find((f) => f.name === name)!.gzipBytes,
      0,
    );
    expect(total).toBeLessThanOrEqual(150 * 1024);
  });

  it('index.html has no inline script, no inline style and no event handler attributes (Forge CSP)', () => {
    const html = readFileSync(join(outdir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.map((m) => [m[1]!.trim(), m[2]!.trim()])).toEqual([['src="main.js"', '']]);
    expect(html).toMatch(/<link rel="stylesheet" href="main.css"\s*\/?>/);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('the bundle never injects HTML from strings', () => {
    const js = readFileSync(join(outdir, 'main.js'), 'utf8');
    expect(js).not.toMatch(/dangerouslySetInnerHTML:/);
    expect(js).not.toMatch(/\beval\(/);
  });

  it('no UI source renders markup from strings', () => {
    const root = join(__dirname, '../../static/app/src');
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    expect(sources.length).toBeGreaterThan(10);
    const offenders = sources.filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(
        readFileSync(join(root, f), 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
