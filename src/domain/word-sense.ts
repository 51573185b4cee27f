/**
 * Word sense: a product-manager word counts only when it is used in its product-manager sense.
 * Trackers use the same words for engineering things — "landscape" (an orientation), "launch" (an
 * app starting), "position" (of a view), "activation" (a licence key), "platform" (an OS target).
 * The labeling guide (seed 003: the product owner "works with the dev team" on the product's parts,
 * the product manager on the market around it) asks which of the two a sentence is about, so a match
 * is read in its neighbourhood and refused when that neighbourhood is about code or a device:
 * - it sits inside a code identifier (`Ti.Platform.name`, `app.launch()`, `launch_url`) or a longer
 *   kebab-case name (`strategic-merge-patch`, a flag);
 * - a neighbouring word names code, a device, an OS or a UI part ("landscape mode", "activation key",
 *   "the app launches", "a view's position"), is an identifier itself (`MoviePlayer`, `iOS7`) or sits
 *   inside one, a path or a file name (`OS_IOS`, `anvil/driver/driver.js`);
 * - it stands next to a version string ("major version 2.1", "launch 5.0.0");
 * - an acronym right beside it names a tool, product or part ("ADT End of life", "Launch KS", "VM budget"),
 *   unless the acronym is business shorthand ("KPI target", "EMEA launch", "ARR growth");
 * - in running prose, it is capitalised inside a run of capitalised words: a product or feature name
 *   ("Appcelerator Market Place", "the Titanium Platform Services");
 * - in a summary, a scope prefix names the code it is about ("Drillbit: add support for MobileWeb
 *   platform", "appcd: drop support for Node 8"): one or two words before a colon, none of them a
 *   planning word ("Priority 2:", "Strategy:", "Q3 OKR:" keep their sense).
 * Neighbourhood = up to three content words on each side inside the same clause of the sentence. A platform
 * decision (the platform-lifecycle pattern, which already asks for its verb) keeps its sense beside the
 * platform's name.
 */
import { CUED_SENSE_RULES, cuedSenseHolds } from './cued-sense';
import { SENTENCE_RULES, sameClause, sameSentence, sentenceStartBefore } from './sentences';
import { hasCodeScope, SUMMARY_SCOPE_RULES } from './summary-scope';
import { rightBefore, stem, type Token } from './tokenize';

/** Code, devices, operating systems and UI parts: the engineering senses' usual neighbours. */
const TECHNICAL_WORDS = [
  'app', 'application', 'screen', 'mode', 'view', 'window', 'orientation', 'portrait', 'device', 'simulator',
  'emulator', 'phone', 'tablet', 'ios', 'android', 'iphone', 'ipad', 'blackberry', 'licence', 'license',
  'serial', 'button', 'label', 'image', 'icon', 'splash', 'annotation', 'layout', 'coordinate', 'pixel',
  'scroll', 'animation', 'animate', 'file', 'folder', 'directory', 'module', 'method', 'function', 'property',
  'callback', 'api', 'sdk', 'cli', 'url', 'webview', 'listview', 'tableview', 'textfield', 'keyboard',
  'camera', 'player', 'audio', 'gps', 'geolocation', 'sensor', 'bluetooth', 'thread', 'server', 'html', 'css',
  'xml', 'json', 'plugin', 'widget', 'form', 'login', 'password', 'crash', 'error', 'exception', 'log',
  'console', 'debugger', 'debug', 'build', 'compile', 'install', 'installer', 'antivirus', 'malware',
  'cursor', 'caret', 'pointer', 'offset', 'array', 'string', 'parameter', 'argument', 'attribute', 'element',
  'tab', 'menu', 'toolbar', 'dialog', 'popover', 'picker', 'slider', 'row', 'cell', 'column', 'table',
  'header', 'footer', 'storyboard', 'manifest', 'plist', 'entitlement', 'certificate', 'provisioning',
  'issue', 'bug', 'broken', 'fail', 'functionality', 'config', 'configuration', 'script', 'code', 'codebase',
  'proxy', 'delegate', 'daemon', 'terminal', 'socket', 'port', 'freeze', 'hang',
];
const TECHNICAL = new Set(TECHNICAL_WORDS.map(stem));

