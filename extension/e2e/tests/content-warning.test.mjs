// Mastodon counts the content warning with the post (one shared 500-character budget): the extension sends the
// spoiler field's text with the draft, so the counter and the length finding count it, and editing only the content
// warning re-checks the post.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, openSite, typeDraft } from '../lib/harness.mjs';
import { ROOT, unexpected, waitState } from '../lib/ext.mjs';

describe('content warning on Mastodon', { timeout: 120_000 }, () => {
  let env;
  before(async () => { env = await launch(); });
  after(async () => { await env?.close(); });

  test('the counter includes the content warning, and editing it re-checks', async () => {
    const text = 'Our new season starts on Friday 🎬';
    const cw = 'Film spoilers';
    const plain = await env.api.check({ text, platform: 'mastodon' });
    const withCw = await env.api.check({ text, platform: 'mastodon', content_warning: cw });
    assert.ok(withCw.metrics.length > plain.metrics.length, 'the server counts the content warning (test premise)');

    const { page, errors } = await openSite(env, 'mastodon');
    await typeDraft(page, 'mastodon', text);
    await waitState(page, 'ready');
    const counter = page.locator(`${ROOT} .tc-counter`);
    await page.waitForFunction(({ root, want }) => document.querySelector(root)?.shadowRoot
      ?.querySelector('.tc-counter')?.textContent.trim() === want,
    { root: ROOT, want: `${plain.metrics.length}/${plain.metrics.length_limit}` }, { timeout: 8_000 });

    await page.locator('input.spoiler-input__input').fill(cw);
    await page.waitForFunction(({ root, want }) => document.querySelector(root)?.shadowRoot
      ?.querySelector('.tc-counter')?.textContent.trim() === want,
    { root: ROOT, want: `${withCw.metrics.length}/${withCw.metrics.length_limit}` }, { timeout: 8_000 });
    assert.equal((await counter.textContent()).trim(), `${withCw.metrics.length}/${withCw.metrics.length_limit}`);
    assert.deepEqual(unexpected(errors), [], 'no page errors');
  });
});
