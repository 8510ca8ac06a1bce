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

/** Where focus is, across the extension's shadow root: {inShadow, role, label, text, tag, composer}. */
export async function focusInfo(page, composerSelector) {
  return page.evaluate(({ root, composerSelector }) => {
    const a = document.activeElement;
    const composer = document.querySelector(composerSelector);
    if (a && a.localName === root && a.shadowRoot) {
      const inner = a.shadowRoot.activeElement;
      const dialog = inner?.closest('[role=dialog],[role=alertdialog]');
      return { inShadow: true, tag: inner?.localName, text: inner?.textContent?.trim(), dialogLabel: dialog?.getAttribute('aria-label') ?? null, dialogRole: dialog?.getAttribute('role') ?? null };
    }
    return { inShadow: false, tag: a?.localName, composer: !!composer && (a === composer || composer.contains(a)) };
  }, { root: ROOT, composerSelector });
}

/** Focus may come back in a deferred call (after the key event finishes): poll briefly, return the last reading. */
export async function waitFocusInComposer(page, composerSelector, timeout = 1_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const f = await focusInfo(page, composerSelector);
    if (f.composer || Date.now() > end) return f;
    await page.waitForTimeout(25);
  }
}

/** Caret position in UTF-16 units from the start of the composer's text (textarea or contenteditable). */
export async function caretOffset(page, composerSelector) {
  return page.evaluate((sel) => {
    const ed = document.querySelector(sel);
    if (ed instanceof HTMLTextAreaElement) return { start: ed.selectionStart, end: ed.selectionEnd };
    const s = getSelection();
    if (!s || s.rangeCount === 0 || !ed.contains(s.anchorNode)) return null;
    const r = document.createRange();
    r.setStart(ed, 0);
    r.setEnd(s.anchorNode, s.anchorOffset);
    return { start: r.toString().length, end: r.toString().length + (s.isCollapsed ? 0 : s.toString().length) };
  }, composerSelector);
}

/** The caret may be restored a little after focus (Draft.js needs a frame + ~50 ms): poll up to `timeout` for `want`. */
export async function waitCaret(page, composerSelector, want, timeout = 1_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const c = await caretOffset(page, composerSelector);
    if ((c && c.start === want.start && c.end === want.end) || Date.now() > end) return c;
    await page.waitForTimeout(25);
  }
}

/**
 * Page errors and console errors. The fixtures log none without the extension (tests/fixtures.test.mjs), so every
 * entry here comes from the extension — including a blocked content-script fetch to 127.0.0.1 (Local Network Access).
 */
export function unexpected(errors) {
  return errors.filter((e) => !/favicon\.ico/.test(e));
}
