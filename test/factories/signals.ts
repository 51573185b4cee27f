import { classify } from '../../src/domain';
import { makeWorkItem } from './work-item';

/** Every signal the classifier cites for an item, including those sharing a quote with another. */
export const signalsCited = (summary: string, description: string | null = null, type = 'Story'): string[] =>
  classify(makeWorkItem({ summary, description, type })).evidence
    .flatMap((e) => [e.signal, ...(e.alsoSignals ?? [])]);
