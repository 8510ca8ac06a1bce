import { test } from "node:test";
import assert from "node:assert/strict";
import {
  DEFAULT_SETTINGS, normalizeSettings, normalizeServerUrl, isLoopback, originPattern, buildCheckBody,
  requestHeaders, errorFromResponse, readReport, formatCounter, countHints, summarize, badgeFor,
} from "../src/shared/protocol.js";

// A report as tonecheck's Report.to_dict() serialises it (trimmed).
const TEXT = "🎉 We will utilize synergy #socialmedia";
const REPORT = {
  schema: 1,
  platform: "x",
  findings: [
    { rule: "hashtag-camel-case", category: "accessibility", severity: "warning", message: "Write #socialmedia as #SocialMedia.", target: "text",
      start: 26, end: 38, offset: 27, length: 12, suggestions: [{ replacement: "#SocialMedia", label: "Write #SocialMedia", safe: true }], help: "Screen readers…" },
    { rule: "plain-words", category: "accessibility", severity: "suggestion", message: "Try \"use\".", target: "text",
      start: 10, end: 17, offset: 11, length: 7, suggestions: [{ replacement: "use", label: "Use \"use\"", safe: true }], help: "" },
    { rule: "voice/jargon", category: "voice", severity: "suggestion", message: "Jargon.", target: "text", offset: 18, length: 7, suggestions: [] },
    { rule: "alt-text-missing", category: "accessibility", severity: "error", message: "This image has no alt text.", target: "media:0", offset: 0, length: 0, suggestions: [] },
    { rule: "bogus", category: "accessibility", severity: "warning", message: "Out of range.", target: "text", offset: 30, length: 99 },
  ],
  metrics: { length: 39, length_limit: 280 },
};

test("settings: defaults, types checked, URL normalised", () => {
  assert.deepEqual(normalizeSettings({}), { ...DEFAULT_SETTINGS });
  const s = normalizeSettings({
    serverUrl: "http://localhost:9000/", apiKey: " k ", platformOverrides: { "Social.Example": "mastodon", "x.y": "myspace" },
    categories: ["voice", "nope", "grammar"], strictAltText: "yes", debounceMs: 20, grantedSites: ["https://social.example", "ftp://x"],
  });
  assert.equal(s.serverUrl, "http://localhost:9000");
  assert.equal(s.apiKey, "k");
  assert.deepEqual(s.platformOverrides, { "social.example": "mastodon" });
  assert.deepEqual(s.categories, ["voice", "grammar"]);
  assert.equal(s.strictAltText, false);
  assert.equal(s.debounceMs, 100);
  assert.deepEqual(s.grantedSites, ["https://social.example"]);
  assert.equal(normalizeSettings({ serverUrl: "javascript:alert(1)" }).serverUrl, DEFAULT_SETTINGS.serverUrl);
});

test("server URLs: loopback detection and permission patterns", () => {
  assert.equal(normalizeServerUrl("https://tc.example.org/api/"), "https://tc.example.org/api");
  assert.equal(normalizeServerUrl("http://user:pw@host/"), null);
  assert.equal(normalizeServerUrl("file:///etc"), null);
  assert.ok(isLoopback("http://127.0.0.1:8765"));
  assert.ok(isLoopback("http://localhost:1"));
  assert.ok(isLoopback("http://[::1]:8765"));
  assert.ok(!isLoopback("http://192.168.1.5:8765"));
  assert.equal(originPattern("http://192.168.1.5:8765/x"), "http://192.168.1.5/*");
});

