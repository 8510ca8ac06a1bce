// Launch harness: fixture HTTPS server + the real tonecheck server + Debian Chromium with the unpacked extension.
//
// Chromium resolves every fixture host name (x.com, www.linkedin.com, …) to 127.0.0.1:<fixture port> through
// --host-resolver-rules, trusts the test certificate by its SPKI hash, and treats the fixture server as a PUBLIC
// address (--ip-address-space-overrides), as the real sites are; so the manifest's real content-script matches run
// and Local Network Access applies to the page exactly as on x.com.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startFixtureServer } from './https-server.mjs';
import { ALL_HOSTS, SITES, siteUrl } from './sites.mjs';
import { makeCertificate } from './tls.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const E2E_DIR = resolve(here, '..');
export const REPO = resolve(E2E_DIR, '..', '..');
export const DIST = join(E2E_DIR, 'dist');
export const CHROMIUM = process.env.TONECHECK_CHROMIUM ?? '/usr/bin/chromium';
export const TONECHECK_BIN = process.env.TONECHECK_BIN ?? join(REPO, '.venv', 'bin', 'tonecheck');

/** The unpacked extension: $TONECHECK_EXTENSION, else extension/ (its manifest.json is the one that ships). */
export function extensionDir() {
  const candidates = [process.env.TONECHECK_EXTENSION, join(REPO, 'extension')].filter(Boolean);
  for (const c of candidates) if (existsSync(join(c, 'manifest.json'))) return resolve(c);
  throw new Error(`no unpacked extension (manifest.json) in ${candidates.join(', ')}`);
}

export async function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => res(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Start `tonecheck serve` on a free loopback port and wait until /health answers. */
export async function startTonecheckServer({ port } = {}) {
  port ??= await freePort();
  // $TONECHECK_SERVE_CMD replaces `tonecheck serve` (e.g. to try another server build); --host/--port are appended.
  const cmd = process.env.TONECHECK_SERVE_CMD ? process.env.TONECHECK_SERVE_CMD.split(' ') : [TONECHECK_BIN, 'serve'];
  if (!existsSync(cmd[0])) throw new Error(`${cmd[0]} missing: run make (it creates .venv)`);
  const proc = spawn(cmd[0], [...cmd.slice(1), '--host', '127.0.0.1', '--port', String(port)], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`tonecheck serve exited (${proc.exitCode}): ${stderr}`);
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { proc.kill(); throw new Error(`tonecheck serve did not answer /health: ${stderr}`); }
    await sleep(100);
  }
  return {
    url,
    port,
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([exited, sleep(3000)]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    },
    /** What the server itself says about a draft (the tests' expected findings). */
    async check(body) {
      const r = await fetch(`${url}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!r.ok) throw new Error(`/v1/check ${r.status}: ${await r.text()}`);
      return r.json();
    },
  };
}

/**
 * Launch everything. Options: extension (false to run the fixtures without it), server (false: no tonecheck server).
 * @returns {Promise<Env>}
 */
export async function launch({ extension = true, server = true, headless = process.env.HEADED !== '1', extensionPath } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install -y chromium (make test does it)`);
  if (!existsSync(join(DIST, 'pages'))) throw new Error(`fixtures not built: node ${join(E2E_DIR, 'build.mjs')}`);
  const tls = await makeCertificate(ALL_HOSTS);
  const fixtures = await startFixtureServer({ key: tls.key, cert: tls.cert, root: DIST });
  const api = server ? await startTonecheckServer() : null;
  const userDataDir = mkdtempSync(join(tmpdir(), 'tonecheck-e2e-'));
  const ext = extension ? (extensionPath ?? extensionDir()) : null;
  const args = [
    `--host-resolver-rules=${ALL_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${fixtures.port}`).join(', ')}, EXCLUDE 127.0.0.1`,
    `--ignore-certificate-errors-spki-list=${tls.spkiHash}`,
    `--ip-address-space-overrides=127.0.0.1:${fixtures.port}=public`,
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-quic', '--no-default-browser-check',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
  ];
  if (ext) args.push(`--disable-extensions-except=${ext}`, `--load-extension=${ext}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    args,
    viewport: { width: 1100, height: 900 },
    locale: 'en-US',
  });
  let worker = null;
  if (ext) {
    worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 10_000 });
    if (api) await setOptions(worker, { serverUrl: api.url });
  }
  const env = {
    context, worker, fixtures, api, tls, extensionPath: ext,
    extensionId: worker ? new URL(worker.url()).host : null,
    async close() {
      await context.close().catch(() => {});
      await fixtures.close();
      if (env.api) await env.api.stop(); // a test may have replaced it (server restart)
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return env;
}

/** Set extension options (chrome.storage.sync, the contract's store) from the service worker. */
export async function setOptions(worker, options) {
  await worker.evaluate(async (o) => { await chrome.storage.sync.set(o); }, options);
}

/**
 * Open a fixture composer. Collects page errors and console errors (tests assert none come from the extension).
 * @param {Env} env @param {string} site @param {{media?: 'alt'|'noalt', host?: string}} [opts]
 */
export async function openSite(env, site, { media, host } = {}) {
  const page = await env.context.newPage();
  page.setDefaultTimeout(10_000); // fail fast instead of Playwright's 30 s per action
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()} (${m.location()?.url ?? ''})`); });
  const url = siteUrl(site, host) + (media ? `?media=${media}` : '');
  await page.goto(url);
  await page.waitForFunction(() => window.__fixture?.ready === true);
  return { page, errors, url };
}

/** CSS selector of each fixture's composer (the element the user types in). */
export const COMPOSER = {
  x: '[data-testid="tweetTextarea_0"]',
  linkedin: '.share-creation-state__text-editor .ql-editor[contenteditable="true"]',
  facebook: '[role=dialog] [contenteditable="true"][role=textbox][data-lexical-editor="true"]',
  instagram: '[role=dialog] [aria-label="Write a caption..."][contenteditable="true"]',
  threads: '[role=dialog] [contenteditable="true"][role=textbox][data-lexical-editor="true"]',
  mastodon: 'form.compose-form textarea.autosuggest-textarea__textarea',
  bluesky: '[data-testid="composerTextInput"] .ProseMirror[contenteditable="true"]',
  'generic-textarea': 'textarea#post-body',
  'generic-contenteditable': '#editor[contenteditable="true"]',
};

/** Focus the composer and type like a user (real key events, so the editor frameworks handle them). */
export async function typeDraft(page, site, text) {
  const box = page.locator(COMPOSER[site]);
  await box.click();
  await page.keyboard.type(text);
  return box;
}

export const editorText = (page) => page.evaluate(() => window.__editorText());

/** Wait until the editor framework's model reads `want` (it may update a task after the key events); return what it reads. */
export async function waitEditorText(page, want, timeout = 5_000) {
  await page.waitForFunction((w) => window.__editorText() === w, want, { timeout, polling: 20 }).catch(() => {});
  return editorText(page);
}

export { SITES, siteUrl };

/** @typedef {{context: import('playwright-core').BrowserContext, worker: import('playwright-core').Worker|null, fixtures: {port:number}, api: Awaited<ReturnType<typeof startTonecheckServer>>|null, extensionId: string|null, extensionPath: string|null, close: () => Promise<void>}} Env */
