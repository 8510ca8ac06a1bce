// The whole hints flow in one composer (shared by tests/hints.test.mjs and tests/generic.test.mjs):
// type a draft with known findings, wait for the hints, check the underlines cover exactly the text the server flagged
// (UTF-16 offsets after an emoji), the live region, the length counter; open the hints list by keyboard, Escape back to
// the caret, then apply a fix by keyboard and check the EDITOR'S OWN model changed and the hint went away.
import assert from 'node:assert/strict';
import { COMPOSER, SITES, openSite, typeDraft, waitEditorText } from './harness.mjs';
import { ROOT, focusInfo, waitApplied, waitCaret, highlightTexts, hostInfo, overlayMarks, summaryFor, textFindings, unexpected, waitChecked, waitFocusInComposer, waitFocusInHints } from './ext.mjs';

// 🎉 is two UTF-16 code units: the hashtag starts at code point 11 but UTF-16 offset 12.
export const DRAFT = 'Big news 🎉 #socialmediatips 🔥🔥🔥 click here';
// The fix to apply: the hashtag where the platform flags it (Threads has no hashtag rule), else the repeated emoji.
const FIXES = [{ from: '#socialmediatips', to: '#SocialMediaTips' }, { from: '🔥🔥🔥', to: '🔥' }];
const SEVERITY_HIGHLIGHT = { error: 'tonecheck-error', warning: 'tonecheck-warning', suggestion: 'tonecheck-suggestion' };

/**
 * @param {import('./harness.mjs').Env} env
 * @param {string} site fixture name
 * @param {{platform?: string|null, textarea?: boolean}} [opts] platform the extension should report (default: the site's)
 */
