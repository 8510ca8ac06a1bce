// Drafts of several paragraphs: each editor joins blocks its own way (Draft/Quill/ProseMirror "\n", Lexical "\n\n",
// textarea "\n"), so offsets must map back into the right block. The underline must cover exactly the flagged text
// in the third paragraph (after an emoji in the first), and applying a fix there must leave the other paragraphs untouched (Harper #2596 corrupted
// other lines of X's Draft.js editor this way). Ctrl+Z after a fix must give back the text before the fix.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COMPOSER, SITES, editorText, launch, openSite } from '../lib/harness.mjs';
import { ROOT, highlightTexts, overlayMarks, textFindings, unexpected, waitState } from '../lib/ext.mjs';

const LINES = ['Spring fair this Saturday 🌷', 'Stalls from 10am until 4pm.', 'Tag your photos #springfair2026 🌷🌷🌷 please'];
// The hashtag where the platform flags it (Threads has no hashtag rule), else the repeated emoji.
const FIXES = [{ from: '#springfair2026', to: '#SpringFair2026' }, { from: '🌷🌷🌷', to: '🌷' }];

describe('multi-paragraph drafts', { timeout: 180_000 }, () => {
  let env;
  before(async () => { env = await launch(); });
  after(async () => { await env?.close(); });

  for (const [site, { platform, editor }] of Object.entries(SITES)) {
    if (!platform) continue;
    test(`${site} (${editor}): underline and fix in the third paragraph`, async () => {
      const { page, errors } = await openSite(env, site);
      await page.locator(COMPOSER[site]).click();
      for (const [i, line] of LINES.entries()) {
        if (i) await page.keyboard.press('Enter');
        await page.keyboard.type(line);
      }
      const text = await editorText(page);
      assert.deepEqual(text.split('\n').filter(Boolean), LINES, 'the editor holds three paragraphs');
      const report = await env.api.check({ text, platform });
      const flagged = textFindings(report, text);
      const FIX = FIXES.find((x) => flagged.some((f) => f.covered === x.from && f.suggestions.some((s) => s.replacement === x.to)));
      assert.ok(FIX, 'server flags the hashtag or the emoji in the third paragraph (test premise)');
      await waitState(page, 'ready');
      assert.equal(Number(await page.locator(ROOT).getAttribute('data-count')), report.findings.length);

      if (editor === 'textarea') {
        const marks = await overlayMarks(page, COMPOSER[site]);
        assert.ok(marks.length >= flagged.length && marks.every((m) => m.inside));
      } else {
        const got = Object.values(await highlightTexts(page)).flat().sort();
        assert.deepEqual(got, flagged.map((f) => f.covered).sort(), 'highlights cover exactly the flagged text');
      }

      await page.keyboard.press('Alt+Shift+H');
      await page.locator(`${ROOT} [role=dialog]`).getByRole('button', { name: `Apply “${FIX.to}”` }).click();
      const fixed = text.replace(FIX.from, FIX.to);
      await page.waitForFunction((want) => window.__editorText() === want, fixed, { timeout: 3_000 })
        .catch(async () => assert.equal(await editorText(page), fixed, 'only the flagged hashtag changed'));
      assert.deepEqual(unexpected(errors), []);
      await page.close();
    });
  }

  // Undo after a fix restores the draft as it was before the fix (the fix is its own undo step in the editor's history;
  // Quill merges changes within 1 s unless the extension cuts the history around its edit).
  for (const [site, { platform, editor }] of Object.entries(SITES)) {
    if (!platform || site === 'threads') continue; // threads: same Lexical build as facebook/instagram, and no hashtag rule
    test(`${site} (${editor}): undo after a fix restores the text before it`, async () => {
      const { page, errors } = await openSite(env, site);
      const text = 'Tag your photos #springfair2026 please';
      await page.locator(COMPOSER[site]).click();
      await page.keyboard.type(text);
      await waitState(page, 'ready');
      await page.keyboard.press('Alt+Shift+H');
      await page.locator(`${ROOT} [role=dialog]`).getByRole('button', { name: 'Apply “#SpringFair2026”' }).click();
      await page.waitForFunction((want) => window.__editorText() === want, text.replace('#springfair2026', '#SpringFair2026'));
      await page.keyboard.press('Escape');
      await page.locator(COMPOSER[site]).focus();
      await page.keyboard.press('Control+z');
      await page.waitForFunction((want) => window.__editorText() === want, text, { timeout: 2_000 })
        .catch(async () => assert.equal(await editorText(page), text, 'Ctrl+Z after the fix'));
      assert.deepEqual(unexpected(errors), []);
      await page.close();
    });
  }
});
