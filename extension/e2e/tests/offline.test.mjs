// Server down: the composer host says offline, the toolbar badge shows "!" with a title naming the server URL, the
// page sees no error; when the server is back the next edit is checked again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, openSite, startTonecheckServer, typeDraft } from '../lib/harness.mjs';
import { ROOT, hostInfo, unexpected, waitState } from '../lib/ext.mjs';

// The badge of the newest tab (the page under test): without the "tabs" permission the worker can't see tab URLs.
async function badge(worker) {
  return worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    const tabId = Math.max(...tabs.map((t) => t.id));
    return { text: await chrome.action.getBadgeText({ tabId }), title: await chrome.action.getTitle({ tabId }) };
  });
}

describe('server down', { timeout: 120_000 }, () => {
  let env;
  before(async () => { env = await launch(); });
  after(async () => { await env?.close(); });

  test('offline state, badge, no page errors, recovery', async () => {
    const { port, url } = env.api;
    await env.api.stop();
    const { page, errors } = await openSite(env, 'x');
    await typeDraft(page, 'x', 'Check out #socialmediatips');
    await waitState(page, 'offline');
    const b = await badge(env.worker);
    assert.equal(b.text, '!');
    assert.match(b.title, /server unreachable/);
    assert.ok(b.title.includes(url), `badge title names ${url}: ${b.title}`);
    assert.equal((await hostInfo(page))[0].count ?? '0', '0', 'no stale hints while offline');

    // Back up on the same port: the next edit is checked.
    env.api = await startTonecheckServer({ port });
    await page.keyboard.type(' today');
    await waitState(page, 'ready', 15_000);
    assert.ok(Number((await hostInfo(page))[0].count) > 0);
    assert.notEqual((await badge(env.worker)).text, '!');
    assert.equal(await page.locator(`${ROOT}`).count(), 1);
    assert.deepEqual(unexpected(errors), []);
    await page.close();
  });
});
