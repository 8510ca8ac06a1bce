// One Composer per editor on the page: schedules checks, sends them through the service
// worker, maps findings to ranges, renders, and handles popover / hints list / apply / caret.

import { createDebouncer, createVersionGate } from "../shared/schedule.js";
import { readReport, countHints, summarize } from "../shared/protocol.js";
import { extract, domRange, caretOffsets, focusAndSelect } from "./editor.js";
import { remapHints } from "./spanmap.js";
import { supportsHighlights, setHighlights, clearHighlights } from "./highlights.js";
import { readMedia } from "./media.js";
import { ComposerUI } from "./ui.js";
import { applyReplacement, copyText } from "./apply.js";
import { bench } from "./bench-hooks.js";

let nextId = 1;

export class Composer {
  constructor(el, kind, site, env) {
    this.el = el;
    this.kind = kind;
    this.site = site;
    this.env = env; // {settings, send(msg), onCounts(), platform}
    this.id = `c${nextId++}`;
    this.platform = env.platform;
    this.gate = createVersionGate();
    this.debouncer = createDebouncer(() => this.run(), env.settings.debounceMs);
    this.text = null; // the text `hints` refer to
    this.report = null;
    this.hints = [];
    this.mediaHints = [];
    this.ranges = []; // [{hint, range}] for contenteditable
    this.state = "idle";
    this.error = "";
    this.dirty = false;
    this.composing = false;
    this.savedCaret = null;
    this.savedFocus = null;
    this.lastActionAt = 0;
    this.container = null;
    this.ui = new ComposerUI(this);
    this.listen();
    this.env.scheduleLayout();
  }

  // ---------------------------------------------------------------- events

  listen() {
    const el = this.el;
    this.onInput = () => {
      // The hot path: only flag and (re)start the debounce timer. Extraction happens later.
      const t0 = bench.enabled ? performance.now() : 0;
      if (this.composing) return;
      this.dirty = true;
      this.debouncer.schedule();
      if (this.ui.popover) this.ui.closePopover();
      if (bench.enabled) bench.input(t0);
    };
    this.onCompositionStart = () => {
      this.composing = true;
      this.debouncer.cancel();
    };
    this.onCompositionEnd = () => {
      this.composing = false;
      this.onInput();
    };
    this.onFocus = () => {
      this.env.setActive(this);
      if (this.text === null && !this.debouncer.pending) this.debouncer.schedule();
    };
    this.onClick = () => this.popoverAtCaret();
    this.onKeydown = (e) => {
      if (this.applying && e.isTrusted) this.userActed = true;
      if (e.key === "Escape" && this.ui.popover) {
        e.preventDefault();
        e.stopPropagation();
        this.ui.closePopover();
      }
    };
    // Changes that fire no input event (the editor's own undo, its API, emoji pickers) still
    // reschedule the check; the callback is as cheap as the input handler.
    this.observer = new MutationObserver(() => {
      if (!this.composing && !this.applying) {
        this.dirty = true;
        this.debouncer.schedule();
      }
    });
    this.observer.observe(el, { characterData: true, childList: true, subtree: true });
    el.addEventListener("input", this.onInput, { passive: true });
    el.addEventListener("compositionstart", this.onCompositionStart, { passive: true });
    el.addEventListener("compositionend", this.onCompositionEnd, { passive: true });
    el.addEventListener("focus", this.onFocus, { passive: true });
    el.addEventListener("click", this.onClick);
    el.addEventListener("mousedown", (e) => {
      if (this.applying && e.isTrusted) this.userActed = true;
    }, { passive: true });
    // Remember the caret when focus leaves (e.g. to the "Hints" button), to put it back later.
    this.onBlur = () => {
      if (!this.ui.hintsOpen && !this.applying) this.saveCaret();
    };
    el.addEventListener("blur", this.onBlur, { passive: true });
    el.addEventListener("keydown", this.onKeydown, true);
    if (this.kind === "textarea") el.addEventListener("scroll", () => this.env.scheduleLayout(), { passive: true });
    // The content warning counts towards the post's length on Mastodon: editing it re-checks the post.
    if (this.site.contentWarning) {
      this.onFieldInput = (e) => {
        const target = e.target;
        if (target instanceof Element && target.matches(this.site.contentWarning) && this.formScope().contains(target)) {
          this.onInput();
        }
      };
      document.addEventListener("input", this.onFieldInput, { passive: true, capture: true });
    }
  }

  destroy() {
    this.observer.disconnect();
    if (this.onFieldInput) document.removeEventListener("input", this.onFieldInput, { capture: true });
    this.debouncer.cancel();
    this.gate.invalidate();
    this.env.send({ type: "cancel", id: this.id });
    clearHighlights(this);
    this.ui.destroy();
  }

