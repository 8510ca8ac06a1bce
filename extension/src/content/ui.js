// Everything tonecheck draws, in one <tonecheck-root> host per composer with an open shadow root
// (never inside the editor): overlay underlines (fallback), the "Hints" button and length
// counter, the polite live region, the popover, the hints list dialog and the alt-text reminder.

const STYLE = `
:host { all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483646; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f1f1f; }
* { box-sizing: border-box; }
.tc-sr { position: fixed; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.tc-overlay { position: fixed; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
.tc-mark { position: fixed; pointer-events: none; border-bottom: 2px dotted #1a5fd0; }
.tc-mark[data-severity="error"] { border-bottom: 3px double #c5221f; background: rgba(197, 34, 31, 0.12); }
.tc-mark[data-severity="warning"] { border-bottom: 2px dashed #b45309; background: rgba(180, 83, 9, 0.10); }
.tc-bar { position: fixed; display: none; gap: 6px; align-items: center; pointer-events: none; }
.tc-bar[data-visible] { display: flex; }
.tc-bar > * { pointer-events: auto; }
.tc-hints-button { font: inherit; font-size: 12px; min-height: 24px; min-width: 24px; padding: 1px 8px; border-radius: 12px; border: 1px solid #8a8a8a; background: #ffffff; color: #1f1f1f; cursor: pointer; }
.tc-hints-button[data-errors]:not([data-errors="0"]) { border-color: #c5221f; }
.tc-hints-button:focus-visible, button:focus-visible, a:focus-visible { outline: 2px solid #1a5fd0; outline-offset: 2px; }
.tc-counter { font-size: 12px; padding: 1px 6px; border-radius: 10px; background: rgba(255, 255, 255, 0.92); color: #1f1f1f; border: 1px solid #c4c4c4; }
.tc-counter[data-over] { color: #a50e0e; border-color: #c5221f; font-weight: 600; }
.tc-panel { position: fixed; max-width: min(420px, calc(100vw - 16px)); max-height: 60vh; overflow: auto; background: #ffffff; color: #1f1f1f; border: 1px solid #8a8a8a; border-radius: 8px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25); padding: 10px 12px; }
.tc-panel h2 { font-size: 14px; margin: 0 0 6px; }
.tc-panel ul { list-style: none; margin: 0; padding: 0; }
.tc-panel li { padding: 8px 0; border-top: 1px solid #e3e3e3; }
.tc-panel li:first-child { border-top: 0; }
.tc-sev { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; margin-right: 6px; padding: 0 4px; border-radius: 3px; border: 1px solid currentColor; }
.tc-sev[data-severity="error"] { color: #a50e0e; }
.tc-sev[data-severity="warning"] { color: #8a4500; }
.tc-sev[data-severity="suggestion"] { color: #1a4fa8; }
.tc-quote { font-style: italic; }
.tc-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; align-items: center; }
.tc-actions button, .tc-close, .tc-alt button { font: inherit; min-height: 24px; padding: 2px 8px; border-radius: 4px; border: 1px solid #5f6368; background: #f8f9fa; color: #1f1f1f; cursor: pointer; }
.tc-actions button.tc-apply { background: #e8f0fe; border-color: #1a5fd0; }
.tc-actions a { color: #1a4fa8; }
.tc-close { float: right; }
.tc-help { margin: 4px 0 0; color: #444; font-size: 12px; }
.tc-alt { position: fixed; left: 50%; top: 20%; transform: translateX(-50%); width: min(440px, calc(100vw - 24px)); }
.tc-alt p { margin: 0 0 8px; }
.tc-alt .tc-actions { justify-content: flex-end; }
.tc-alt button[aria-disabled="true"] { opacity: 0.6; cursor: not-allowed; }
.tc-status-line { color: #555; font-size: 12px; margin: 0 0 6px; }
@media (prefers-color-scheme: dark) {
  :host { color: #e8eaed; }
  .tc-panel, .tc-hints-button, .tc-counter { background: #202124; color: #e8eaed; border-color: #9aa0a6; }
  .tc-panel li { border-top-color: #3c4043; }
  .tc-actions button, .tc-close, .tc-alt button { background: #303134; color: #e8eaed; border-color: #9aa0a6; }
  .tc-actions button.tc-apply { background: #1c3a6b; }
  .tc-sev[data-severity="error"] { color: #ff8a80; } .tc-sev[data-severity="warning"] { color: #ffb74d; } .tc-sev[data-severity="suggestion"] { color: #8ab4f8; }
  .tc-actions a { color: #8ab4f8; } .tc-help, .tc-status-line { color: #bdc1c6; }
}
@media (forced-colors: active) {
  .tc-mark { border-bottom-color: CanvasText; background: transparent; }
  .tc-panel, .tc-hints-button, .tc-counter { border-color: CanvasText; }
}
@media (prefers-reduced-motion: no-preference) { .tc-panel { transition: opacity 80ms ease-out; } }
`;

