// Keep hint spans valid while the user types and a request is in flight (Harper's
// "single-edit remap"). Pure: works on strings and {offset, length, problem} spans only.

/**
 * The one edit that turns `prev` into `cur`: the common prefix and suffix are unchanged, the
 * middle was replaced. Returns {start, oldEnd, newEnd} in UTF-16 units, or null when equal.
 */
export function computeSingleEdit(prev, cur) {
  if (prev === cur) return null;
  const max = Math.min(prev.length, cur.length);
  let p = 0;
  while (p < max && prev.charCodeAt(p) === cur.charCodeAt(p)) p += 1;
  let s = 0;
  const maxSuffix = max - p;
  while (s < maxSuffix && prev.charCodeAt(prev.length - 1 - s) === cur.charCodeAt(cur.length - 1 - s)) s += 1;
  return { start: p, oldEnd: prev.length - s, newEnd: cur.length - s };
}

const WORD = /[\p{L}\p{N}\p{M}_#@'’-]/u;

function touchesWord(edit, prev, cur, spanStart, spanEnd) {
  // An edit right next to a span that adds or removes word characters changes the word the hint
  // was about ("utilize" -> "utilized"): drop the span. Typing a space after it does not.
  if (spanEnd === edit.start) {
    const inserted = cur.slice(edit.start, edit.newEnd);
    const deleted = prev.slice(edit.start, edit.oldEnd);
    return WORD.test(inserted.charAt(0)) || WORD.test(deleted.charAt(0));
  }
  if (spanStart === edit.oldEnd) {
    const inserted = cur.slice(edit.start, edit.newEnd);
    const deleted = prev.slice(edit.start, edit.oldEnd);
    return WORD.test(inserted.slice(-1)) || WORD.test(deleted.slice(-1));
  }
  return false;
}

/**
 * Remap hints computed on `prev` onto `cur`. A hint before the edit stays, one after it shifts
 * by the length change, one the edit touches is dropped until the next check. As a last guard
 * a remapped hint is kept only if the text under it is still exactly the text it was about.
 * Hints are objects with `offset` and `length` (UTF-16); the result holds shallow copies.
 */
export function remapHints(hints, prev, cur) {
  const edit = computeSingleEdit(prev, cur);
  if (edit === null) return hints.slice();
  const delta = edit.newEnd - edit.oldEnd;
  const out = [];
  for (const h of hints) {
    const start = h.offset;
    const end = h.offset + h.length;
    const problem = prev.slice(start, end);
    let next;
    if (end < edit.start || (end === edit.start && !touchesWord(edit, prev, cur, start, end))) {
      next = start;
    } else if (start > edit.oldEnd || (start === edit.oldEnd && h.length > 0 && !touchesWord(edit, prev, cur, start, end))) {
      next = start + delta;
    } else {
      continue;
    }
    if (cur.slice(next, next + h.length) !== problem) continue;
    out.push({ ...h, offset: next });
  }
  return out;
}