  get connected() {
    return this.el.isConnected;
  }

  /** Start checking now (first focus, before posting, tests). */
  checkNow() {
    this.debouncer.cancel();
    return this.run();
  }

  settingsChanged() {
    this.debouncer.setDelay(this.env.settings.debounceMs);
    this.text = null;
    this.checkNow();
  }

  // ---------------------------------------------------------------- checking

  extract() {
    return extract(this.el, this.kind);
  }

  /** The composer's container (the nearest ancestor holding a post button), for media and the guard. */
  findContainer() {
    if (this.container && this.container.isConnected && this.container.contains(this.el)) return this.container;
    let n = this.el.parentElement;
    for (let depth = 0; n && depth < 25; depth += 1, n = n.parentElement) {
      if (this.env.findPostButton(n)) {
        this.container = n;
        return n;
      }
    }
    this.container = this.el.closest("form, [role=dialog]") || this.el.parentElement;
    return this.container;
  }

  /** Where the post's other fields live: its form (Mastodon's content warning sits outside the text's box). */
  formScope() {
    return this.el.closest("form") || this.findContainer();
  }

  /** The post's content warning (Mastodon's spoiler field), when the site has one and it is filled in. */
  readContentWarning() {
    const selector = this.site.contentWarning;
    if (!selector) return undefined;
    const input = this.formScope().querySelector(selector);
    return input && typeof input.value === "string" && input.value.trim() !== "" ? input.value : undefined;
  }

  readMedia() {
    return readMedia(this.site.media, this.findContainer());
  }

  async run() {
    if (!this.connected) return;
    const benchVersion = this.gate.latest + 1;
    bench.mark("tonecheck:debounce-end", benchVersion);
    let map = this.extract();
    const text = map.text;
    // Keep the old hints on the new text while the request is in flight.
    if (this.text !== null && this.text !== text && this.hints.length > 0) {
      this.hints = remapHints(this.hints, this.text, text);
      this.text = text;
      this.render(map);
    }
    const media = this.readMedia();
    const sent = [];
    const sentIndex = [];
    media.forEach((m, i) => {
      if (m.state === "missing") {
        sent.push({ kind: m.kind, alt: null });
        sentIndex.push(i);
      } else if (m.state === "present" && typeof m.alt === "string") {
        sent.push({ kind: m.kind, alt: m.alt });
        sentIndex.push(i);
      }
    });
    const version = this.gate.next();
    this.dirty = false;
    if (text.trim() === "" && sent.length === 0) {
      this.env.send({ type: "cancel", id: this.id });
      this.text = text;
      this.hints = [];
      this.mediaHints = [];
      this.ui.setCounter(null);
      this.setState("idle");
      this.render(map);
      this.publishCounts(false);
      return;
    }
    this.setState("checking");
    const resp = await this.env.send({
      type: "check", id: this.id, version, text, platform: this.platform, media: sent,
      contentWarning: this.readContentWarning(), language: document.documentElement.lang || undefined,
    });
    if (!this.gate.isCurrent(version) || !this.connected) return; // a newer check replaced this one
    bench.mark("tonecheck:response", version);
    if (!resp || resp.aborted) return;
    if (!resp.ok) {
      this.error = resp.error ? resp.error.message : "";
      this.hints = [];
      this.mediaHints = [];
      this.text = text;
      this.setState(resp.offline ? "offline" : "error");
      this.render(map);
      this.publishCounts(false);
      return;
    }
    this.error = "";
    const read = readReport(resp.report, { text, categories: this.env.settings.categories, sentMedia: sentIndex });
    let hints = read.hints;
    let current = text;
    if (this.dirty) {
      // The user typed while we waited: move the fresh hints onto the current text.
      map = this.extract();
      if (map.text !== text) {
        hints = remapHints(hints, text, map.text);
        current = map.text;
      }
    }
    this.report = resp.report;
    this.text = current;
    this.hints = hints;
    this.mediaHints = read.mediaHints;
    const metrics = resp.report.metrics || {};
    this.ui.setCounter(read.counter, Number(metrics.length) > Number(metrics.length_limit));
    this.setState("ready");
    this.render(map);
    this.publishCounts(true);
    bench.mark("tonecheck:highlights", version);
    bench.measure("tonecheck:latency", "tonecheck:debounce-end", "tonecheck:highlights");
    if (this.ui.hintsOpen) this.refreshHints();
  }

  setState(state) {
    this.state = state;
    this.ui.setState(state);
  }