const SEVERITY_WORD = { error: "Error", warning: "Warning", suggestion: "Suggestion" };

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

const quoteText = (s) => `“${s.length > 60 ? s.slice(0, 57) + "…" : s}”`;

/** The first URL in a help text ("… See https://…"), used for the "Why?" link until the server's doc URL is known. */
export function helpUrl(help) {
  const m = /https?:\/\/[^\s)]+[^\s).,;]/.exec(help || "");
  return m ? m[0] : null;
}

export class ComposerUI {
  constructor(composer) {
    this.composer = composer;
    this.host = document.createElement("tonecheck-root");
    this.host.setAttribute("data-state", "idle");
    this.host.setAttribute("data-count", "0");
    this.host.setAttribute("data-errors", "0");
    if (composer.platform) this.host.setAttribute("data-platform", composer.platform);
    this.shadow = this.host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = STYLE;
    this.overlay = h("div", { class: "tc-overlay", "aria-hidden": "true" });
    this.live = h("div", { role: "status", "aria-live": "polite", "aria-atomic": "true", class: "tc-sr" });
    this.hintsButton = h("button", { type: "button", class: "tc-hints-button", "aria-haspopup": "dialog", text: "tonecheck" });
    this.hintsButton.addEventListener("click", () => this.composer.openHints());
    this.counter = h("span", { class: "tc-counter", hidden: true });
    this.bar = h("div", { class: "tc-bar" }, this.hintsButton, this.counter);
    this.shadow.append(style, this.overlay, this.bar, this.live);
    this.popover = null;
    this.dialog = null;
    this.alt = null;
    this.lastAnnounced = null;
    this.mount();
  }

  /** Attach next to the page's modal layer when the composer is inside one (focus traps), else to <html>. */
  mount() {
    const modal = this.composer.el.closest('[aria-modal="true"], dialog[open]');
    const parent = modal && modal !== this.composer.el ? modal : document.documentElement;
    if (this.host.parentNode !== parent) parent.appendChild(this.host);
  }

  destroy() {
    this.host.remove();
  }

  setState(state) {
    this.host.setAttribute("data-state", state);
    this.updateButton();
  }

  setCounts(counts, summary) {
    this.counts = counts;
    this.summary = summary;
    this.host.setAttribute("data-count", String(counts.total));
    this.host.setAttribute("data-errors", String(counts.errors));
    this.updateButton();
  }

  updateButton() {
    const state = this.host.getAttribute("data-state");
    const counts = this.counts || { total: 0, errors: 0 };
    let text = counts.total > 0 ? `tonecheck: ${counts.total}` : "tonecheck";
    let label = `tonecheck hints: ${this.summary || "No suggestions"}`;
    if (state === "offline") {
      text = "tonecheck: offline";
      label = "tonecheck: server unreachable";
    }
    this.hintsButton.textContent = text;
    this.hintsButton.setAttribute("aria-label", label);
    this.hintsButton.setAttribute("data-errors", String(counts.errors));
  }

  setCounter(text, over) {
    if (!text) {
      this.counter.hidden = true;
      this.counter.textContent = "";
      return;
    }
    this.counter.hidden = false;
    this.counter.textContent = text;
    this.counter.toggleAttribute("data-over", Boolean(over));
    this.counter.setAttribute("aria-label", `Length ${text.replace("/", " of ")}`);
  }

  /** Polite announcement; repeated identical text is not re-announced. */
  announce(text, force = false) {
    if (!force && text === this.lastAnnounced) return;
    this.lastAnnounced = text;
    this.live.textContent = text;
  }