/** Words skipped when counting neighbours: they carry no sense of their own. */
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'of', 'to', 'on', 'in', 'at', 'for', 'with', 'and', 'or', 'is', 'are', 'be', 'its', 'it',
  'this', 'that', 'my', 'our', 'your', 'their', 'from', 'by', 'as', 'into', 'when', 'after', 'before',
].map(stem));

const NEIGHBOURS = 3;
const VERSION = /^v?\d+(\.\d+)+[a-z]*$|^v\d+$/;

/** Business shorthand that mixes letters and digits without being code: Q4, H1, FY21, 10x, 50k, B2B. */
const BUSINESS_SHORTHAND = /^(q[1-4]|h[12]|fy\d{2,4}|\d+(x|k|m|b|bn|st|nd|rd|th|s)|b2b|b2c|p\d|v1)$/i;

/** Acronyms of the business itself, which keep a product-manager word's sense beside them. */
const BUSINESS_ACRONYMS = new Set([
  'kpi', 'okr', 'kr', 'arr', 'mrr', 'nps', 'gtm', 'pmf', 'mvp', 'roi', 'ltv', 'cac', 'saas', 'smb', 'ga',
  'ux', 'ai', 'ceo', 'cto', 'cpo', 'cmo', 'vp', 'pm', 'po', 'sdr', 'ae', 'csm', 'emea', 'apac', 'latam', 'us',
  'uk', 'eu',
]);

/**
 * An all-capitals word right beside the match (only spaces or a hyphen between) that is not business
 * shorthand.
 */
function acronymBeside(text: string, tokens: Token[], i: number, j: number): boolean {
  const acronym = (t: Token) => {
    const raw = text.slice(t.start, t.end);
    return /^[A-Z]{2,6}$/.test(raw) && !BUSINESS_ACRONYMS.has(raw.toLowerCase());
  };
  const before = tokens[i - 1];
  const after = tokens[j];
  return (
    (!!before && rightBefore(text, before, tokens[i]!) && acronym(before)) ||
    (!!after && rightBefore(text, tokens[j - 1]!, after) && acronym(after))
  );
}

/**
 * A name from code: lower camelCase (`iOS`, `webView`, `launchURL`) or letters mixed with digits (`iOS7`,
 * `es2015`). PascalCase is left alone: product names (PostHog, GitHub, JavaScript) share its form.
 */
function isIdentifier(raw: string): boolean {
  if (BUSINESS_SHORTHAND.test(raw)) return false;
  return /^[a-z]+[A-Z]/.test(raw) || (/[a-zA-Z]\d|\d[a-zA-Z]/.test(raw) && raw.length >= 3);
}

/** The raw word around offset `start` … `end`, with its neighbouring identifier characters. */
function rawWord(text: string, start: number, end: number): string {
  let s = start;
  let e = end;
  while (s > 0 && /[A-Za-z0-9]/.test(text[s - 1]!)) s--;
  while (e < text.length && /[A-Za-z0-9]/.test(text[e]!)) e++;
  return text.slice(s, e);
}

