// Self-hosted sites the user granted (options page → chrome.permissions.request → grantedSites): the worker registers
// the content script for them and the generic adapters (any textarea / contenteditable) run the same hints flow.
//
// Headless Chromium cannot click "Allow" on a permission prompt, so this test loads a TEST COPY of the extension whose
// manifest lists the two fixture origins in host_permissions (granted at install, so permissions.contains() is true),
// then sets `grantedSites` as the options page would. Everything after the grant is the real code path. The real
// manifest is used unchanged by every other test file.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { extensionDir, launch, setOptions } from '../lib/harness.mjs';
import { hintsFlow } from '../lib/flows.mjs';

const ORIGINS = ['https://social.example.org', 'https://write.example.net'];

function grantedCopy() {
  const src = extensionDir();
  const dst = mkdtempSync(join(tmpdir(), 'tonecheck-ext-granted-'));
  cpSync(src, dst, {
    recursive: true,
    filter: (p) => !/^(e2e|node_modules|dist)(\/|$)/.test(relative(src, p)),
  });
  const manifest = JSON.parse(readFileSync(join(dst, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...ORIGINS.map((o) => `${o}/*`)];
  writeFileSync(join(dst, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dst;
}

describe('granted self-hosted sites (generic adapters)', { timeout: 120_000 }, () => {
  let env;
  let copy;
  before(async () => {
    copy = grantedCopy();
    env = await launch({ extensionPath: copy });
    await setOptions(env.worker, { grantedSites: ORIGINS });
    await env.worker.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const ids = (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id);
        if (ids.includes('tc-granted')) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('content script for granted sites was not registered');
    });
  });
  after(async () => {
    await env?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  test('registered only for the granted origins', async () => {
    const scripts = await env.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    const loader = scripts.find((s) => s.id === 'tc-granted');
    assert.deepEqual([...loader.matches].sort(), ORIGINS.map((o) => `${o}/*`).sort());
  });

  test('plain <textarea> (social.example.org): hints flow', async (t) => {
    const { applyMethod } = await hintsFlow(env, 'generic-textarea', { platform: null, textarea: true });
    t.diagnostic(`fix applied via ${applyMethod}`);
  });

  test('bare contenteditable (write.example.net): hints flow', async (t) => {
    const { applyMethod } = await hintsFlow(env, 'generic-contenteditable', { platform: null, textarea: false });
    t.diagnostic(`fix applied via ${applyMethod}`);
  });
});