  /** Position the bar under the editor's bottom-right corner; hide when the editor is not visible. */
  layout(rect) {
    if (!rect || rect.width === 0 || rect.height === 0 || rect.bottom < 0 || rect.top > innerHeight) {
      this.bar.removeAttribute("data-visible");
      return;
    }
    this.bar.setAttribute("data-visible", "");
    const barRect = this.bar.getBoundingClientRect();
    const left = Math.max(4, Math.min(rect.right - barRect.width, innerWidth - barRect.width - 4));
    const top = Math.min(rect.bottom + 2, innerHeight - barRect.height - 2);
    this.bar.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  /** Overlay boxes: [{rect: DOMRect, severity}]. */
  renderBoxes(boxes) {
    const marks = this.overlay.children;
    let i = 0;
    for (const b of boxes) {
      let m = marks[i];
      if (!m) {
        m = h("div", { class: "tc-mark" });
        this.overlay.append(m);
      }
      m.setAttribute("data-severity", b.severity);
      m.style.cssText = `left:${b.rect.left}px;top:${b.rect.top}px;width:${b.rect.width}px;height:${b.rect.height}px`;
      i += 1;
    }
    while (marks.length > i) marks[marks.length - 1].remove();
  }

  // ---------------------------------------------------------------- hint content

  hintItem(hint, { headingLevel = null } = {}) {
    const li = h("li", { "data-hint": hint.id });
    const sev = h("span", { class: "tc-sev", "data-severity": hint.severity, text: SEVERITY_WORD[hint.severity] });
    const msg = h("span", { class: "tc-message", text: hint.message });
    const head = headingLevel ? h(`h${headingLevel}`, {}, sev, msg) : h("p", { style: "margin:0" }, sev, msg);
    li.append(head);
    if (hint.problem) li.append(h("p", { class: "tc-help", text: `In ${quoteText(hint.problem)}` }));
    else if (typeof hint.media === "number") li.append(h("p", { class: "tc-help", text: `On attachment ${hint.media + 1}` }));
    const actions = h("div", { class: "tc-actions" });
    for (const s of hint.suggestions) {
      const b = h("button", { type: "button", class: "tc-apply", text: `Apply “${s.replacement}”` });
      if (!s.safe) b.setAttribute("title", "Check that this keeps your meaning");
      b.addEventListener("click", () => this.composer.applySuggestion(hint, s.replacement));
      actions.append(b);
    }
    if (typeof hint.offset === "number") {
      const go = h("button", { type: "button", text: "Go to text" });
      go.addEventListener("click", () => this.composer.goToHint(hint));
      actions.append(go);
    }
    const why = h("a", { href: helpUrl(hint.help) || "#", target: "_blank", rel: "noopener noreferrer", text: "Why?" });
    why.setAttribute("aria-label", `Why? About ${hint.rule}`);
    this.composer.ruleUrl(hint.rule).then((url) => {
      if (url) why.href = url;
    });
    why.addEventListener("click", (e) => {
      if (why.getAttribute("href") === "#") {
        e.preventDefault();
        const help = li.querySelector(".tc-why-text");
        if (help) help.hidden = !help.hidden;
      }
    });
    actions.append(why);
    li.append(actions);
    if (hint.help) li.append(h("p", { class: "tc-help tc-why-text", hidden: true, text: hint.help }));
    return li;
  }

  // ---------------------------------------------------------------- popover

  openPopover(hint, anchor) {
    this.closePopover();
    const close = h("button", { type: "button", class: "tc-close", "aria-label": "Close", text: "×" });
    close.addEventListener("click", () => this.closePopover(true));
    const list = h("ul", {}, this.hintItem(hint));
    const pop = h("div", { class: "tc-panel tc-popover", role: "dialog", "aria-label": "tonecheck hint" }, close, list);
    pop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        this.closePopover(true);
      }
    });
    this.shadow.append(pop);
    this.popover = { el: pop, hint };
    this.placeNear(pop, anchor);
    return pop;
  }

  closePopover(returnFocus = false) {
    if (!this.popover) return;
    const hadFocus = this.popover.el.contains(this.shadow.activeElement);
    this.popover.el.remove();
    this.popover = null;
    if (returnFocus && hadFocus) this.composer.restoreCaret();
  }

  placeNear(panel, anchor) {
    const r = panel.getBoundingClientRect();
    let top = anchor.bottom + 6;
    if (top + r.height > innerHeight - 4) top = Math.max(4, anchor.top - r.height - 6);
    const left = Math.max(4, Math.min(anchor.left, innerWidth - r.width - 8));
    panel.style.left = `${Math.round(left)}px`;
    panel.style.top = `${Math.round(top)}px`;
  }

  // ---------------------------------------------------------------- hints list dialog

  get hintsOpen() {
    return this.dialog !== null;
  }

  openHints({ hints, mediaHints, state, error, focusHintId }) {
    this.closePopover();
    const wasOpen = this.dialog !== null;
    const heading = h("h2", { id: "tc-hints-title", text: "tonecheck hints" });
    const close = h("button", { type: "button", class: "tc-close", text: "Close" });
    close.addEventListener("click", () => this.closeHints());
    const dialog = h("div", { class: "tc-panel tc-hints", role: "dialog", "aria-label": "tonecheck hints" }, close, heading);
    if (state === "offline" || state === "error") {
      dialog.append(h("p", { class: "tc-status-line", text: error || "The tonecheck server is unreachable." }));
    } else {
      dialog.append(h("p", { class: "tc-status-line", text: this.summary || "No suggestions" }));
    }
    const list = h("ul", {});
    for (const hint of hints.concat(mediaHints)) list.append(this.hintItem(hint, { headingLevel: 3 }));
    if (list.children.length) dialog.append(list);
    dialog.addEventListener("keydown", (e) => this.dialogKeydown(e));
    if (this.dialog) this.dialog.remove();
    this.shadow.append(dialog);
    this.dialog = dialog;
    const rect = this.composer.el.getBoundingClientRect();
    this.placeNear(dialog, rect.height ? rect : { left: 8, top: 8, bottom: 8 });
    const target = (focusHintId && dialog.querySelector(`li[data-hint="${CSS.escape(focusHintId)}"] button`)) || dialog.querySelector("li button") || close;
    target.focus({ preventScroll: true });
    return !wasOpen;
  }

  dialogKeydown(e) {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      this.closeHints();
      return;
    }
    if (e.key === "Tab") {
      const items = Array.from(this.dialog.querySelectorAll("button, a[href]")).filter((n) => !n.closest("[hidden]"));
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      const active = this.shadow.activeElement;
      if (e.shiftKey && active === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first.focus();
      }
    }
    e.stopPropagation(); // keep the site's own shortcuts out of the dialog
  }

  closeHints(restore = true) {
    if (!this.dialog) return;
    this.dialog.remove();
    this.dialog = null;
    if (restore) this.composer.restoreCaret();
  }

  // ---------------------------------------------------------------- alt-text reminder

  /** Resolve "add" | "post" | "cancel". In strict mode "Post anyway" is shown but disabled. */
  altReminder(items, strict) {
    this.closePopover();
    if (this.alt) this.alt.el.remove();
    return new Promise((resolve) => {
      const n = items.length;
      const title = h("h2", { id: "tc-alt-title", text: n === 1 ? "An attachment has no alt text" : `${n} attachments have no alt text` });
      const desc = h("p", {
        id: "tc-alt-desc",
        text: strict
          ? "Strict alt-text mode is on: add a description before posting. People using screen readers hear it instead of seeing the image. (You can turn strict mode off in tonecheck's options.)"
          : "People using screen readers hear the alt text instead of seeing the image. Add a description before you post?",
      });
      const add = h("button", { type: "button", text: "Add alt text" });
      const post = h("button", { type: "button", text: "Post anyway" });
      if (strict) post.setAttribute("aria-disabled", "true");
      const box = h("div", { class: "tc-panel tc-alt", role: "alertdialog", "aria-modal": "true", "aria-labelledby": "tc-alt-title", "aria-describedby": "tc-alt-desc" }, title, desc, h("div", { class: "tc-actions" }, add, post));
      const done = (choice) => {
        box.remove();
        this.alt = null;
        resolve(choice);
      };
      add.addEventListener("click", () => done("add"));
      post.addEventListener("click", () => {
        if (!strict) done("post");
      });
      box.addEventListener("keydown", (e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          done("cancel");
        } else if (e.key === "Tab") {
          e.preventDefault();
          (this.shadow.activeElement === add ? post : add).focus();
        } else {
          e.stopPropagation();
        }
      });
      this.shadow.append(box);
      this.alt = { el: box };
      add.focus({ preventScroll: true });
    });
  }
}
