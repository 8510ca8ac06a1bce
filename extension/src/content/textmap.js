// DOM -> text extraction with a UTF-16 offset map, for contenteditable editors. Pure: it only
// reads nodeType, nodeName, childNodes, parentNode, data and getAttribute, so tests run it on
// small fake node trees (no jsdom) and the content script on the real DOM.
//
// The text is exactly what the editor's model holds:
//   - each leaf block (p, div, li, h1…) is one line, an empty block is an empty line;
//   - lines are joined by the editor's block separator ("\n"; Lexical uses "\n\n");
//   - a <br> inside a line is "\n", but the last <br> of a line is the editor's placeholder
//     (empty paragraph, Lexical's managed break, ProseMirror's trailing break) and counts 0;
//   - skipped: Quill's cursor blot (a U+FEFF), ProseMirror separators, images, and any element
//     matched by the profile's `skip` test.
// Offsets are UTF-16 code units, the native unit of DOM text nodes and JavaScript strings.

const TEXT = 3;
const ELEMENT = 1;

export const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION",
  "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN",
  "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TBODY", "TD", "TH", "THEAD", "TR", "UL",
]);

const SKIP_TAGS = new Set(["IMG", "SCRIPT", "STYLE", "TEMPLATE", "VIDEO", "AUDIO", "CANVAS", "svg", "SVG", "INPUT", "TEXTAREA", "BUTTON"]);
const SKIP_CLASSES = ["ql-cursor", "ProseMirror-separator", "ProseMirror-widget"];

function hasClass(el, name) {
  const cls = el.getAttribute ? el.getAttribute("class") : null;
  if (!cls) return false;
  return (" " + cls + " ").includes(" " + name + " ");
}

function defaultSkip(el) {
  if (SKIP_TAGS.has(el.nodeName)) return true;
  for (const c of SKIP_CLASSES) if (hasClass(el, c)) return true;
  return false;
}

/** Extraction settings per editor kind. */
export const PROFILES = {
  generic: { separator: "\n" },
  draft: { separator: "\n" },
  quill: { separator: "\n" },
  prosemirror: { separator: "\n" },
  lexical: { separator: "\n\n" },
};

/**
 * Build the text and its map for the editor `root`.
 * Returns {text, segments, lines}: segments are {start, end, node, kind: "text"|"br"} in document
 * order (separators between lines have no segment); lines are {start, end, block}.
 */