test("check body carries text, platform, profile and only known media", () => {
  assert.deepEqual(buildCheckBody({ text: "hi", platform: "x" }), { text: "hi", platform: "x" });
  assert.deepEqual(
    buildCheckBody({ text: "hi", platform: "mastodon", profile: "acme", media: [{ kind: "image", alt: null }, { kind: "gif", alt: "A cat" }] }),
    { text: "hi", platform: "mastodon", profile: "acme", media: [{ kind: "image" }, { kind: "gif", alt: "A cat" }] },
  );
  assert.deepEqual(
    buildCheckBody({ text: "hi", platform: "mastodon", contentWarning: "Spoilers 🎬" }),
    { text: "hi", platform: "mastodon", content_warning: "Spoilers 🎬" },
  );
  assert.deepEqual(buildCheckBody({ text: "hi", platform: "mastodon", contentWarning: "  " }), { text: "hi", platform: "mastodon" });
  assert.equal(requestHeaders("").Authorization, undefined);
  assert.equal(requestHeaders("abc").Authorization, "Bearer abc");
});

test("error responses become short, specific messages", () => {
  assert.deepEqual(errorFromResponse(400, { error: { code: "bad-input", message: "text is required" } }), { code: "bad-input", message: "text is required" });
  assert.equal(errorFromResponse(401, null).code, "http-401");
  assert.match(errorFromResponse(401, null).message, /API key/);
  assert.match(errorFromResponse(500, "oops").message, /500/);
});

test("readReport keeps text findings with valid spans in wanted categories, sorted", () => {
  const r = readReport(REPORT, { text: TEXT, categories: ["accessibility"], sentMedia: [2] });
  assert.deepEqual(r.hints.map((h) => h.rule), ["plain-words", "hashtag-camel-case"]);
  assert.equal(r.hints[0].problem, "utilize");
  assert.equal(r.hints[1].problem, "#socialmedia");
  assert.equal(r.hints[1].suggestions[0].replacement, "#SocialMedia");
  assert.equal(r.mediaHints.length, 1);
  assert.equal(r.mediaHints[0].media, 2);
  assert.equal(r.counter, "39/280");
  const all = readReport(REPORT, { text: TEXT });
  assert.equal(all.hints.length, 3);
  assert.deepEqual(readReport(null, { text: "" }), { hints: [], mediaHints: [], counter: null });
});

test("counter, counts, summary wording and badge", () => {
  assert.equal(formatCounter({ length: 237, length_limit: 280 }), "237/280");
  assert.equal(formatCounter({ length: 5 }), null);
  const r = readReport(REPORT, { text: TEXT, categories: ["accessibility"] });
  const counts = countHints(r.hints, r.mediaHints);
  assert.deepEqual(counts, { total: 3, errors: 1, others: 2 });
  assert.equal(summarize(counts), "2 suggestions, 1 error");
  assert.equal(summarize({ total: 4, errors: 1, others: 3 }), "3 suggestions, 1 error");
  assert.equal(summarize({ total: 1, errors: 0, others: 1 }), "1 suggestion");
  assert.equal(summarize({ total: 2, errors: 2, others: 0 }), "2 errors");
  assert.equal(summarize({ total: 0, errors: 0, others: 0 }), "No suggestions");
  assert.deepEqual(badgeFor("ready", counts, "http://127.0.0.1:8765").text, "3");
  assert.equal(badgeFor("ready", counts, "u").title, "tonecheck: 2 suggestions, 1 error");
  assert.equal(badgeFor("ready", { total: 0, errors: 0, others: 0 }, "u").text, "");
  const off = badgeFor("offline", null, "http://127.0.0.1:8765");
  assert.equal(off.text, "!");
  assert.equal(off.title, "tonecheck: server unreachable (http://127.0.0.1:8765)");
  assert.equal(badgeFor("ready", { total: 150, errors: 0, others: 150 }, "u").text, "99+");
});

test("the Why? link falls back to the first URL in the rule's help text", async () => {
  const { helpUrl } = await import("../src/content/ui.js");
  assert.equal(helpUrl("Screen readers read it as one word. See https://example.org/a11y/hashtags."), "https://example.org/a11y/hashtags");
  assert.equal(helpUrl("No link here."), null);
  assert.equal(helpUrl(""), null);
});
