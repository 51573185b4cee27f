/** Plain text → an ADF document, one paragraph per line (what Jira's editor would send). */
import type { AdfNode } from '../../src/domain/types';

export function textToAdf(text: string): AdfNode {
  return {
    type: 'doc',
    version: 1,
    content: text
      .replace(/\r\n/g, '\n')
      .split('\n')
      .map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] })),
  };
}
