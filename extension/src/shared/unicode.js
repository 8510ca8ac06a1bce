// UTF-16 <-> code point conversion and grapheme counting. Pure: no DOM, no chrome.*.
//
// JavaScript strings (and DOM text-node offsets) are UTF-16 code units. The server's findings
// carry both code points (`start`/`end`) and UTF-16 (`offset`/`length`); the extension only ever
// uses the UTF-16 pair. These helpers exist to check that both sides agree (shared conformance
// data in tests/conformance/offsets.json) and to keep offsets off the middle of a surrogate pair.

/** True when code unit `i` of `text` is the second half of a surrogate pair. */
export function isLowSurrogateAt(text, i) {
  if (i <= 0 || i >= text.length) return false;
  const lo = text.charCodeAt(i);
  const hi = text.charCodeAt(i - 1);
  return lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff;
}

/** Move a UTF-16 offset back to the start of the code point it falls inside. */
export function clampToCodePoint(text, offset) {
  const o = Math.max(0, Math.min(offset, text.length));
  return isLowSurrogateAt(text, o) ? o - 1 : o;
}

/** UTF-16 offset of code point offset `cp` in `text` (clamped to the text). */
export function codePointToUtf16(text, cp) {
  let units = 0;
  let points = 0;
  while (points < cp && units < text.length) {
    const c = text.charCodeAt(units);
    units += c >= 0xd800 && c <= 0xdbff && units + 1 < text.length && isLowSurrogateAt(text, units + 1) ? 2 : 1;
    points += 1;
  }
  return units;
}

/** Code point offset of UTF-16 offset `u` in `text` (an offset inside a pair counts as its start). */
export function utf16ToCodePoint(text, u) {
  const end = clampToCodePoint(text, u);
  let points = 0;
  for (let i = 0; i < end; i += 1) {
    if (!isLowSurrogateAt(text, i)) points += 1;
  }
  return points;
}

/** Number of code points in `text`. */
export function codePointLength(text) {
  return utf16ToCodePoint(text, text.length);
}

let segmenter = null;

/** Number of extended grapheme clusters (what a reader sees as one character). */
export function graphemeCount(text) {
  if (typeof Intl === "undefined" || typeof Intl.Segmenter !== "function") return codePointLength(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let n = 0;
  for (const _ of segmenter.segment(text)) n += 1;
  return n;
}