export async function hintsFlow(env, site, { platform = SITES[site].platform, textarea = SITES[site].editor === 'textarea' } = {}) {
  const report = await env.api.check(platform ? { text: DRAFT, platform } : { text: DRAFT });
  const flagged = textFindings(report, DRAFT);
  const FIX = FIXES.find((x) => flagged.some((f) => f.covered === x.from && f.suggestions.some((s) => s.replacement === x.to)));
  assert.ok(FIX, `server flags the hashtag or the emoji on ${platform} with a fix (test premise)`);

  const { page, errors } = await openSite(env, site);
  const composer = await typeDraft(page, site, DRAFT);
  assert.equal(await waitEditorText(page, DRAFT), DRAFT);
  await waitChecked(page, report.findings.length);

  // Host attributes and the count of hints.
  const [host] = await hostInfo(page);
  assert.equal(host.platform ?? null, platform ?? null);
  assert.equal(Number(host.count), report.findings.length, 'data-count = findings the server returned');
  assert.equal(Number(host.errors), report.findings.filter((f) => f.severity === 'error').length);

  // Underlines: exactly the flagged text, per severity.
  if (textarea) {
    await page.waitForFunction((root) => document.querySelector(root)?.shadowRoot?.querySelectorAll('.tc-overlay .tc-mark').length > 0, ROOT);
    const marks = await overlayMarks(page, COMPOSER[site]);
    assert.ok(marks.length >= flagged.length, `one or more overlay marks per flagged span (${marks.length} for ${flagged.length})`);
    assert.ok(marks.every((m) => m.inside), 'overlay marks sit inside the textarea');
    assert.deepEqual(new Set(marks.map((m) => m.severity)), new Set(flagged.map((f) => f.severity)));
  } else {
    const want = {};
    for (const f of flagged) (want[SEVERITY_HIGHLIGHT[f.severity]] ??= []).push(f.covered);
    for (const k of Object.keys(want)) want[k].sort();
    assert.deepEqual(await highlightTexts(page), want, 'CSS highlights cover exactly the flagged text');
  }

  // Live region (polite) and the length counter.
  const status = page.locator(`${ROOT} [role=status]`);
  assert.equal(await status.getAttribute('aria-live') ?? 'polite', 'polite');
  await page.waitForFunction(({ root, want }) => document.querySelector(root)?.shadowRoot?.querySelector('[role=status]')?.textContent.includes(want),
    { root: ROOT, want: summaryFor(report.findings) }, { timeout: 8_000 });
  const { length, length_limit: limit } = report.metrics;
  const counter = (await page.locator(`${ROOT} .tc-counter`).textContent()).trim();
  assert.equal(counter, limit ? `${length}/${limit}` : '', 'length counter (none without a platform limit)');

  // Keyboard: caret at the end, open the list, Escape returns focus and caret.
  await composer.press('End');
  const caretBefore = await waitCaret(page, COMPOSER[site], { start: DRAFT.length, end: DRAFT.length });
  assert.deepEqual(caretBefore, { start: DRAFT.length, end: DRAFT.length }, 'caret at the end before opening the list');
  await page.keyboard.press('Alt+Shift+H');
  const dialog = page.locator(`${ROOT} [role=dialog][aria-label="tonecheck hints"]`);
  await dialog.waitFor({ state: 'visible', timeout: 3_000 });
  let focus = await waitFocusInHints(page, COMPOSER[site]);
  assert.ok(focus.inShadow && focus.dialogLabel === 'tonecheck hints', `focus moved into the hints dialog: ${JSON.stringify(focus)}`);
  assert.equal(await dialog.locator('li').count(), report.findings.length, 'one list item per hint');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', timeout: 3_000 });
  focus = await waitFocusInComposer(page, COMPOSER[site]);
  assert.ok(focus.composer, `Escape returns focus to the composer: ${JSON.stringify(focus)}`);
  assert.deepEqual(await waitCaret(page, COMPOSER[site], caretBefore), caretBefore, 'Escape restores the caret');

  // Apply by keyboard: Tab to the button, Enter; the editor framework's own model must change.
  await page.keyboard.press('Alt+Shift+H');
  await dialog.waitFor({ state: 'visible', timeout: 3_000 });
  const label = `Apply “${FIX.to}”`;
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    focus = await focusInfo(page, COMPOSER[site]);
    reached = focus.inShadow && focus.tag === 'button' && focus.text === label;
    if (!reached) await page.keyboard.press('Tab');
  }
  assert.ok(reached, `Tab reaches the "${label}" button`);
  await page.keyboard.press('Enter');
  const fixed = DRAFT.replace(FIX.from, FIX.to);
  assert.equal(await waitEditorText(page, fixed), fixed, 'editor model after Apply');
  assert.notEqual(await waitApplied(page), 'copied', 'applied in the editor, not the clipboard fallback');

  // The fixed text is re-checked: that hint is gone.
  const after = await env.api.check(platform ? { text: fixed, platform } : { text: fixed });
  await page.waitForFunction(({ root, n }) => document.querySelector(root)?.dataset.count === String(n), { root: ROOT, n: after.findings.length }, { timeout: 8_000 });

  // The list stays open for the next fix, with focus inside it; Escape then returns focus to the composer with the
  // caret where the writer left it (the end), shifted by the length change of the fix.
  focus = await waitFocusInHints(page, COMPOSER[site]);
  assert.ok(focus.inShadow && focus.dialogLabel === 'tonecheck hints', `focus stays in the hints list after Apply: ${JSON.stringify(focus)}`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', timeout: 3_000 });
  focus = await waitFocusInComposer(page, COMPOSER[site]);
  assert.ok(focus.composer, `Escape after Apply returns focus to the composer: ${JSON.stringify(focus)}`);
  const delta = FIX.to.length - FIX.from.length;
  const caretAfter = { start: caretBefore.start + delta, end: caretBefore.end + delta };
  assert.deepEqual(await waitCaret(page, COMPOSER[site], caretAfter), caretAfter, 'caret kept at the end of the fixed text');

  assert.deepEqual(unexpected(errors), []);
  const applyMethod = await page.locator(ROOT).getAttribute('data-apply');
  await page.close();
  return { applyMethod };
}
