// Reading an editor's text and moving between UTF-16 offsets and the live DOM (real Ranges,
// the caret). The offset arithmetic itself lives in the pure textmap module.

import { buildTextMap, PROFILES, rangeBoundaries, offsetOf } from "./textmap.js";

/** The text and offset map of editor `el` of kind `kind` ("textarea", "draft", "lexical", …). */
export function extract(el, kind) {
  if (kind === "textarea") return { kind, text: el.value, root: el, textarea: true };
  const map = buildTextMap(el, PROFILES[kind] ?? PROFILES.generic);
  map.kind = kind;
  return map;
}

/** A DOM Range over [offset, offset+length) of a contenteditable map, or null. */
export function domRange(map, offset, length) {
  if (map.textarea) return null;
  try {
    const { start, end } = rangeBoundaries(map, offset, length);
    const r = document.createRange();
    r.setStart(start.node, start.offset);
    r.setEnd(end.node, end.offset);
    return r;
  } catch {
    return null;
  }
}

function selectionFor(el) {
  const root = el.getRootNode();
  if (root && root !== document && typeof root.getSelection === "function") return root.getSelection();
  return document.getSelection();
}

/** The caret / selection of the editor as UTF-16 offsets {start, end}, or null when outside. */
export function caretOffsets(el, map) {
  if (map.textarea) return { start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 };
  const sel = selectionFor(el);
  if (!sel || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0);
  if (!el.contains(r.startContainer)) return null;
  const start = offsetOf(map, r.startContainer, r.startOffset);
  const end = r.collapsed ? start : offsetOf(map, r.endContainer, r.endOffset);
  if (start === null) return null;
  return { start, end: end ?? start };
}

/** Select [start, end) in the editor (the editor must be focused for this to show). */
export function select(el, map, start, end = start) {
  if (map.textarea) {
    el.setSelectionRange(start, end);
    return true;
  }
  const r = domRange(map, start, end - start);
  if (!r) return false;
  const sel = selectionFor(el);
  sel.removeAllRanges();
  sel.addRange(r);
  return true;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Focus the editor, then select [start, end). Draft.js needs a pause between the two: it restores
 * its model selection on focus and ignores selection events until it has re-rendered, so a
 * selection made at once shows the caret in one place while Draft types at another. The other
 * editors read the DOM selection on `selectionchange` and get it at once.
 */
export async function focusAndSelect(el, kind, start, end = start) {
  const focused = document.activeElement === el || el.contains(document.activeElement);
  if (!focused) {
    el.focus({ preventScroll: true });
    if (kind === "draft") {
      await frame();
      await sleep(50);
    }
  }
  const map = extract(el, kind);
  const s = Math.min(start, map.text.length);
  const e = Math.min(end, map.text.length);
  if (!select(el, map, s, e)) return false;
  await frame();
  return true;
}
