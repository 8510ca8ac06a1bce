// Builds the store packages: dist/tonecheck-chrome.zip and dist/tonecheck-firefox.zip (and the
// unpacked folders dist/chrome/, dist/firefox/). No bundler: the extension is plain ES modules;
// this copies the runtime files and writes the Firefox manifest variant.
//   node scripts/build.mjs        (npm run build)
import { readFileSync, writeFileSync, mkdirSync, rmSync, readdirSync, statSync, copyFileSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { firefoxManifest } from "./manifest.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");
const FILES = ["manifest.json", "icons", "src"];

function walk(path, out = []) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) walk(join(path, name), out);
  } else if (!path.endsWith("~") && !path.split("/").pop().startsWith(".")) {
    out.push(path);
  }
  return out;
}

function build(target, manifest) {
  const outDir = join(DIST, target);
  rmSync(outDir, { recursive: true, force: true });
  const entries = {};
  for (const top of FILES) {
    for (const file of walk(join(ROOT, top))) {
      const rel = relative(ROOT, file);
      if (rel === "manifest.json") continue;
      mkdirSync(dirname(join(outDir, rel)), { recursive: true });
      copyFileSync(file, join(outDir, rel));
      entries[rel] = [readFileSync(file), { mtime: new Date("2026-01-01T00:00:00Z") }];
    }
  }
  const text = JSON.stringify(manifest, null, 2) + "\n";
  writeFileSync(join(outDir, "manifest.json"), text);
  entries["manifest.json"] = [Buffer.from(text), { mtime: new Date("2026-01-01T00:00:00Z") }];
  const zip = zipSync(entries, { level: 9 });
  const zipPath = join(DIST, `tonecheck-${target}.zip`);
  writeFileSync(zipPath, zip);
  return { zipPath, files: Object.keys(entries).length, bytes: zip.length };
}

const chromeManifest = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8"));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
if (chromeManifest.version !== pkg.version) {
  console.error(`manifest.json version ${chromeManifest.version} differs from package.json ${pkg.version}`);
  process.exit(1);
}
mkdirSync(DIST, { recursive: true });
for (const [target, manifest] of [["chrome", chromeManifest], ["firefox", firefoxManifest(chromeManifest)]]) {
  const r = build(target, manifest);
  console.log(`${relative(ROOT, r.zipPath)}: ${r.files} files, ${r.bytes} bytes`);
}
