import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { firefoxManifest } from "../scripts/manifest.mjs";
import { SITES } from "../src/content/sites.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8"));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

function jsFiles(dir) {
  return readdirSync(join(ROOT, dir), { recursive: true }).filter((f) => f.endsWith(".js")).map((f) => join(dir, f));
}

test("every file the manifest names exists", () => {
  const files = [
    ...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon), manifest.background.service_worker,
    manifest.options_ui.page, ...manifest.content_scripts.flatMap((c) => c.js),
  ];
  for (const f of files) assert.ok(existsSync(join(ROOT, f)), f);
  // The loader imports src/content/main.js, which must be web-accessible with all its imports.
  const war = manifest.web_accessible_resources.flatMap((w) => w.resources);
  for (const f of [...jsFiles("src/content"), ...jsFiles("src/shared")]) {
    assert.ok(war.some((pattern) => new RegExp("^" + pattern.replace(/\./g, "\\.").replace(/\*/g, "[^/]*") + "$").test(f)), `${f} is web-accessible`);
  }
});

test("content scripts run on the composer hosts of all seven platforms", () => {
  const matches = manifest.content_scripts[0].matches;
  for (const host of ["x.com", "twitter.com", "www.linkedin.com", "www.facebook.com", "www.instagram.com", "www.threads.com", "www.threads.net", "bsky.app", "mastodon.social"]) {
    assert.ok(matches.includes(`https://${host}/*`), host);
    assert.ok(SITES.some((s) => s.hosts.includes(host)), `${host} has an adapter`);
  }
  assert.deepEqual(manifest.content_scripts[1].matches, matches);
  assert.equal(manifest.content_scripts[1].world, "MAIN");
});

test("permissions: loopback server only, everything else optional; the hints shortcut", () => {
  assert.deepEqual(manifest.host_permissions, ["http://127.0.0.1/*", "http://localhost/*"]);
  assert.ok(manifest.optional_host_permissions.includes("https://*/*"));
  assert.deepEqual(manifest.permissions.sort(), ["scripting", "storage"]);
  assert.equal(manifest.commands["open-hints"].suggested_key.default, "Alt+Shift+H");
  assert.equal(manifest.version, pkg.version);
});

test("the Firefox variant uses an event page and a gecko id", () => {
  const fx = firefoxManifest(manifest);
  assert.deepEqual(fx.background, { scripts: ["src/background/worker.js"], type: "module" });
  assert.match(fx.browser_specific_settings.gecko.id, /@/);
  assert.equal(fx.minimum_chrome_version, undefined);
  assert.equal(manifest.background.service_worker, "src/background/worker.js"); // the Chrome manifest is untouched
});

test("privacy: only the service worker makes network requests, and only to the configured server", () => {
  for (const f of [...jsFiles("src/content"), ...jsFiles("src/shared"), ...jsFiles("src/options"), ...jsFiles("src/page")]) {
    const src = readFileSync(join(ROOT, f), "utf8");
    assert.doesNotMatch(src, /\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/, f);
  }
  const worker = readFileSync(join(ROOT, "src/background/worker.js"), "utf8");
  const calls = worker.match(/fetch\([^,]+/g);
  assert.ok(calls.length >= 2);
  for (const c of calls) assert.match(c, /settings\.serverUrl/, c);
});
