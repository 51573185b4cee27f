import { classify, normaliseText } from '../../src/domain';
import { makeWorkItem } from '../factories/work-item';

/** Fifty writing systems, by a sample code point range each (Latin to Cuneiform). */
const SCRIPTS: Array<[string, number]> = [
  ['Latin', 0x61],
  ['Greek', 0x3b1],
  ['Cyrillic', 0x430],
  ['Armenian', 0x561],
  ['Hebrew', 0x5d0],
  ['Arabic', 0x628],
  ['Syriac', 0x710],
  ['Thaana', 0x780],
  ['NKo', 0x7ca],
  ['Devanagari', 0x915],
  ['Bengali', 0x995],
  ['Gurmukhi', 0xa15],
  ['Gujarati', 0xa95],
  ['Oriya', 0xb15],
  ['Tamil', 0xb95],
  ['Telugu', 0xc15],
  ['Kannada', 0xc95],
  ['Malayalam', 0xd15],
  ['Sinhala', 0xd9a],
  ['Thai', 0xe01],
  ['Lao', 0xe81],
  ['Tibetan', 0xf40],
  ['Myanmar', 0x1000],
  ['Georgian', 0x10d0],
  ['Hangul', 0xac00],
  ['Ethiopic', 0x1200],
  ['Cherokee', 0x13a0],
  ['Canadian Syllabics', 0x1401],
  ['Ogham', 0x1681],
  ['Runic', 0x16a0],
  ['Tagalog', 0x1700],
  ['Khmer', 0x1780],
  ['Mongolian', 0x1820],
  ['Limbu', 0x1900],
  ['Tai Le', 0x1950],
  ['Buginese', 0x1a00],
  ['Balinese', 0x1b05],
  ['Sundanese', 0x1b83],
  ['Lepcha', 0x1c00],
  ['Ol Chiki', 0x1c5a],
  ['Glagolitic', 0x2c00],
  ['Tifinagh', 0x2d30],
  ['Hiragana', 0x3042],
  ['Katakana', 0x30a2],
  ['Bopomofo', 0x3105],
  ['CJK', 0x4e00],
  ['Yi', 0xa000],
  ['Vai', 0xa500],
  ['Gothic', 0x10330],
  ['Cuneiform', 0x12000],
];
const sample = (start: number) =>
  Array.from({ length: 40 }, (_, i) => String.fromCodePoint(start + (i % 20))).join('') + ' ';

describe('hostile and odd content still gets a bounded, well-formed result', () => {
  it.each(SCRIPTS)('%s text', (_name, start) => {
    const r = classify(
      makeWorkItem({ summary: sample(start).repeat(3), description: sample(start).repeat(200) }),
    );
    expect(['strategic', 'tactical', 'mixed']).toContain(r.kind);
    expect(r.strategicShare).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['emoji only', '🚀🔥💥✨🎯 '.repeat(500)],
    ['only code', '```\nfunction roadmap() { return pricing(vision); }\n```'],
    [
      'only a stack trace',
      'TypeError: x is undefined\n    at Object.<anonymous> (/app/index.js:1:1)\n' +
        '    at Module._compile (node:internal/modules/cjs/loader:1:1)',
    ],
    ['empty everything', ''],
    ['whitespace', ' \n\t '.repeat(1000)],
    ['control characters', '\u0000\u0001\u202e\ufeff'.repeat(100)],
    ['a megabyte of one word', 'roadmap'.repeat(150000)],
  ])('%s', (_n, description) => {
    const r = classify(makeWorkItem({ summary: '', description, labels: [], type: '' }));
    expect(['strategic', 'tactical', 'mixed']).toContain(r.kind);
    expect(r.evidence.length).toBeLessThanOrEqual(6);
    expect(JSON.stringify(r).length).toBeLessThan(4000);
  });

  it('deeply nested and unknown ADF nodes', () => {
    let node: Record<string, unknown> = {
      type: 'paragraph',
      content: [{ type: 'text', text: 'market research' }],
    };
    for (let i = 0; i < 100000; i++)
      node = { type: i % 2 ? 'unknownFutureNode' : 'bulletList', content: [node] };
    const text = normaliseText({ type: 'doc', version: 1, content: [node] } as never);
    expect(typeof text).toBe('string');
    expect(
      classify(makeWorkItem({ description: { type: 'doc', content: [node] } as never })).rulesVersion,
    ).toMatch(/^r\d+-[0-9a-f]{12}$/);
  });

  it('ADF with hostile shapes (cycles are impossible in JSON; wrong types are not)', () => {
    const weird = {
      type: 'doc',
      content: [
        null,
        5,
        'text',
        { type: 7 },
        { type: 'text', text: 42 },
        { type: 'paragraph', content: 'not an array' },
        { type: 'paragraph', content: [{ type: 'text', text: 'pricing strategy' }] },
      ],
    };
    expect(normaliseText(weird as never)).toContain('pricing strategy');
  });
});
