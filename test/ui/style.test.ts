/**
 * The app's stylesheet speaks Atlassian's design tokens: every colour is a --ds-* token (its literal only a
 * fallback).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const css = readFileSync(resolve(__dirname, '../../static/app/public/main.css'), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

describe('main.css', () => {
  it('uses no colour outside a design token', () => {
    let rest = css;
    for (let i = 0; i < 3; i++)
      rest = rest.replace(/var\(--ds-[a-z0-9-]+, [^()]*(\([^()]*\)[^()]*)*\)/g, 'TOKEN');
    expect(rest.match(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/gi) ?? []).toEqual([]);
  });

  it('takes spacing from the space tokens', () => {
    const raw = [...css.matchAll(/\b(gap|padding): ([^;}]+)/g)]
      .map((m) => m[2]!)
      .filter((v) => /\b(4|8|12|16|24)px\b/.test(v.replace(/var\([^)]*\)/g, '')));
    expect(raw).toEqual([]);
  });
});
