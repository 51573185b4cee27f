/**
 * Rich text → plain prose the classifier can read. Handles every description format found in real
 * Jira: ADF documents (any node type, unknown ones by their content), Jira wiki markup, Markdown,
 * `{html}` blocks and plain text. Code, stack traces, log lines and URLs are dropped so that they
 * cannot drive the decision. Bounded: input is cut at MAX_INPUT_CHARS and ADF is walked iteratively.
 */
import type { AdfNode, RichText } from './types';

export const MAX_INPUT_CHARS = 200_000;
const MAX_ADF_NODES = 50_000;

/** ADF nodes whose content is code or machine output, never prose. */
const ADF_SKIP = new Set([
  'codeBlock',
  'media',
  'mediaSingle',
  'mediaGroup',
  'mediaInline',
  'extension',
  'bodiedExtension',
  'inlineExtension',
]);
/** ADF nodes that end a line of text. */
const ADF_BLOCK = new Set([
  'paragraph',
  'heading',
  'listItem',
  'tableCell',
  'tableHeader',
  'tableRow',
  'blockquote',
  'panel',
  'rule',
  'taskItem',
  'decisionItem',
  'expand',
  'nestedExpand',
  'hardBreak',
]);

function adfToText(root: AdfNode): string {
  const out: string[] = [];
  const stack: Array<AdfNode | string> = [root];
  let visited = 0;
  while (stack.length > 0 && visited < MAX_ADF_NODES) {
    const node = stack.pop() as AdfNode | string;
    if (typeof node === 'string') { out.push(node); continue; }
    if (node === null || typeof node !== 'object') continue;
    visited++;
    const type = typeof node.type === 'string' ? node.type : '';
    if (ADF_SKIP.has(type)) { out.push('\n'); continue; }
    if (type === 'text' && typeof node.text === 'string') {
      const isCode = Array.isArray(node.marks) && node.marks.some((m) => m && m.type === 'code');
      out.push(isCode ? ' ' : node.text);
      continue;
    }
    if (
      type === 'mention' ||
      type === 'emoji' ||
      type === 'status' ||
      type === 'date' ||
      type === 'placeholder'
    ) {
      const attrs = node.attrs ?? {};
      const label = attrs.text ?? attrs.shortName ?? attrs.text ?? '';
      out.push(typeof label === 'string' && type === 'status' ? ` ${label} ` : ' ');
      continue;
    }
    if (type === 'inlineCard' || type === 'blockCard' || type === 'embedCard') { out.push(' '); continue; }
    if (type === 'taskItem') out.push('\n- [ ] ');
    else if (type === 'listItem') out.push('\n- ');
    if (ADF_BLOCK.has(type)) stack.push('\n');
    if (Array.isArray(node.content)) {
      for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i] as AdfNode);
    }
  }
  return out.join('');
}

function looksLikeAdf(value: unknown): value is AdfNode {
  return typeof value === 'object' && value !== null && typeof (value as AdfNode).type === 'string';
}

/** A JSON string holding an ADF document is read as ADF. */
function parseAdfString(text: string): AdfNode | null {
  const t = text.trimStart();
  if (!t.startsWith('{"') || !t.includes('"type"')) return null;
  try {
    const parsed: unknown = JSON.parse(t);
    return looksLikeAdf(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

const LINE_NOISE: RegExp[] = [
  /^\s*at\s+[\w$.<>[\]/\\:-]+\s*\(.*\)\s*$/, // JS/Java stack frame "at foo (file.js:1:2)"
  /^\s*at\s+[\w$.<>]+\.[\w$<>]+\(/, // Java "at com.foo.Bar.baz("
  /^\s*(\[(INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL)\]|(INFO|WARN|ERROR|DEBUG|TRACE|FATAL):)/i, // log lines
  /^\s*\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/, // timestamped log lines
  /^\s*(Traceback \(most recent call last\)|File ".*", line \d+)/, // Python traces
  /^\s*([\w.]+(Exception|Error)(: .*)?|Caused by: .*)\s*$/, // exception headers
  /^\s*[$#>]\s+\S+/, // shell prompts
  /^\s*[\w ]{1,40}\s+=\s+\S.*$/, // "Name = value" environment dumps
  /^\s*[{}[\]();,]+\s*$/, // lone punctuation (code)
];

function dropNoiseLines(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (line.length > 2000) { kept.push(line.slice(0, 2000)); continue; }
    if (LINE_NOISE.some((re) => re.test(line))) continue;
    kept.push(line);
  }
  return kept.join('\n');
}

/** Wiki markup, Markdown and {html}: remove code, markup and links, keep the prose. */
function stripMarkup(text: string): string {
  return text
    .replace(/\{(code|noformat)(:[^}]*)?\}[\s\S]*?(\{\1\}|$)/gi, '\n') // wiki code blocks
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(^\1\s*$|(?![\s\S]))/gm, '\n') // Markdown fences
    .replace(/`[^`\n]{0,200}`/g, ' ') // inline code
    .replace(/\{html\}([\s\S]*?)(\{html\}|$)/gi, (_m, inner: string) =>
      inner.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]{0,500}>/g, ' '),
    )
    .replace(/<\/?[a-z][^>]{0,500}>/gi, ' ') // stray HTML tags
    .replace(
      /&(nbsp|amp|lt|gt|quot|#39);/g,
      (_m, e: string) => ({ nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? ' ',
    )
    .replace(/\{(quote|panel|color|noformat|code|expand)(:[^}]*)?\}/gi, '\n') // wiki macros
    .replace(/!\S+\.(png|jpe?g|gif|svg)(\|[^!]*)?!/gi, ' ') // wiki images
    .replace(/\[([^\]|\n]{0,200})\|[^\]\n]{0,500}\]/g, '$1') // [text|url]
    .replace(/\[([^\]\n]{0,200})\]\([^)\n]{0,500}\)/g, '$1') // [text](url)
    .replace(/\b(https?|ftp|file):\/\/[^\s)\]|>]+/gi, ' ') // URLs
    .replace(/\bwww\.[^\s)\]|>]+/gi, ' ')
    .replace(/(^|\s)(\/[\w.-]+){2,}\/?/g, ' ') // file paths
    // file:line
    .replace(/\b[\w-]+\.(js|ts|java|py|m|h|cpp|json|xml|yml|yaml|gradle|jar|so|dll|log):\d+(:\d+)?\b/g, ' ')
    .replace(/^h[1-6]\.\s*/gm, '') // wiki headings
    .replace(/^#{1,6}\s+/gm, '') // Markdown headings
    .replace(/^\s*\|\|?/gm, ' ')
    .replace(/[*_~^]{1,2}([^*_~^\n]{1,300})[*_~^]{1,2}/g, '$1'); // emphasis
}

/** Normalises any description format to plain prose (not lower-cased). */
export function normaliseText(description: RichText): string {
  if (description === null || description === undefined) return '';
  let text: string;
  if (typeof description === 'string') {
    const cut = description.length > MAX_INPUT_CHARS ? description.slice(0, MAX_INPUT_CHARS) : description;
    const adf = parseAdfString(cut);
    text = adf ? adfToText(adf) : cut;
  } else if (looksLikeAdf(description)) {
    text = adfToText(description);
  } else {
    return '';
  }
  if (text.length > MAX_INPUT_CHARS) text = text.slice(0, MAX_INPUT_CHARS);
  text = text.replace(/\r\n?/g, '\n');
  return dropNoiseLines(stripMarkup(text)).replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
}