export function buildTextMap(root, profile = PROFILES.generic) {
  const separator = profile.separator ?? "\n";
  const skip = profile.skip ? (el) => defaultSkip(el) || profile.skip(el) : defaultSkip;
  const parts = [];
  const segments = [];
  const lines = [];
  let length = 0;
  let line = null; // {start, end, block, segs: index of first segment}

  const openLine = (block) => {
    if (lines.length > 0) {
      parts.push(separator);
      length += separator.length;
    }
    line = { start: length, end: length, block, segs: [] };
    lines.push(line);
  };
  const closeLine = () => {
    if (line === null) return;
    // A trailing <br> is the editor's placeholder, not a newline.
    const last = line.segs[line.segs.length - 1];
    if (last && last.kind === "br" && last.end > last.start) {
      last.end = last.start;
      parts.pop();
      length -= 1;
    }
    line.end = length;
    line = null;
  };

  const walk = (node, block) => {
    if (node.nodeType === TEXT) {
      const data = node.data ?? node.nodeValue ?? "";
      if (line === null) openLine(block);
      const seg = { start: length, end: length + data.length, node, kind: "text" };
      segments.push(seg);
      line.segs.push(seg);
      parts.push(data);
      length += data.length;
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    if (node.nodeName === "BR") {
      if (line === null) openLine(block);
      const seg = { start: length, end: length + 1, node, kind: "br" };
      segments.push(seg);
      line.segs.push(seg);
      parts.push("\n");
      length += 1;
      return;
    }
    if (node !== root && skip(node)) return;
    const isBlock = node !== root && BLOCK_TAGS.has(node.nodeName);
    if (isBlock) {
      closeLine();
      const before = lines.length;
      for (const child of node.childNodes) walk(child, node);
      closeLine();
      if (lines.length === before) {
        openLine(node);
        closeLine();
      }
      return;
    }
    for (const child of node.childNodes) walk(child, block);
  };

  for (const child of root.childNodes) walk(child, root);
  closeLine();
  return { text: parts.join(""), segments, lines, root };
}

function indexInParent(node) {
  const siblings = node.parentNode.childNodes;
  for (let i = 0; i < siblings.length; i += 1) if (siblings[i] === node) return i;
  return -1;
}

function lineAt(lines, offset, bias) {
  for (let i = 0; i < lines.length; i += 1) {
    const l = lines[i];
    if (offset >= l.start && offset <= l.end) {
      // At the very end of a line that is followed by a line starting at the same offset
      // (empty separator) prefer the next line for a start position.
      return l;
    }
    if (offset < l.start) return bias === "end" && i > 0 ? lines[i - 1] : l;
  }
  return lines[lines.length - 1] ?? null;
}

function segPosition(seg, offset) {
  if (seg.kind === "text") return { node: seg.node, offset: Math.max(0, Math.min(offset - seg.start, seg.end - seg.start)) };
  const idx = indexInParent(seg.node);
  return { node: seg.node.parentNode, offset: offset > seg.start ? idx + 1 : idx };
}

/**
 * DOM position {node, offset} for UTF-16 `offset` in the map's text. `bias` says which side wins
 * at a boundary: "start" (a range start: the following text) or "end" (a range end: the
 * preceding text). Offsets inside a separator snap to the end of the line before ("end") or the
 * start of the line after ("start").
 */
export function positionAt(map, offset, bias = "start") {
  const { lines, text } = map;
  const o = Math.max(0, Math.min(offset, text.length));
  const line = lineAt(lines, o, bias);
  if (line === null) return { node: map.root, offset: 0 };
  let target = o;
  if (o < line.start) target = line.start;
  if (o > line.end) target = line.end;
  const inLine = line.segs.filter((s) => s.end > s.start || s.kind === "text");
  if (inLine.length === 0) {
    return { node: line.block ?? map.root, offset: 0 };
  }
  if (bias === "start") {
    // The first segment that contains target strictly before its end, else the last one.
    for (const s of inLine) {
      if (target >= s.start && target < s.end) return segPosition(s, target);
    }
  } else {
    for (const s of inLine) {
      if (target > s.start && target <= s.end) return segPosition(s, target);
    }
  }
  // target is at the edge of the line (start of the first or end of the last segment).
  if (target <= inLine[0].start) return segPosition(inLine[0], inLine[0].start);
  const last = inLine[inLine.length - 1];
  return segPosition(last, last.end);
}

/** {start, end} DOM positions for the UTF-16 span [offset, offset+length). */
export function rangeBoundaries(map, offset, length) {
  const start = positionAt(map, offset, "start");
  const end = length > 0 ? positionAt(map, offset + length, "end") : start;
  return { start, end };
}

function isInside(node, container) {
  for (let n = node; n; n = n.parentNode) if (n === container) return true;
  return false;
}

/**
 * UTF-16 offset in the map's text of the DOM position (node, offset), e.g. the caret. Returns
 * null when the position is outside the mapped editor.
 */
export function offsetOf(map, node, offset) {
  const { segments, lines } = map;
  if (node && node.nodeType === TEXT) {
    for (const s of segments) if (s.node === node) return s.start + Math.min(offset, s.end - s.start);
    return null;
  }
  if (!node || !isInside(node, map.root)) return null;
  const children = node.childNodes;
  if (offset < children.length) {
    const target = children[offset];
    for (const s of segments) if (isInside(s.node, target)) return s.start;
    // An empty block after the position.
    for (const l of lines) if (l.block && isInside(l.block, target)) return l.start;
  }
  let best = null;
  for (const s of segments) if (isInside(s.node, node)) best = s.end;
  if (best !== null) return best;
  for (const l of lines) if (l.block && isInside(l.block, node)) return l.end;
  return null;
}
