// The fixture composers themselves, without the extension: each host name serves its page over HTTPS, the real
// editor framework is mounted, typing reaches the framework's own model (window.__editorText), and the site's own
// post action records what it would send. If these fail, the extension tests below them mean nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COMPOSER, SITES, launch, openSite, typeDraft, waitEditorText } from '../lib/harness.mjs';

const DRAFT = 'Spring fair on Saturday 🌷 #SpringFair';

describe('fixture composers (no extension)', { timeout: 120_000 }, () => {
  let env;
  before(async () => { env = await launch({ extension: false, server: false }); });
  after(async () => { await env?.close(); });

  for (const [site, info] of Object.entries(SITES)) {
    for (const host of info.hosts) {
      test(`${host}: ${info.editor} model follows typing`, async () => {
        const { page, errors } = await openSite(env, site, { host });
        assert.equal(new URL(page.url()).host, host);
        assert.equal(await page.evaluate(() => location.protocol), 'https:');
        await typeDraft(page, site, DRAFT);
        assert.equal(await waitEditorText(page, DRAFT), DRAFT);
        // The editor element the adapters look for is present exactly once.
        assert.equal(await page.locator(COMPOSER[site]).count(), 1);
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  }

  test('post buttons and Ctrl+Enter go through the site\'s own handler', async () => {
    const posts = {
      x: '[data-testid="tweetButton"]',
      linkedin: '.share-actions__primary-action',
      facebook: '[role=dialog] [aria-label="Post"][role=button]',
      mastodon: '.compose-form__publish button[type=submit]',
      bluesky: '[data-testid="composerPublishBtn"]',
    };
    for (const [site, sel] of Object.entries(posts)) {
      const { page } = await openSite(env, site);
      await typeDraft(page, site, 'Hello');
      await page.click(sel);
      assert.deepEqual(await page.evaluate(() => window.__posted), ['Hello'], site);
      await page.close();
    }
    for (const site of ['x', 'mastodon', 'bluesky']) {
      const { page } = await openSite(env, site);
      await typeDraft(page, site, 'Hi');
      await page.keyboard.press('Control+Enter');
      assert.deepEqual(await page.evaluate(() => window.__posted), ['Hi'], `${site} Ctrl+Enter`);
      await page.close();
    }
  });

  test('attachments show alt state the way each site does', async () => {
    const { page } = await openSite(env, 'x', { media: 'noalt' });
    assert.equal(await page.locator('[data-testid="attachments"] [data-testid="altTextLabel"]').textContent(), 'Add description');
    await page.close();
    const m = await openSite(env, 'mastodon', { media: 'noalt' });
    assert.equal(await m.page.locator('.compose-form__upload__warning .icon-button.active').count(), 1);
    await m.page.close();
    const b = await openSite(env, 'bluesky', { media: 'alt' });
    assert.equal(await b.page.locator('[data-testid="altTextButton"]').getAttribute('aria-label'), 'Edit alt text');
    await b.page.close();
  });
});
