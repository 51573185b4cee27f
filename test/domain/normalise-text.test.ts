import { classify, normaliseText } from '../../src/domain';
import { makeWorkItem } from '../factories/work-item';
import adfIssue from '../../../shared/fixtures/spec-examples/getIssue.response.200.json';

const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('ADF', () => {
  it.each([
    [
      'paragraphs',
      doc(p('Our product vision'), p('for next year')),
      ['Our product vision', 'for next year'],
      [],
    ],
    [
      'headings and lists',
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Goals' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [p('grow revenue')] }] },
      ),
      ['Goals', 'grow revenue'],
      [],
    ],
    [
      'tables',
      doc({
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', content: [p('Metric')] },
              { type: 'tableCell', content: [p('Activation')] },
            ],
          },
        ],
      }),
      ['Metric', 'Activation'],
      [],
    ],
    [
      'panels and expands',
      doc(
        { type: 'panel', attrs: { panelType: 'info' }, content: [p('market research')] },
        { type: 'expand', content: [p('hidden detail')] },
      ),
      ['market research', 'hidden detail'],
      [],
    ],
    [
      'code blocks are dropped',
      doc(p('Fix it'), {
        type: 'codeBlock',
        attrs: { language: 'js' },
        content: [{ type: 'text', text: 'roadmap.pricing()' }],
      }),
      ['Fix it'],
      ['roadmap.pricing'],
    ],
    [
      'inline code marks are dropped',
      doc({ type: 'paragraph', content: [{ type: 'text', text: 'vision_flag', marks: [{ type: 'code' }] }] }),
      [],
      ['vision_flag'],
    ],
    [
      'mentions, emoji and cards do not leak ids',
      doc({
        type: 'paragraph',
        content: [
          { type: 'mention', attrs: { id: '5b10', text: '@Roadmap Person' } },
          { type: 'emoji', attrs: { shortName: ':rocket:' } },
          { type: 'inlineCard', attrs: { url: 'https://x/pricing' } },
        ],
      }),
      [],
      ['Roadmap Person', 'pricing'],
    ],
    [
      'unknown future nodes are read by their content',
      doc({ type: 'futureWidget', content: [p('customer discovery')] }),
      ['customer discovery'],
      [],
    ],
    [
      'task lists become checklists',
      doc({
        type: 'taskList',
        content: [
          { type: 'taskItem', attrs: { state: 'TODO' }, content: [{ type: 'text', text: 'write tests' }] },
        ],
      }),
      ['- [ ] write tests'],
      [],
    ],
  ])('%s', (_n, adf, present, absent) => {
    const text = normaliseText(adf as never);
    for (const s of present) expect(text).toContain(s);
    for (const s of absent) expect(text).not.toContain(s);
  });

  it('reads a real v3 issue description from the spec examples', () => {
    const description = (adfIssue as { fields: { description?: unknown } }).fields.description;
    expect(typeof normaliseText(description as never)).toBe('string');
  });

  it('reads ADF given as a JSON string', () => {
    expect(normaliseText(JSON.stringify(doc(p('north star'))))).toBe('north star');
  });

  it('survives deeply nested ADF in bounded time', () => {
    let node: Record<string, unknown> = p('deep roadmap');
    for (let i = 0; i < 20000; i++) node = { type: 'blockquote', content: [node] };
    expect(normaliseText(doc(node) as never)).toContain('deep roadmap');
  });
});

describe('wiki markup, Markdown, {html} and plain text', () => {
  it.each([
    [
      'wiki code',
      'Fix the crash\n{code:java}roadmap.vision();{code}\nafter',
      ['Fix the crash', 'after'],
      ['roadmap'],
    ],
    ['wiki noformat', '{noformat}pricing table{noformat}done', ['done'], ['pricing']],
    [
      'wiki headings and links',
      'h3. Steps\nSee [the roadmap|https://example.com/roadmap]',
      ['Steps', 'the roadmap'],
      ['https', 'h3.'],
    ],
    ['markdown fences', 'Intro\n```\nmarket = 1\n```\nOutro', ['Intro', 'Outro'], ['market']],
    ['markdown links', 'Read [our vision](https://x.io/vision-doc) now', ['our vision'], ['x.io']],
    [
      'html block',
      '{html}<p>Grow <b>revenue</b></p><script>alert(1)</script>{html}',
      ['Grow', 'revenue'],
      ['<p>', 'alert'],
    ],
    ['bare URLs', 'see https://example.com/pricing/plans for details', ['see', 'for details'], ['pricing']],
    [
      'stack traces',
      'Crash on start\nTypeError: x is undefined\n    at Object.<anonymous> (/app/roadmap.js:10:5)\n' +
        '    at Module._compile (node:internal)',
      ['Crash on start'],
      ['roadmap.js', 'Module._compile'],
    ],
    [
      'log lines',
      'Build fails\n[INFO] :   Creating market assets\n[ERROR] vision not found\n' +
        '2024-01-02 10:00:00 pricing job',
      ['Build fails'],
      ['market', 'vision', 'pricing'],
    ],
    ['plain text', 'Just words', ['Just words'], []],
  ])('%s', (_n, input, present, absent) => {
    const text = normaliseText(input);
    for (const s of present) expect(text).toContain(s);
    for (const s of absent) expect(text).not.toContain(s);
  });

  it.each([null, undefined, '', 42 as never, { notAdf: true } as never])(
    'empty or foreign input %p gives empty text',
    (input) => {
      expect(normaliseText(input)).toBe('');
    },
  );
});

describe('code, traces and URLs do not drive the decision', () => {
  it('a bug whose stack trace mentions roadmap and pricing stays tactical', () => {
    const r = classify(
      makeWorkItem({
        type: 'Bug',
        summary: 'App crashes on start',
        description:
          '{code}roadmap.pricing.vision.market(){code}\n    at RoadmapService.pricing (roadmap.js:1:1)\n' +
            'https://x/roadmap/pricing/vision',
      }),
    );
    expect(r.kind).toBe('tactical');
    expect(r.evidence.filter((e) => e.highlight && e.side === 'PM')).toEqual([]);
  });
  it('1 MB descriptions are handled and still classified', () => {
    const huge = 'Fix the layout of the settings page. '.repeat(30000);
    const r = classify(makeWorkItem({ description: huge }));
    expect(r.kind).toBe('tactical');
  });
});
