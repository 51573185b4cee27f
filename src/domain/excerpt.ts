/**
 * The quotes evidence shows a person: a short excerpt around the matched words, with where those words
 * sit in it (so the UI can highlight them), and without bidi controls, NULs or other control characters.
 */

/** Bidi controls, NULs and other control characters: never shown to a person. */
const UNSHOWABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const clean = (s: string) => s.replace(UNSHOWABLE, '').replace(/\s+/g, ' ');

/** A short quote around text[start … end) and where the matched words sit in it. */
export function excerptWithHighlight(
  text: string,
  start: number,
  end: number,
  width = 60,
): { excerpt: string; highlight: [number, number] } {
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  const lead = (from > 0 ? '…' : '') + clean(text.slice(from, start)).trimStart();
  const words = clean(text.slice(start, end)).slice(0, 150);
  const tail = clean(text.slice(end, to)).trimEnd() + (to < text.length ? '…' : '');
  const cut = Math.max(0, lead.length + words.length - 150);
  const head = cut > 0 ? '…' + lead.slice(cut + 1) : lead;
  let excerpt = head + words + tail;
  if (excerpt.length > 160) excerpt = excerpt.slice(0, 159) + '…';
  return { excerpt, highlight: [head.length, head.length + words.length] };
}
