// What the extension renders (the contract in /tmp/notes/ext_contract.md → README): helpers to read it from a page.
// Playwright CSS locators pierce open shadow roots, so `tonecheck-root [role=status]` finds the live region.

export const ROOT = 'tonecheck-root';
export const HIGHLIGHTS = ['tonecheck-error', 'tonecheck-warning', 'tonecheck-suggestion'];

/** Wait until the composer's host element reaches `state` (data-state). */
export async function waitState(page, state, timeout = 10_000) {
  try {
    await page.waitForFunction(
      ({ sel, state }) => [...document.querySelectorAll(sel)].some((h) => h.dataset.state === state),
      { sel: ROOT, state },
      { timeout, polling: 20 },
    );
  } catch (e) {
    const hosts = await page.evaluate((sel) => [...document.querySelectorAll(sel)].map((h) => ({ ...h.dataset })), ROOT).catch(() => '?');
    throw new Error(`no <${ROOT}> reached data-state=${state} in ${timeout} ms; hosts: ${JSON.stringify(hosts)}`, { cause: e });
  }
}

/**
 * Wait until a check of the WHOLE draft is shown: data-state=ready with data-count = `count` (what the server says
 * about the draft). data-state stays "ready" while a new edit waits for its debounce, so `waitState(page, 'ready')`
 * alone can return on the check of a half-typed draft (a pause between keystrokes on a loaded machine).
 */
export async function waitChecked(page, count, timeout = 10_000) {
  try {
    await page.waitForFunction(
      ({ sel, count }) => [...document.querySelectorAll(sel)].some((h) => h.dataset.state === 'ready' && h.dataset.count === count),
      { sel: ROOT, count: String(count) },
      { timeout, polling: 20 },
    );
  } catch (e) {
    const hosts = await page.evaluate((sel) => [...document.querySelectorAll(sel)].map((h) => ({ ...h.dataset })), ROOT).catch(() => '?');
    throw new Error(`no <${ROOT}> showed ${count} hints (data-state=ready) in ${timeout} ms; hosts: ${JSON.stringify(hosts)}`, { cause: e });
  }
}

/** Host attributes of the (single) tonecheck-root. */
export async function hostInfo(page) {
  return page.evaluate((sel) => {
    const hosts = [...document.querySelectorAll(sel)];
    const editors = [...document.querySelectorAll('[contenteditable="true"], textarea')];
    return hosts.map((h) => ({
      state: h.dataset.state, count: h.dataset.count, errors: h.dataset.errors, platform: h.dataset.platform,
      insideEditor: editors.some((e) => e.contains(h)), shadowOpen: !!h.shadowRoot,
    }));
  }, ROOT);
}

/** Texts covered by each tonecheck CSS highlight (read in the page's main world: the registry is per document). */
export async function highlightTexts(page) {
  return page.evaluate((names) => {
    const out = {};
    if (!globalThis.CSS?.highlights) return out;
    for (const n of names) {
      const h = CSS.highlights.get(n);
      if (h) out[n] = [...h].map((r) => r.toString()).sort();
    }
    return out;
  }, HIGHLIGHTS);
}

/** Overlay marks (textarea mirror or no-highlight fallback), with whether each lies inside the editor's box. */
export async function overlayMarks(page, editorSelector) {
  return page.evaluate(({ root, editorSelector }) => {
    const host = document.querySelector(root);
    const ed = document.querySelector(editorSelector)?.getBoundingClientRect();
    const marks = host?.shadowRoot ? [...host.shadowRoot.querySelectorAll('.tc-overlay .tc-mark')] : [];
    return marks.map((m) => {
      const r = m.getBoundingClientRect();
      const inside = !!ed && r.width > 0 && r.height > 0 && r.left >= ed.left - 1 && r.right <= ed.right + 1 && r.top >= ed.top - 1 && r.bottom <= ed.bottom + 1;
      return { severity: m.dataset.severity, inside };
    });
  }, { root: ROOT, editorSelector });
}

/** Findings of a report that point into the draft text, with the exact UTF-16 substring they cover. */
export function textFindings(report, text) {
  return report.findings
    .filter((f) => f.target === 'text' && f.length > 0)
    .map((f) => ({ ...f, covered: text.slice(f.offset, f.offset + f.length) }));
}

