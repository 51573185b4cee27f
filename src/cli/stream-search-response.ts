/**
 * The issues of a Jira search response (`{"issues":[…], …}`), streamed one issue at a time: a small
 * scanner tracks strings and nesting across chunks and hands on the text of each element of the
 * top-level `issues` array, so a 200 MB response never sits in memory whole.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { isGzipFile } from './stream-lines';

export async function* streamSearchIssues(path: string): AsyncGenerator<unknown> {
  let input: Readable = createReadStream(path, { encoding: undefined });
  if (isGzipFile(path)) input = input.pipe(createGunzip());
  let depth = 0;
  let inString = false;
  let escaped = false;
  let lastKey = '';
  let token = '';
  let inIssues = false;
  let current: string[] | null = null;
  // A character split across two chunks is joined by the decoder before it is scanned.
  const decoder = new StringDecoder('utf8');
  for await (const chunk of input) {
    const text = decoder.write(chunk as Buffer);
    let start = current ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') { inString = false; if (depth === 1 && !current) lastKey = token; }
        else if (depth === 1 && !current) token += c;
        continue;
      }
      if (c === '"') { inString = true; token = ''; continue; }
      if (c === '{' || c === '[') {
        depth++;
        if (c === '[' && depth === 2 && lastKey === 'issues') inIssues = true;
        else if (c === '{' && inIssues && depth === 3 && !current) { current = []; start = i; }
      } else if (c === '}' || c === ']') {
        depth--;
        if (c === '}' && current && depth === 2) {
          current.push(text.slice(start, i + 1));
          yield JSON.parse(current.join(''));
          current = null;
          start = -1;
        } else if (c === ']' && inIssues && depth === 1) inIssues = false;
      }
    }
    if (current && start >= 0) current.push(text.slice(start));
  }
}
