import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { codePointToUtf16, utf16ToCodePoint, codePointLength, graphemeCount, clampToCodePoint } from "../src/shared/unicode.js";
import { buildTextMap, rangeBoundaries } from "../src/content/textmap.js";
import { el, textBetween } from "./fakedom.js";

// Shared with the Python side (tests/test_offsets.py): same texts, same offsets.
const conformance = JSON.parse(readFileSync(fileURLToPath(new URL("../../tests/conformance/offsets.json", import.meta.url)), "utf8"));

test("conformance data is present and non-trivial", () => {
  assert.ok(conformance.cases.length >= 5);
  assert.ok(conformance.cases.some((c) => c.utf16_length !== c.codepoints));
});

for (const c of conformance.cases) {
  test(`offsets conformance: ${c.name}`, () => {
    assert.equal(c.text.length, c.utf16_length, "UTF-16 length");
    assert.equal(codePointLength(c.text), c.codepoints, "code points");
    assert.equal(graphemeCount(c.text), c.graphemes, "graphemes");
    for (const [cp, u16] of c.offsets) {
      assert.equal(codePointToUtf16(c.text, cp), u16, `cp ${cp} -> utf16`);
      assert.equal(utf16ToCodePoint(c.text, u16), cp, `utf16 ${u16} -> cp`);
    }
  });

  test(`offsets conformance through the DOM map: ${c.name}`, () => {
    // Split the text over two spans at a code-point boundary, then every UTF-16 span between two
    // listed offsets must read back exactly that slice of the text.
    const mid = c.offsets[Math.floor(c.offsets.length / 2)][1];
    const root = el("div", {}, el("p", {}, el("span", {}, c.text.slice(0, mid)), el("span", {}, c.text.slice(mid))));
    const map = buildTextMap(root);
    assert.equal(map.text, c.text);
    const units = c.offsets.map(([, u]) => u);
    for (let i = 0; i < units.length; i += 1) {
      for (let j = i; j < units.length; j += Math.max(1, Math.floor(units.length / 4))) {
        const { start, end } = rangeBoundaries(map, units[i], units[j] - units[i]);
        assert.equal(textBetween(root, start, end), c.text.slice(units[i], units[j]));
      }
    }
  });
}

test("clampToCodePoint never splits a surrogate pair", () => {
  const t = "a🎉b";
  assert.equal(clampToCodePoint(t, 2), 1);
  assert.equal(clampToCodePoint(t, 3), 3);
  assert.equal(clampToCodePoint(t, 99), 4);
  assert.equal(utf16ToCodePoint(t, 2), 1);
});

test("lone surrogates count as one code point each", () => {
  const t = "\ud83cx\udf89";
  assert.equal(codePointLength(t), 3);
  assert.equal(codePointToUtf16(t, 2), 2);
});