/** The live-region summary the contract specifies for a list of findings. */
export function summaryFor(findings) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const others = findings.length - errors;
  if (findings.length === 0) return 'No suggestions';
  const parts = [];
  if (others) parts.push(`${others} suggestion${others === 1 ? '' : 's'}`);
  if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  return parts.join(', ');
}

// Page-side readers (self-contained: Playwright sends their source to the page).
function readFocus({ root, composerSelector }) {
  const a = document.activeElement;
  const composer = document.querySelector(composerSelector);
  if (a && a.localName === root && a.shadowRoot) {
    const inner = a.shadowRoot.activeElement;
    const dialog = inner?.closest('[role=dialog],[role=alertdialog]');
    return { inShadow: true, tag: inner?.localName, text: inner?.textContent?.trim(), dialogLabel: dialog?.getAttribute('aria-label') ?? null, dialogRole: dialog?.getAttribute('role') ?? null };
  }
  return { inShadow: false, tag: a?.localName, composer: !!composer && (a === composer || composer.contains(a)) };
}

function readCaret(sel) {
  const ed = document.querySelector(sel);
  if (ed instanceof HTMLTextAreaElement) return { start: ed.selectionStart, end: ed.selectionEnd };
  const s = getSelection();
  if (!s || s.rangeCount === 0 || !ed.contains(s.anchorNode)) return null;
  const r = document.createRange();
  r.setStart(ed, 0);
  r.setEnd(s.anchorNode, s.anchorOffset);
  return { start: r.toString().length, end: r.toString().length + (s.isCollapsed ? 0 : s.toString().length) };
}

/** Wait (polling in the page) until `test(reading)` holds for `reader(arg)`; return the last reading either way. */
async function waitReading(page, reader, arg, test, timeout) {
  const expression = `(() => { const r = (${reader})(${JSON.stringify(arg)}); return (${test})(r); })()`;
  await page.waitForFunction(expression, null, { timeout, polling: 20 }).catch(() => {});
  return page.evaluate(reader, arg);
}

/** Where focus is, across the extension's shadow root: {inShadow, role, label, text, tag, composer}. */
export async function focusInfo(page, composerSelector) {
  return page.evaluate(readFocus, { root: ROOT, composerSelector });
}

/** Focus comes back in a deferred call (after the key event finishes): wait for it, return the last reading. */
export async function waitFocusInComposer(page, composerSelector, timeout = 5_000) {
  return waitReading(page, readFocus, { root: ROOT, composerSelector }, (f) => f.composer, timeout);
}

/** Wait until focus is in the tonecheck hints dialog (it returns there after a fix); return the last reading. */
export async function waitFocusInHints(page, composerSelector, timeout = 5_000) {
  return waitReading(page, readFocus, { root: ROOT, composerSelector }, (f) => f.inShadow && f.dialogLabel === 'tonecheck hints', timeout);
}

/** Caret position in UTF-16 units from the start of the composer's text (textarea or contenteditable). */
export async function caretOffset(page, composerSelector) {
  return page.evaluate(readCaret, composerSelector);
}

/** The caret may be restored a little after focus (Draft.js needs a frame + ~50 ms): wait for `want`, return the last reading. */
export async function waitCaret(page, composerSelector, want, timeout = 5_000) {
  const test = `(c) => !!c && c.start === ${Number(want.start)} && c.end === ${Number(want.end)}`;
  return waitReading(page, readCaret, composerSelector, test, timeout);
}

/**
 * Wait until the extension has finished applying a fix (its host's data-apply names the outcome) and return the
 * outcome: the editor's text can read as fixed while the extension is still settling the edit and moving focus.
 */
export async function waitApplied(page, timeout = 5_000) {
  await page.waitForFunction((root) => document.querySelector(root)?.hasAttribute('data-apply'), ROOT, { timeout, polling: 20 });
  return page.locator(ROOT).getAttribute('data-apply');
}

/**
 * Page errors and console errors. The fixtures log none without the extension (tests/fixtures.test.mjs), so every
 * entry here comes from the extension — including a blocked content-script fetch to 127.0.0.1 (Local Network Access).
 */
export function unexpected(errors) {
  return errors.filter((e) => !/favicon\.ico/.test(e));
}
