// The extension's REAL manifest content-script matches run on the real composer host names (served locally over
// HTTPS), and only there: a site the user has not granted gets nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COMPOSER, SITES, launch, openSite, typeDraft } from '../lib/harness.mjs';
import { ROOT, hostInfo, unexpected, waitChecked } from '../lib/ext.mjs';

describe('content script on the real host names', { timeout: 120_000 }, () => {
  let env;
  before(async () => { env = await launch(); });
  after(async () => { await env?.close(); });

  test('service worker is up and the server URL option took', async () => {
    assert.match(env.worker.url(), /^chrome-extension:\/\/[a-p]{32}\//);
    const stored = await env.worker.evaluate(() => chrome.storage.sync.get('serverUrl'));
    assert.equal(stored.serverUrl, env.api.url);
  });

  for (const [site, info] of Object.entries(SITES)) {
    if (!info.platform) continue;
    for (const host of info.hosts) {
      test(`${host}: one <${ROOT}> for the ${info.editor} composer, outside the editor`, async () => {
        const { page, errors } = await openSite(env, site, { host });
        await page.locator(COMPOSER[site]).click();
        await page.waitForSelector(ROOT, { state: 'attached', timeout: 5_000 });
        const hosts = await hostInfo(page);
        assert.equal(hosts.length, 1, 'exactly one host element per composer');
        assert.equal(hosts[0].platform, info.platform);
        // On <html>, or beside an aria-modal composer (to stay inside the site's focus trap); never inside the editor.
        assert.equal(hosts[0].insideEditor, false, 'host is never inside the editor');
        assert.ok(hosts[0].shadowOpen, 'open shadow root');
        // Nothing of ours inside the editor's DOM.
        assert.equal(await page.locator(`${COMPOSER[site]} ${ROOT}, ${COMPOSER[site]} [class^="tc-"]`).count(), 0);
        assert.deepEqual(unexpected(errors), []);
        await page.close();
      });
    }
  }

  // The fixture pages count as PUBLIC addresses (--ip-address-space-overrides), as x.com is: Chromium's Local Network
  // Access then blocks page fetches to the loopback server, so every passing test here proves that the extension
  // reaches the server only through its service worker, as it must on the real sites.
  test('a page on a real host name cannot reach the local server itself (Local Network Access)', async () => {
    const { page } = await openSite(env, 'x');
    // mode no-cors: CORS can't be the reason it fails (an opaque response would resolve); only LNA rejects it.
    const result = await page.evaluate((url) => fetch(`${url}/health`, { mode: 'no-cors' }).then((r) => `reached (${r.type})`, (e) => `blocked: ${e.name}`), env.api.url);
    assert.equal(result, 'blocked: TypeError');
    await page.close();
  });

  test('sites the user has not granted get no content script', async () => {
    for (const site of ['generic-textarea', 'generic-contenteditable']) {
      const { page, errors } = await openSite(env, site);
      await page.locator(COMPOSER[site]).click();
      await page.keyboard.type('Hello #worldnews');
      // A state to wait for instead of a time: the same draft typed on a supported site (after it) is checked and
      // its hints are shown, so a content script on the ungranted page, had one run, would have mounted by now.
      const control = await openSite(env, 'mastodon');
      await typeDraft(control.page, 'mastodon', 'Hello #worldnews');
      await waitChecked(control.page, (await env.api.check({ text: 'Hello #worldnews', platform: 'mastodon' })).findings.length);
      await control.page.close();
      assert.equal(await page.locator(ROOT).count(), 0, site);
      assert.deepEqual(unexpected(errors), []);
      await page.close();
    }
  });
});
