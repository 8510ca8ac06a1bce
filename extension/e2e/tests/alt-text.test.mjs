// Alt-text reminder before posting: on sites whose DOM says an image has no description, both the post button and
// Ctrl+Enter are intercepted once with an alert dialog ("Add alt text" / "Post anyway"); nothing is posted until the
// user chooses. Images with a description, and sites that don't expose the alt state, never nag.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COMPOSER, launch, openSite, setOptions, typeDraft } from '../lib/harness.mjs';
import { ROOT, unexpected, waitState } from '../lib/ext.mjs';

const POST = {
  x: '[data-testid="tweetButton"]',
  bluesky: '[data-testid="composerPublishBtn"]',
  linkedin: '.share-actions__primary-action',
  facebook: '[role=dialog] [aria-label="Post"][role=button]',
  mastodon: '.compose-form__publish button[type=submit]',
};
const TEXT = 'Our new community garden opened today';
const posted = (page) => page.evaluate(() => window.__posted);

describe('alt-text reminder on post', { timeout: 180_000 }, () => {
  let env;
  before(async () => { env = await launch(); });
  after(async () => { await env?.close(); });

  for (const site of ['x', 'bluesky']) {
    test(`${site}: image without alt → reminder on click; "Post anyway" posts once`, async () => {
      const { page, errors } = await openSite(env, site, { media: 'noalt' });
      await typeDraft(page, site, TEXT);
      await waitState(page, 'ready');
      await page.click(POST[site]);
      const alert = page.locator(`${ROOT} [role=alertdialog]`);
      await alert.waitFor({ state: 'visible', timeout: 3_000 });
      assert.deepEqual(await posted(page), [], 'the first click is intercepted');
      assert.equal(await alert.getByRole('button', { name: 'Add alt text' }).count(), 1);
      await alert.getByRole('button', { name: 'Post anyway' }).press('Enter');
      await page.waitForFunction(() => window.__posted.length === 1, null, { timeout: 3_000 });
      assert.deepEqual(await posted(page), [TEXT]);
      assert.deepEqual(unexpected(errors), []);
      await page.close();
    });

    test(`${site}: image without alt → Ctrl+Enter is intercepted too`, async () => {
      const { page, errors } = await openSite(env, site, { media: 'noalt' });
      await typeDraft(page, site, TEXT);
      await waitState(page, 'ready');
      await page.keyboard.press('Control+Enter');
      await page.locator(`${ROOT} [role=alertdialog]`).waitFor({ state: 'visible', timeout: 3_000 });
      assert.deepEqual(await posted(page), []);
      await page.keyboard.press('Escape');
      await page.locator(`${ROOT} [role=alertdialog]`).waitFor({ state: 'hidden', timeout: 3_000 });
      assert.deepEqual(await posted(page), [], 'Escape cancels; nothing posted');
      assert.deepEqual(unexpected(errors), []);
      await page.close();
    });

    test(`${site}: image WITH alt posts at once`, async () => {
      const { page, errors } = await openSite(env, site, { media: 'alt' });
      await typeDraft(page, site, TEXT);
      await waitState(page, 'ready');
      await page.click(POST[site]);
      assert.deepEqual(await posted(page), [TEXT]);
      assert.equal(await page.locator(`${ROOT} [role=alertdialog]`).count(), 0);
      assert.deepEqual(unexpected(errors), []);
      await page.close();
    });
  }

  test('mastodon, strict mode (strictAltText): image without alt → posting is blocked', async () => {
    await setOptions(env.worker, { strictAltText: true });
    try {
      const { page, errors } = await openSite(env, 'mastodon', { media: 'noalt' });
      await typeDraft(page, 'mastodon', TEXT);
      await waitState(page, 'ready');
      await page.click(POST.mastodon);
      const alert = page.locator(`${ROOT} [role=alertdialog]`);
      await alert.waitFor({ state: 'visible', timeout: 3_000 });
      assert.deepEqual(await posted(page), []);
      const anyway = alert.getByRole('button', { name: 'Post anyway' });
      assert.equal(await anyway.getAttribute('aria-disabled'), 'true', 'strict mode offers no way round');
      await anyway.click({ force: true });
      await page.locator(COMPOSER.mastodon).focus();
      await page.keyboard.press('Control+Enter');
      await alert.waitFor({ state: 'visible' });
      await page.keyboard.press('Escape');
      await alert.waitFor({ state: 'hidden' });
      await page.click(POST.mastodon); // a second try is held too
      await alert.waitFor({ state: 'visible' });
      assert.deepEqual(await posted(page), [], 'neither the disabled button, Ctrl+Enter nor a second click posts');
      assert.equal(await alert.getByRole('button', { name: 'Add alt text' }).count(), 1);
      assert.deepEqual(unexpected(errors), []);
      await page.close();
    } finally {
      await setOptions(env.worker, { strictAltText: false });
    }
  });

  // LinkedIn and Facebook don't show the alt state in the composer; Mastodon asks about missing alt text itself.
  for (const site of ['linkedin', 'facebook', 'mastodon']) {
    test(`${site}: no second-guessing (alt state unknown or the site asks itself)`, async () => {
      const { page, errors } = await openSite(env, site, { media: 'noalt' });
      await typeDraft(page, site, TEXT);
      await waitState(page, 'ready');
      await page.click(POST[site]);
      assert.deepEqual(await posted(page), [TEXT]);
      assert.equal(await page.locator(`${ROOT} [role=alertdialog]`).count(), 0);
      assert.deepEqual(unexpected(errors), []);
      await page.close();
    });
  }
});
