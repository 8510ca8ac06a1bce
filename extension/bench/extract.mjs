// Cost of the work done after the debounce on a 3,000-character LinkedIn (Quill) post, outside a
// browser: DOM -> text + offset map, remapping 12 hints through one edit, mapping them to DOM
// positions. (The input handler itself only restarts a timer; its cost in a real browser is
// recorded by the `tonecheck:input` performance measure; see src/content/bench-hooks.js and the
// Playwright bench in extension/e2e.) Run: node bench/extract.mjs
import { performance } from "node:perf_hooks";
import { buildTextMap, PROFILES, rangeBoundaries } from "../src/content/textmap.js";
import { remapHints } from "../src/content/spanmap.js";
import { el } from "../test/fakedom.js";

const para = "Our team will utilize new tools this quarter to help every customer get answers faster, and we are hiring for #socialmedia roles across three regions. Apply today, tell a friend 🎉 and ";
const paragraphs = Array.from({ length: 16 }, (_, i) => el("p", {}, para.slice(0, 120), el("strong", {}, "bold"), para.slice(124, 187 - (i % 3))));
const root = el("div", { class: "ql-editor" }, ...paragraphs);
const first = buildTextMap(root, PROFILES.quill);
const text = first.text;
const hints = [];
for (let i = text.indexOf("utilize"); i >= 0 && hints.length < 12; i = text.indexOf("utilize", i + 1)) hints.push({ offset: i, length: 7 });
const edited = text.slice(0, 1500) + "x" + text.slice(1500);

function run() {
  const map = buildTextMap(root, PROFILES.quill);
  const moved = remapHints(hints, text, edited);
  for (const h of moved) rangeBoundaries(map, Math.min(h.offset, map.text.length - h.length), h.length);
}
for (let i = 0; i < 200; i += 1) run(); // warm up
const times = [];
for (let i = 0; i < 2000; i += 1) {
  const t0 = performance.now();
  run();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const pick = (q) => times[Math.floor(q * (times.length - 1))].toFixed(3);
console.log(`post: ${text.length} UTF-16 units, ${paragraphs.length} paragraphs, ${hints.length} hints`);
console.log(`extract + remap + map hints: median ${pick(0.5)} ms, p95 ${pick(0.95)} ms, max ${pick(1)} ms (runs once after the debounce, not per keystroke)`);