  publishCounts(announce) {
    const counts = countHints(this.hints, this.mediaHints);
    const summary = summarize(counts);
    this.ui.setCounts(counts, summary);
    // Right after an apply, let "Replaced …" be heard instead of the new summary.
    if (announce && Date.now() - this.lastActionAt > 1500) this.ui.announce(summary);
    this.env.onCounts();
  }

  counts() {
    return countHints(this.hints, this.mediaHints);
  }

  // ---------------------------------------------------------------- rendering

  render(map = this.extract()) {
    this.ranges = [];
    if (this.kind !== "textarea") {
      for (const hint of this.hints) {
        const range = domRange(map, hint.offset, hint.length);
        if (range) this.ranges.push({ hint, range });
      }
    }
    if (this.kind !== "textarea" && supportsHighlights()) {
      const bySeverity = { error: [], warning: [], suggestion: [] };
      for (const { hint, range } of this.ranges) if (hint.length > 0) bySeverity[hint.severity].push(range);
      setHighlights(this, bySeverity);
      this.ui.renderBoxes([]);
    } else {
      // Overlay boxes (textarea mirror, or no Highlight API): draw now, then follow layout changes.
      this.layout();
    }
    this.env.scheduleLayout();
  }

  /** Called on animation frames after scroll / resize / render: bar position and overlay boxes. */
  layout() {
    const rect = this.el.getBoundingClientRect();
    this.ui.mount();
    this.ui.layout(rect);
    if (this.kind === "textarea") {
      this.ui.renderBoxes(this.textareaBoxes(rect));
    } else if (!supportsHighlights()) {
      const boxes = [];
      for (const { hint, range } of this.ranges) {
        if (hint.length === 0) continue;
        for (const r of range.getClientRects()) {
          if (r.width === 0 || r.bottom < rect.top || r.top > rect.bottom) continue;
          boxes.push({ rect: r, severity: hint.severity });
        }
      }
      this.ui.renderBoxes(boxes);
    }
  }

  /** Overlay rectangles for a textarea, measured on a mirror div with the same text layout. */
  textareaBoxes(rect) {
    if (this.hints.length === 0 || rect.width === 0) return [];
    const ta = this.el;
    if (!this.mirror) {
      this.mirror = document.createElement("div");
      this.mirror.setAttribute("aria-hidden", "true");
      this.ui.shadow.append(this.mirror);
    }
    const cs = getComputedStyle(ta);
    const copy = ["fontFamily", "fontSize", "fontWeight", "fontStyle", "letterSpacing", "lineHeight", "textTransform", "wordSpacing", "textIndent",
      "paddingTop", "paddingRight", "paddingBottom", "paddingLeft", "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth", "boxSizing", "tabSize"];
    const m = this.mirror;
    for (const p of copy) m.style[p] = cs[p];
    m.style.position = "fixed";
    m.style.visibility = "hidden";
    m.style.pointerEvents = "none";
    m.style.whiteSpace = "pre-wrap";
    m.style.overflowWrap = "break-word";
    m.style.borderStyle = "solid";
    m.style.overflow = "hidden";
    m.style.left = `${rect.left}px`;
    m.style.top = `${rect.top}px`;
    m.style.width = `${rect.width}px`;
    m.style.height = `${rect.height}px`;
    const value = ta.value;
    if (m.firstChild === null || m.firstChild.data !== value) m.textContent = value;
    m.scrollTop = ta.scrollTop;
    m.scrollLeft = ta.scrollLeft;
    const node = m.firstChild;
    const boxes = [];
    if (!node) return boxes;
    const range = document.createRange();
    for (const hint of this.hints) {
      if (hint.length === 0 || hint.offset + hint.length > value.length) continue;
      range.setStart(node, hint.offset);
      range.setEnd(node, hint.offset + hint.length);
      for (const r of range.getClientRects()) {
        const top = r.top - ta.scrollTop + m.scrollTop;
        const left = r.left - ta.scrollLeft + m.scrollLeft;
        if (r.width === 0 || top + r.height < rect.top || top > rect.bottom) continue;
        boxes.push({ rect: { left, top, width: r.width, height: r.height }, severity: hint.severity });
      }
    }
    return boxes;
  }

  // ---------------------------------------------------------------- popover, hints list, caret

  hintAt(offset) {
    let best = null;
    for (const h of this.hints) {
      if (offset >= h.offset && offset <= h.offset + h.length && (!best || h.length < best.length)) best = h;
    }
    return best;
  }

  anchorRect(hint) {
    const entry = this.ranges.find((r) => r.hint === hint);
    if (entry) {
      const r = entry.range.getBoundingClientRect();
      if (r.width || r.height) return r;
    }
    return this.el.getBoundingClientRect();
  }

