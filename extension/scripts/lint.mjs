// Quick checks without dependencies: every JavaScript file parses (node --check; ES modules are
// checked as modules), no console.* / debugger left in the extension's sources, JSON is valid.
import { readdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const files = ["src", "scripts", "test"].flatMap((d) => readdirSync(join(ROOT, d), { recursive: true }).filter((f) => /\.(m?js)$/.test(f)).map((f) => join(d, f)));
let failed = 0;
for (const f of files) {
  // Classic scripts (loader, MAIN-world helper) are checked as scripts, the rest as modules.
  const classic = f.endsWith("loader.js") || f.includes("src/page/");
  const r = spawnSync(process.execPath, classic ? ["--check", join(ROOT, f)] : ["--input-type=module", "--check"], {
    input: classic ? undefined : readFileSync(join(ROOT, f)), encoding: "utf8",
  });
  if (r.status !== 0) {
    failed += 1;
    console.error(`${f}: ${r.stderr.trim().split("\n").slice(0, 4).join("\n")}`);
  }
  if (f.startsWith("src") && /\bconsole\.(log|debug|info|warn|error)\(|\bdebugger\b/.test(readFileSync(join(ROOT, f), "utf8"))) {
    failed += 1;
    console.error(`${f}: console.* or debugger in extension code (nothing may be logged into the page)`);
  }
}
for (const f of ["manifest.json", "package.json"]) JSON.parse(readFileSync(join(ROOT, f), "utf8"));
console.log(`${files.length} files checked, ${failed} problem(s)`);
process.exit(failed ? 1 : 0);