function insideIdentifier(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ' ';
  const after = text.slice(end, end + 2);
  const joinedBefore = /[._$#/\\]/.test(before) && /\w/.test(text[start - 2] ?? '');
  // A kebab-case name that goes on past the match: a flag or package ("strategic-merge-patch").
  const kebab =
    /^-[a-z]+-[a-z]/.test(text.slice(end, end + 40)) || /[a-z]-[a-z]+-$/.test(text.slice(0, start));
  return joinedBefore || kebab || /^([._]\w|\(|\/\w)/.test(after) || before === '`';
}

/** Up to NEIGHBOURS content tokens each side of tokens[i … j-1], inside the clause (sentences.ts). */
function neighbours(text: string, tokens: Token[], i: number, j: number): Token[] {
  const out: Token[] = [];
  for (const [from, step] of [[i - 1, -1], [j, 1]] as const) {
    let taken = 0;
    for (let k = from; k >= 0 && k < tokens.length && taken < NEIGHBOURS; k += step) {
      const t = tokens[k]!;
      const anchor = step < 0 ? tokens[i]!.start : tokens[j - 1]!.end;
      if (!sameClause(text, step < 0 ? t.start : anchor, step < 0 ? anchor : t.end)) break;
      if (FUNCTION_WORDS.has(t.stem)) continue;
      out.push(t);
      taken++;
    }
  }
  return out;
}

function isCapitalisedName(text: string, tokens: Token[], i: number, j: number): boolean {
  const first = tokens[i]!;
  const cap = (t: Token | undefined) =>
    !!t && /^[A-Z]/.test(text.slice(t.start, t.end)) && sameSentence(text, t.start, first.start);
  if (!cap(first)) return false;
  const atStart = !/[A-Za-z0-9]/.test(text.slice(sentenceStartBefore(text, first.start), first.start));
  return !atStart && (cap(tokens[i - 1]) || cap(tokens[j]));
}

/**
 * The platforms a product enters or leaves: beside a platform decision (the platform-lifecycle signal, whose
 * pattern already asks for the decision's verb: add, drop, remove, target…) they are its object, not a sign
 * of engineering talk ("to no longer support Windows Universal as a target platform").
 */
const PLATFORM_NAMES = new Set(
  ['ios', 'android', 'iphone', 'ipad', 'blackberry', 'phone', 'tablet', 'window', 'device'].map(stem),
);

/** Everything these rules read, for RULES_VERSION: changing a word here changes stored results' version. */
export const WORD_SENSE_RULES = JSON.stringify([
  TECHNICAL_WORDS, [...FUNCTION_WORDS], [...BUSINESS_ACRONYMS], NEIGHBOURS, VERSION.source,
  BUSINESS_SHORTHAND.source, SENTENCE_RULES, SUMMARY_SCOPE_RULES, [...PLATFORM_NAMES], CUED_SENSE_RULES,
]);

/**
 * Whether the match on tokens[i … j-1] of `text` is in its product-manager sense.
 * `prose` is false for summaries, whose words are often all capitalised (titles).
 */
export function inPmSense(
  text: string, tokens: Token[], i: number, j: number, prose = true, platformDecision = false,
): boolean {
  const start = tokens[i]!.start;
  const end = tokens[j - 1]!.end;
  if (insideIdentifier(text, start, end) || isIdentifier(rawWord(text, start, end))) return false;
  if (acronymBeside(text, tokens, i, j)) return false;
  if (!cuedSenseHolds(text, tokens, i, j)) return false;
  for (const t of neighbours(text, tokens, i, j)) {
    const raw = rawWord(text, t.start, t.end);
    const version = VERSION.test(text.slice(t.start, t.end + 8).split(/[\s,;)]/)[0]!);
    const technical = TECHNICAL.has(t.stem) && !(platformDecision && PLATFORM_NAMES.has(t.stem));
    if (technical || isIdentifier(raw) || version || insideIdentifier(text, t.start, t.end)) {
      return false;
    }
  }
  if (!prose && hasCodeScope(text, tokens, i)) return false;
  return !(prose && isCapitalisedName(text, tokens, i, j));
}

/** The same test for a regex match at text offsets [start, end) (tokens are the text's tokens). */
export function spanInPmSense(
  text: string, tokens: Token[], start: number, end: number, prose = true, platformDecision = false,
): boolean {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid]!.end > start) hi = mid; else lo = mid + 1; }
  let i = lo;
  if (i >= tokens.length) return true;
  let j = i;
  while (j < tokens.length && tokens[j]!.start < end) j++;
  if (j === i) j = i + 1;
  i = Math.max(0, i);
  return inPmSense(text, tokens, i, j, prose, platformDecision);
}