  popoverAtCaret() {
    if (this.hints.length === 0 || this.text === null) return;
    const map = this.extract();
    if (map.text !== this.text) return;
    const caret = caretOffsets(this.el, map);
    if (!caret || caret.start !== caret.end) return;
    const hint = this.hintAt(caret.start);
    if (!hint) {
      this.ui.closePopover();
      return;
    }
    this.saveCaret();
    this.ui.openPopover(hint, this.anchorRect(hint));
  }

  saveCaret() {
    const map = this.extract();
    this.savedCaret = caretOffsets(this.el, map);
  }

  /** Return focus to the editor and the caret to where it was (deferred, after the key event ends). */
  restoreCaret() {
    const caret = this.savedCaret;
    const run = () => {
      if (!this.connected) return;
      if (caret) focusAndSelect(this.el, this.kind, caret.start, caret.end);
      else this.el.focus({ preventScroll: true });
    };
    // Textareas keep their own selection: restore at once. Contenteditable editors: after the
    // Escape keydown has finished, so the editor does not see it.
    if (this.kind === "textarea") run();
    else setTimeout(run, 0);
  }

  openHints() {
    const active = this.el.contains(document.activeElement) || document.activeElement === this.el;
    // From the editor: remember the caret now; from elsewhere: the caret saved on blur stands.
    if (!this.ui.hintsOpen && active) this.saveCaret();
    const caretHint = this.savedCaret ? this.hintAt(this.savedCaret.start) : null;
    this.ui.openHints({ hints: this.hints, mediaHints: this.mediaHints, state: this.state, error: this.error, focusHintId: caretHint ? caretHint.id : null });
    return true;
  }

  refreshHints() {
    const focusedId = this.ui.shadow.activeElement && this.ui.shadow.activeElement.closest("li[data-hint]");
    this.ui.openHints({ hints: this.hints, mediaHints: this.mediaHints, state: this.state, error: this.error, focusHintId: focusedId ? focusedId.getAttribute("data-hint") : null });
  }

  goToHint(hint) {
    this.ui.closeHints(false);
    this.ui.closePopover();
    this.el.scrollIntoView({ block: "nearest" });
    focusAndSelect(this.el, this.kind, hint.offset, hint.offset + hint.length);
  }

  async applySuggestion(hint, replacement) {
    const fromDialog = this.ui.hintsOpen;
    this.ui.closePopover();
    const delta = replacement.length - hint.length;
    this.applying = true;
    this.userActed = false;
    this.ui.host.removeAttribute("data-apply");
    let result;
    try {
      result = await applyReplacement(this.el, this.kind, hint, replacement, () => this.userActed);
    } finally {
      this.applying = false;
    }
    const outcome = result.ok ? result.method : result.reason === "moved" || result.reason === "interrupted" ? result.reason : "copied";
    this.ui.host.setAttribute("data-apply", outcome);
    if (result.ok) {
      // Keep the caret where the writer was, shifted when it sat after the edit.
      if (this.savedCaret) {
        const shift = (o) => (o >= hint.offset + hint.length ? o + delta : o > hint.offset ? hint.offset + replacement.length : o);
        this.savedCaret = { start: shift(this.savedCaret.start), end: shift(this.savedCaret.end) };
      }
      this.hints = this.hints.filter((h) => h !== hint);
      const map = this.extract();
      this.hints = remapHints(this.hints, this.text, map.text);
      this.text = map.text;
      this.render(map);
      this.publishCounts(false);
      this.lastActionAt = Date.now();
      this.ui.announce(`Replaced “${hint.problem}” with “${replacement}”`, true);
      if (this.ui.hintsOpen) this.refreshHints();
      else if (!fromDialog) this.restoreCaret();
      this.checkNow();
      return true;
    }
    if (result.reason === "interrupted") {
      // The writer typed, undid or clicked meanwhile: leave everything to them and check again.
      this.checkNow();
      return false;
    }
    if (result.reason === "moved") {
      this.ui.announce("The text changed. Checking again.", true);
      this.checkNow();
      return false;
    }
    const copied = await copyText(replacement, this.ui.shadow);
    this.lastActionAt = Date.now();
    this.ui.closeHints(false);
    // Select the text so that pasting replaces it.
    if (this.extract().text.slice(hint.offset, hint.offset + hint.length) === hint.problem) focusAndSelect(this.el, this.kind, hint.offset, hint.offset + hint.length);
    else this.el.focus({ preventScroll: true });
    this.ui.announce(copied ? `Couldn't apply it here. Copied — paste it in: ${replacement}` : `Couldn't apply it here. Type “${replacement}” instead.`, true);
    return false;
  }

  ruleUrl(rule) {
    return this.env.ruleUrl(rule);
  }
}
