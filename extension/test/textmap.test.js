import { test } from "node:test";
import assert from "node:assert/strict";
import { buildTextMap, positionAt, rangeBoundaries, offsetOf, PROFILES } from "../src/content/textmap.js";
import { el, text, textBetween } from "./fakedom.js";

// Draft.js as X renders it: div[data-contents] > div[data-block] > div > span[data-offset-key] > span[data-text]
const draftBlock = (...spans) =>
  el("div", { "data-block": "true" }, el("div", { class: "public-DraftStyleDefault-block" }, ...spans.map((s) => el("span", {}, el("span", { "data-text": "true" }, s)))));
const draftEmpty = () => el("div", { "data-block": "true" }, el("div", {}, el("span", {}, el("span", { "data-text": "true" }, el("br", { "data-text": "true" })))));

test("Draft.js: blocks joined by \\n, empty block is an empty line, placeholder <br> counts 0", () => {
  const root = el("div", { "data-contents": "true" }, draftBlock("We will ", "utilize"), draftEmpty(), draftBlock("🎉 #socialmedia"));
  const map = buildTextMap(root, PROFILES.draft);
  assert.equal(map.text, "We will utilize\n\n🎉 #socialmedia");
  assert.equal(map.lines.length, 3);
  const { start, end } = rangeBoundaries(map, 8, 7);
  assert.equal(textBetween(root, start, end), "utilize");
  // A span after an emoji (surrogate pair) in the third block.
  const off = map.text.indexOf("#socialmedia");
  const r = rangeBoundaries(map, off, 12);
  assert.equal(textBetween(root, r.start, r.end), "#socialmedia");
  assert.equal(r.start.offset, 3); // "🎉 " is 3 UTF-16 units into its text node
});

test("Lexical: paragraphs joined by \\n\\n like $getRoot().getTextContent(); line break node is \\n", () => {
  const root = el(
    "div",
    { contenteditable: "true", "data-lexical-editor": "true" },
    el("p", {}, el("span", { "data-lexical-text": "true" }, "First line"), el("br"), el("span", { "data-lexical-text": "true" }, "second")),
    el("p", {}, el("br")),
    el("p", {}, el("span", { "data-lexical-text": "true" }, "Last"), el("br"), el("br")),
  );
  const map = buildTextMap(root, PROFILES.lexical);
  assert.equal(map.text, "First line\nsecond\n\n\n\nLast\n");
  const at = map.text.indexOf("second");
  const r = rangeBoundaries(map, at, 6);
  assert.equal(textBetween(root, r.start, r.end), "second");
});

test("Quill: <p><br></p> is an empty line, cursor blot (U+FEFF) is skipped, list items are lines", () => {
  const root = el(
    "div",
    { class: "ql-editor" },
    el("p", {}, "Hello ", el("strong", {}, "world"), el("span", { class: "ql-cursor" }, "\uFEFF")),
    el("p", {}, el("br")),
    el("ol", {}, el("li", {}, "one"), el("li", {}, "two")),
  );
  const map = buildTextMap(root, PROFILES.quill);
  assert.equal(map.text, "Hello world\n\none\ntwo");
  const r = rangeBoundaries(map, 6, 5);
  assert.equal(textBetween(root, r.start, r.end), "world");
});

test("ProseMirror: hard break is \\n, trailing break and separator are not text", () => {
  const root = el(
    "div",
    { class: "ProseMirror" },
    el("p", {}, "one", el("br"), "two", el("img", { class: "ProseMirror-separator" }), el("br", { class: "ProseMirror-trailingBreak" })),
    el("p", {}, el("br", { class: "ProseMirror-trailingBreak" })),
    el("p", {}, "three"),
  );
  const map = buildTextMap(root, PROFILES.prosemirror);
  assert.equal(map.text, "one\ntwo\n\nthree");
});

test("generic contenteditable: bare text then div lines (Chrome's own markup)", () => {
  const root = el("div", { contenteditable: "true" }, "abc", el("div", {}, "def"), el("div", {}, el("br")), el("div", {}, "g"));
  const map = buildTextMap(root);
  assert.equal(map.text, "abc\ndef\n\ng");
});

test("positions inside a separator snap to the line edges", () => {
  const root = el("div", {}, el("p", {}, "ab"), el("p", {}, "cd"));
  const map = buildTextMap(root, PROFILES.lexical); // "ab\n\ncd"
  assert.equal(map.text, "ab\n\ncd");
  const a = root.childNodes[0].childNodes[0];
  const c = root.childNodes[1].childNodes[0];
  assert.deepEqual(positionAt(map, 3, "start"), { node: c, offset: 0 });
  assert.deepEqual(positionAt(map, 3, "end"), { node: a, offset: 2 });
  // A range end exactly at the end of a text node stays in that node.
  assert.deepEqual(positionAt(map, 2, "end"), { node: a, offset: 2 });
  // A range start at a node boundary moves into the following node.
  const root2 = el("div", {}, el("p", {}, el("span", {}, "ab"), el("span", {}, "cd")));
  const map2 = buildTextMap(root2);
  const cd = root2.childNodes[0].childNodes[1].childNodes[0];
  assert.deepEqual(positionAt(map2, 2, "start"), { node: cd, offset: 0 });
});

test("empty editor and empty block positions", () => {
  const root = el("div", {}, el("p", {}, el("br")));
  const map = buildTextMap(root);
  assert.equal(map.text, "");
  assert.deepEqual(positionAt(map, 0), { node: root.childNodes[0], offset: 0 });
  const none = buildTextMap(el("div", {}));
  assert.equal(none.text, "");
  assert.equal(positionAt(none, 0).offset, 0);
});

test("offsetOf maps DOM caret positions back to text offsets", () => {
  const p1 = el("p", {}, "Hello ", el("b", {}, "you"));
  const p2 = el("p", {}, el("br"));
  const p3 = el("p", {}, "end");
  const root = el("div", {}, p1, p2, p3);
  const map = buildTextMap(root); // "Hello you\n\nend"
  assert.equal(map.text, "Hello you\n\nend");
  assert.equal(offsetOf(map, p1.childNodes[0], 3), 3);
  assert.equal(offsetOf(map, p1.childNodes[1].childNodes[0], 3), 9);
  assert.equal(offsetOf(map, p2, 0), 10); // caret in the empty paragraph
  assert.equal(offsetOf(map, p3.childNodes[0], 1), 12);
  assert.equal(offsetOf(map, root, 2), 11); // before the third paragraph
  assert.equal(offsetOf(map, text("elsewhere"), 0), null);
});

test("every offset round-trips through positionAt/offsetOf", () => {
  const root = el(
    "div",
    {},
    el("p", {}, "👩‍👩‍👧‍👦 fam", el("span", {}, "ily 🇬🇧"), el("br"), "x"),
    el("p", {}, el("br")),
    el("p", {}, "é combining e\u0301"),
  );
  const map = buildTextMap(root, PROFILES.lexical);
  for (let i = 0; i <= map.text.length; i += 1) {
    // Separators have no DOM position of their own; skip offsets strictly inside one.
    const inLine = map.lines.some((l) => i >= l.start && i <= l.end);
    if (!inLine) continue;
    const p = positionAt(map, i, "end");
    assert.equal(offsetOf(map, p.node, p.offset), i, `offset ${i}`);
    const q = positionAt(map, i, "start");
    assert.equal(offsetOf(map, q.node, q.offset), i, `offset ${i} (start)`);
  }
});
