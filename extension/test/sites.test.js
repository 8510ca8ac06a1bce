import { test } from "node:test";
import assert from "node:assert/strict";
import { SITES, GENERIC, siteFor, editorKindOf, isOptedOut } from "../src/content/sites.js";
import { el } from "./fakedom.js";

test("every supported host maps to its platform and editor", () => {
  const expect = {
    "x.com": ["x", "draft"], "twitter.com": ["x", "draft"], "www.linkedin.com": ["linkedin", "quill"],
    "www.facebook.com": ["facebook", "lexical"], "www.instagram.com": ["instagram", "lexical"],
    "www.threads.com": ["threads", "lexical"], "www.threads.net": ["threads", "lexical"],
    "bsky.app": ["bluesky", "prosemirror"], "mastodon.social": ["mastodon", "textarea"],
  };
  for (const [host, [platform, editor]] of Object.entries(expect)) {
    const s = siteFor(host);
    assert.equal(s.platform, platform, host);
    assert.equal(s.editor, editor, host);
  }
  assert.equal(siteFor("social.example"), GENERIC);
});

test("a user override picks the platform for a granted host", () => {
  const s = siteFor("Social.Example", { "social.example": "mastodon" });
  assert.equal(s.platform, "mastodon");
  assert.equal(s.overridden, true);
  assert.equal(siteFor("x.com", { "x.com": "bluesky" }).platform, "bluesky");
});

test("every site has composer and post-button selectors", () => {
  for (const s of SITES) {
    assert.ok(s.composers.length > 0, s.platform);
    assert.ok(s.postButtons.length > 0, s.platform);
  }
});

test("editor kind comes from the element's own markers", () => {
  assert.equal(editorKindOf(el("div", { class: "notranslate public-DraftEditor-content", contenteditable: "true" })), "draft");
  assert.equal(editorKindOf(el("div", { "data-lexical-editor": "true" })), "lexical");
  assert.equal(editorKindOf(el("div", { class: "ql-editor" })), "quill");
  assert.equal(editorKindOf(el("div", { class: "tiptap ProseMirror" })), "prosemirror");
  assert.equal(editorKindOf(el("textarea")), "textarea");
  assert.equal(editorKindOf(el("div", { contenteditable: "true" })), "contenteditable");
  assert.equal(editorKindOf(null), null);
});

test("opt-out attributes on the field or an ancestor are honoured", () => {
  const field = el("div", { contenteditable: "true" });
  const wrap = el("div", { "data-gramm": "false" }, field);
  assert.equal(isOptedOut(field), true);
  assert.equal(isOptedOut(wrap), true);
  assert.equal(isOptedOut(el("div", {})), false);
  // Quill sets data-gramm="false" on every editor: that is not an opt-out.
  assert.equal(isOptedOut(el("div", { class: "ql-editor", "data-gramm": "false", contenteditable: "true" })), false);
  const inner = el("div", { class: "ql-editor", contenteditable: "true" });
  el("div", { "data-gramm": "false" }, inner);
  assert.equal(isOptedOut(inner), true);
});
