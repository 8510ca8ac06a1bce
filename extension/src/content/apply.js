// Applying a suggestion through the editor's own input pipeline, one strategy list per editor,
// verified by re-reading the text; fail closed (the caller copies the replacement instead).

import { extract, caretOffsets, focusAndSelect } from "./editor.js";

/** Strategies tried in order, per editor kind (see extension reference §2.5). */
export const STRATEGIES = {
  textarea: ["execCommand", "setRangeText"],
  draft: ["execCommand", "paste"],
  lexical: ["execCommand", "beforeinput", "paste"],
  prosemirror: ["execCommand", "paste"],
  quill: ["quill", "execCommand"],
  contenteditable: ["execCommand"],
};

const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Ask the MAIN-world helper (src/page/main-world.js); false when it is not there or declined. */
function askMainWorld(el, request) {
  let answer = null;
  const onReply = (e) => {
    try {
      answer = JSON.parse(e.detail);
    } catch {
      answer = null;
    }
  };
  el.addEventListener("tonecheck:applied", onReply, { once: true });
  el.dispatchEvent(new CustomEvent("tonecheck:apply", { detail: JSON.stringify(request), bubbles: true, composed: true }));
  el.removeEventListener("tonecheck:applied", onReply);
  return Boolean(answer && answer.ok);
}

/** Select the span (focusing the editor first, see focusAndSelect) and check the selection held. */
async function selectAndWait(el, kind, offset, length) {
  const before = extract(el, kind).text;
  const focused = document.activeElement === el || el.contains(document.activeElement);
  if (!focused) {
    // Let the editor finish its own focus handling before the selection that the edit relies on.
    el.focus({ preventScroll: true });
    await frame();
    await sleep(50);
  }
  if (!(await focusAndSelect(el, kind, offset, offset + length))) return false;
  await sleep(16);
  const now = extract(el, kind);
  const caret = caretOffsets(el, now);
  return Boolean(caret && caret.start === offset && caret.end === offset + length && now.text === before);
}

async function run(method, el, kind, offset, length, problem, replacement) {
  switch (method) {
    case "execCommand":
      if (!(await selectAndWait(el, kind, offset, length))) return false;
      return replacement === "" ? document.execCommand("delete", false) : document.execCommand("insertText", false, replacement);
    case "setRangeText":
      el.focus({ preventScroll: true });
      el.setRangeText(replacement, offset, offset + length, "end");
      el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText", data: replacement }));
      return true;
    case "quill":
      return askMainWorld(el, { action: "quill", offset, length, problem, text: replacement });
    case "beforeinput":
    case "paste":
      if (!(await selectAndWait(el, kind, offset, length))) return false;
      return askMainWorld(el, { action: method, text: replacement });
    default:
      return false;
  }
}

/**
 * Wait for the editor to settle, re-reading its text. Resolves with `expected` as soon as the
 * text reads so and still does one frame later; with `before` when the editor put its old text
 * back within that frame (it rejected the change) and the writer did nothing meanwhile; else
 * with the last text seen. Once the expected text was seen, later changes are the writer's.
 */
async function settle(el, kind, expected, before, userActed) {
  let text = extract(el, kind).text;
  for (const wait of [0, 16, 50, 120, 250]) {
    if (wait === 0) await frame();
    else await sleep(wait);
    if (userActed()) return extract(el, kind).text;
    text = extract(el, kind).text;
    if (text === expected) {
      await frame();
      const again = extract(el, kind).text;
      return again === before && !userActed() ? before : expected;
    }
  }
  return text;
}

/**
 * Replace [offset, offset+length) (which must still read `problem`) with `replacement`.
 * Resolves {ok: true, method} or {ok: false, reason: "moved"|"rejected"|"partial"|"interrupted"}.
 * `userActed()` tells whether the writer pressed a key or clicked in the editor since the start:
 * then nothing more is tried (their undo or typing must not be mistaken for a failed attempt).
 */
export async function applyReplacement(el, kind, { offset, length, problem }, replacement, userActed = () => false) {
  const before = extract(el, kind).text;
  if (before.slice(offset, offset + length) !== problem) return { ok: false, reason: "moved" };
  const expected = before.slice(0, offset) + replacement + before.slice(offset + length);
  for (const method of STRATEGIES[kind] ?? STRATEGIES.contenteditable) {
    if (userActed()) return { ok: false, reason: "interrupted" };
    let ran = false;
    try {
      ran = await run(method, el, kind, offset, length, problem, replacement);
    } catch {
      ran = false;
    }
    if (!ran) {
      // Nothing should have changed; if something did, stop here.
      if (extract(el, kind).text !== before) return { ok: false, reason: userActed() ? "interrupted" : "partial" };
      continue;
    }
    const after = await settle(el, kind, expected, before, userActed);
    if (after === expected) return { ok: true, method };
    if (userActed()) return { ok: false, reason: "interrupted" };
    if (after !== before) return { ok: false, reason: "partial" };
  }
  return { ok: false, reason: "rejected" };
}

/** Copy text to the clipboard (async API first, then a hidden textarea in our shadow root). */
export async function copyText(text, shadowRoot) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("aria-hidden", "true");
    ta.style.cssText = "position:fixed;left:-9999px;top:0;opacity:0";
    shadowRoot.append(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    ta.remove();
    return ok;
  }
}
