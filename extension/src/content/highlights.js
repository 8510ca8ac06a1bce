// Underlines through the CSS Custom Highlight API: one Highlight per severity, shared by every
// composer in the document (registry names tonecheck-error / -warning / -suggestion). The editor
// DOM is never touched; the only node added to the page is one <style> for ::highlight().

export const SEVERITY_NAMES = { error: "tonecheck-error", warning: "tonecheck-warning", suggestion: "tonecheck-suggestion" };

const STYLE_ID = "tonecheck-highlight-style";
const CSS_TEXT = `
::highlight(tonecheck-error) { text-decoration: underline wavy #c5221f; text-decoration-thickness: 2px; text-underline-offset: 3px; background-color: rgba(197, 34, 31, 0.12); }
::highlight(tonecheck-warning) { text-decoration: underline dashed #b45309; text-decoration-thickness: 2px; text-underline-offset: 3px; background-color: rgba(180, 83, 9, 0.10); }
::highlight(tonecheck-suggestion) { text-decoration: underline dotted #1a5fd0; text-decoration-thickness: 2px; text-underline-offset: 3px; }
@media (prefers-color-scheme: dark) {
  ::highlight(tonecheck-error) { text-decoration-color: #ff8a80; background-color: rgba(255, 138, 128, 0.16); }
  ::highlight(tonecheck-warning) { text-decoration-color: #ffb74d; background-color: rgba(255, 183, 77, 0.14); }
  ::highlight(tonecheck-suggestion) { text-decoration-color: #8ab4f8; }
}
@media (forced-colors: active) {
  ::highlight(tonecheck-error), ::highlight(tonecheck-warning), ::highlight(tonecheck-suggestion) { text-decoration-color: CanvasText; background-color: transparent; }
}`;

let supported = null;

/** Feature test (Harper's): the registry, the constructor and the selector must all exist. */
export function supportsHighlights() {
  if (supported !== null) return supported;
  try {
    supported = typeof CSS !== "undefined" && Boolean(CSS.highlights) && typeof Highlight === "function" && CSS.supports("selector(::highlight(x))");
  } catch {
    supported = false;
  }
  if (document.documentElement && document.documentElement.getAttribute("data-tonecheck-no-highlights") === "true") supported = false;
  return supported;
}

const owners = new Map(); // owner -> {error: Range[], warning: Range[], suggestion: Range[]}

function ensureStyle() {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS_TEXT;
  (document.head || document.documentElement).appendChild(style);
}

function commit() {
  for (const [severity, name] of Object.entries(SEVERITY_NAMES)) {
    const ranges = [];
    for (const v of owners.values()) ranges.push(...v[severity]);
    if (ranges.length === 0) {
      CSS.highlights.delete(name);
      continue;
    }
    let h = CSS.highlights.get(name);
    if (!h) {
      h = new Highlight();
      CSS.highlights.set(name, h);
    }
    h.clear();
    for (const r of ranges) h.add(r);
  }
}

/** Replace `owner`'s underlines. `ranges` = {error: Range[], warning: Range[], suggestion: Range[]}. */
export function setHighlights(owner, ranges) {
  if (!supportsHighlights()) return;
  ensureStyle();
  owners.set(owner, { error: ranges.error || [], warning: ranges.warning || [], suggestion: ranges.suggestion || [] });
  commit();
}

export function clearHighlights(owner) {
  if (!owners.delete(owner) || !supportsHighlights()) return;
  commit();
}
