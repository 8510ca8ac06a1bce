import { test } from "node:test";
import assert from "node:assert/strict";
import { computeSingleEdit, remapHints } from "../src/content/spanmap.js";

const hint = (text, word, extra = {}) => ({ offset: text.indexOf(word), length: word.length, ...extra });

test("computeSingleEdit finds the one replaced stretch", () => {
  assert.equal(computeSingleEdit("abc", "abc"), null);
  assert.deepEqual(computeSingleEdit("abc", "abXc"), { start: 2, oldEnd: 2, newEnd: 3 });
  assert.deepEqual(computeSingleEdit("abc", "ac"), { start: 1, oldEnd: 2, newEnd: 1 });
  assert.deepEqual(computeSingleEdit("aaa", "aaaa"), { start: 3, oldEnd: 3, newEnd: 4 });
  assert.deepEqual(computeSingleEdit("", "x"), { start: 0, oldEnd: 0, newEnd: 1 });
});

test("hints before the edit stay, hints after it shift, touched hints are dropped", () => {
  const prev = "We utilize synergy and #socialmedia today";
  const hints = [hint(prev, "utilize", { id: "a" }), hint(prev, "synergy", { id: "b" }), hint(prev, "#socialmedia", { id: "c" })];
  const cur = "We utilize synergies and #socialmedia today"; // edit inside "synergy"
  const out = remapHints(hints, prev, cur);
  assert.deepEqual(out.map((h) => h.id), ["a", "c"]);
  assert.equal(cur.slice(out[1].offset, out[1].offset + out[1].length), "#socialmedia");
});

test("typing a space after a hint keeps it; typing a letter drops it", () => {
  const prev = "We utilize";
  const h = [hint(prev, "utilize")];
  assert.equal(remapHints(h, prev, "We utilize ").length, 1);
  assert.equal(remapHints(h, prev, "We utilized").length, 0);
  // Typing before a hint, separated by a space, shifts it.
  const moved = remapHints(h, prev, "Now we utilize".replace("Now we", "We we"));
  assert.equal(moved.length, 1);
  assert.equal(moved[0].offset, 6);
});

test("an emoji typed before a hint shifts it by two UTF-16 units", () => {
  const prev = "Hi #socialmedia";
  const out = remapHints([hint(prev, "#socialmedia")], prev, "Hi 🎉 #socialmedia");
  assert.equal(out.length, 1);
  assert.equal(out[0].offset, 6);
});

test("a paste that replaces everything drops every hint", () => {
  const prev = "one two three";
  assert.equal(remapHints([hint(prev, "two")], prev, "completely different").length, 0);
});

test("remap keeps hints unchanged when the text did not change, as copies", () => {
  const prev = "abc";
  const hs = [{ offset: 0, length: 1 }];
  const out = remapHints(hs, prev, prev);
  assert.deepEqual(out, hs);
  assert.notEqual(out, hs);
});
