import { readFileSync } from 'node:fs';
import { fittedModelJson, MODEL_FILE } from '../../dev/fit-model';
import { MODEL, MODEL_INPUTS, classify } from '../../src/domain';
import { INPUT_RULES } from '../../src/domain/model-inputs';
import { WORD_SENSE_RULES } from '../../src/domain/word-sense';
import { ENGINEERING_SENSE_RULES } from '../../src/domain/engineering-sense';
import { PHRASE_MATCH_RULES } from '../../src/domain/signal-matcher';
import { STEM_RULES } from '../../src/domain/tokenize';
import { makeWorkItem } from '../factories/work-item';

describe('the fitted model', () => {
  it('rerunning the fitting script reproduces the shipped weights byte for byte', () => {
    expect(fittedModelJson()).toBe(readFileSync(MODEL_FILE, 'utf8'));
  });

  it('names every input it weighs, each citing a seed', () => {
    expect([...MODEL.inputs].sort()).toEqual(MODEL_INPUTS.map((i) => i.name).sort());
    for (const input of MODEL_INPUTS) expect(['000', '001', '002', '003', '004']).toContain(input.seed);
  });

  it('evidence inputs keep their side: PM words raise the share, PO words lower it', () => {
    for (const name of MODEL.inputs.filter((n) => n.startsWith('pm-')))
      expect(MODEL.weights[name]).toBeGreaterThanOrEqual(0);
    for (const name of MODEL.inputs.filter((n) => n.startsWith('po-')))
      expect(MODEL.weights[name]).toBeLessThanOrEqual(0);
  });

  it('each evidence item carries its signed part of the decision', () => {
    const r = classify(
      makeWorkItem({
        type: 'Story',
        summary: 'Define pricing tiers for the enterprise market',
        description: 'Fix the crash.',
      }),
    );
    const pm = r.evidence.find(
      (e) => e.signal === 'pricing-budget' || e.alsoSignals?.includes('pricing-budget'),
    );
    expect(pm?.weight).toBeGreaterThan(0);
    expect(r.evidence.find((e) => e.signal === 'delivery')?.weight).toBeLessThan(0);
  });
});

describe('RULES_VERSION', () => {
  it('covers word sense, phrase matching and negation, the stemmer and the inputs, ' +
    'beside catalogue and weights', () => {
    const source = readFileSync(require.resolve('../../src/domain/classifier'), 'utf8');
    expect(source).toMatch(
      /const senses = \[WORD_SENSE_RULES, ENGINEERING_SENSE_RULES, PHRASE_MATCH_RULES, STEM_RULES\];/,
    );
    expect(source).toMatch(
      /JSON\.stringify\(\[SIGNALS\.map\(sig\), SCORING, MODEL, INPUT_RULES, \.\.\.senses\]\)/,
    );
    expect(WORD_SENSE_RULES).toContain('"proxy"');
    expect(ENGINEERING_SENSE_RULES).toContain('"performance"');
    expect(PHRASE_MATCH_RULES).toContain('"primarily"');
    expect(PHRASE_MATCH_RULES).toContain('"nothing"');
    expect(PHRASE_MATCH_RULES).toContain('"longer"');
    expect(INPUT_RULES).toContain('"pm-argument"');
    expect(STEM_RULES).toContain('"formed"');
  });
});

describe('evidence fit for a person', () => {
  it('marks where the matched words sit in the quote', () => {
    const r = classify(
      makeWorkItem({
        summary: 'Checkout',
        description: 'We need a competitor analysis before we commit to anything here.',
      }),
    );
    const ev = r.evidence.find((e) => e.signal === 'market')!;
    expect(ev.text.slice(ev.highlight![0], ev.highlight![1]).toLowerCase()).toBe('competitor');
  });

  it('drops bidi controls and NULs from quotes', () => {
    const r = classify(
      makeWorkItem({
        summary: 'Checkout',
        description: 'Our \u202epricing\u202c model\u0000 for the next year',
      }),
    );
    for (const e of r.evidence) expect(e.text).not.toMatch(/[\u0000\u202a-\u202e\u2066-\u2069]/);
    const ev = r.evidence.find((e) => e.signal === 'pricing-budget')!;
    expect(ev.text.slice(ev.highlight![0], ev.highlight![1])).toBe('pricing');
  });

  it('shows one quote once, however many signals of a side it carries', () => {
    const r = classify(makeWorkItem({ summary: 'Grow revenue and market share over the next two years' }));
    const quotes = r.evidence.filter((e) => e.highlight).map((e) => `${e.side}:${e.text}`);
    expect(new Set(quotes).size).toBe(quotes.length);
    expect(r.evidence.some((e) => (e.alsoSignals ?? []).length > 0)).toBe(true);
  });
});
