// Content script entry (loaded by loader.js). Finds composers, keeps one Composer per editor,
// and owns the page-wide listeners: the hints shortcut, the alt-text guard, layout on scroll.
// Never throws into the page and never fetches: every server call goes to the service worker.

import { normalizeSettings } from "../shared/protocol.js";
import { siteFor, editorKindOf, isOptedOut, SITES, MASTODON_MARKERS } from "./sites.js";
import { Composer } from "./composer.js";
import { watchBenchFlag } from "./bench-hooks.js";

const api = globalThis.browser ?? globalThis.chrome;

async function loadSettings() {
  try {
    return normalizeSettings(await api.storage.sync.get(null));
  } catch {
    return normalizeSettings({});
  }
}

async function send(msg) {
  try {
    return await api.runtime.sendMessage(msg);
  } catch (e) {
    // The extension was reloaded or updated: this page's content script is orphaned.
    return { ok: false, offline: false, error: { code: "extension", message: "tonecheck was updated. Reload the page to use it." } };
  }
}

function visible(el) {
  if (!el.isConnected) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

function isRootEditable(el) {
  if (el.nodeName === "TEXTAREA") return !el.readOnly && !el.disabled;
  if (!el.isContentEditable) return false;
  const parent = el.parentElement;
  return !(parent && parent.isContentEditable);
}

export async function start() {
  watchBenchFlag();
  let settings = await loadSettings();
  const host = location.hostname.toLowerCase();
  const composers = new Map(); // element -> Composer
  let site = siteFor(host, settings.platformOverrides);
  let active = null;
  let layoutQueued = false;
  let scanTimer = null;
  let lastCounts = "";
  const ruleUrls = new Map();

  const resolveSite = () => {
    site = siteFor(host, settings.platformOverrides);
    if (site.generic && MASTODON_MARKERS.some((s) => document.querySelector(s))) {
      site = { ...SITES.find((s) => s.platform === "mastodon"), overridden: true };
    }
  };
  resolveSite();

  const matchButton = (sel, node) => {
    if (typeof sel === "string") return node.closest(sel);
    const b = node.closest(sel.selector);
    return b && sel.text.includes((b.textContent || "").trim()) ? b : null;
  };
  const findPostButton = (scope) => {
    for (const sel of site.postButtons) {
      if (typeof sel === "string") {
        const b = scope.querySelector(sel);
        if (b) return b;
      } else {
        for (const b of scope.querySelectorAll(sel.selector)) if (sel.text.includes((b.textContent || "").trim())) return b;
      }
    }
    return null;
  };
  const postButtonFrom = (node) => {
    if (!(node instanceof Element)) return null;
    for (const sel of site.postButtons) {
      const b = matchButton(sel, node);
      if (b) return b;
    }
    return null;
  };

  const scheduleLayout = () => {
    if (layoutQueued) return;
    layoutQueued = true;
    requestAnimationFrame(() => {
      layoutQueued = false;
      for (const c of composers.values()) {
        try {
          c.layout();
        } catch {
          // a composer mid-teardown
        }
      }
    });
  };

  const onCounts = () => {
    let total = 0;
    let errors = 0;
    let others = 0;
    let state = "ready";
    for (const c of composers.values()) {
      if (c.state === "offline") state = "offline";
      else if (c.state === "error" && state !== "offline") state = "error";
      const k = c.counts();
      total += k.total;
      errors += k.errors;
      others += k.others;
    }
    const msg = { type: "counts", state, counts: { total, errors, others } };
    const key = JSON.stringify(msg);
    if (key === lastCounts) return;
    lastCounts = key;
    send(msg);
  };

  const env = {
    get settings() {
      return settings;
    },
    get platform() {
      return site.platform;
    },
    send,
    scheduleLayout,
    onCounts,
    findPostButton,
    setActive(c) {
      active = c;
    },
    ruleUrl(rule) {
      if (!ruleUrls.has(rule)) {
        ruleUrls.set(rule, send({ type: "rule", id: rule }).then((r) => (r && r.ok && r.doc && typeof r.doc.url === "string" ? r.doc.url : null)));
      }
      return ruleUrls.get(rule);
    },
  };

  const candidates = () => {
    const found = new Set();
    for (const sel of site.composers) {
      for (const el of document.querySelectorAll(sel)) found.add(el);
    }
    return found;
  };

  const adopt = (el) => {
    if (composers.has(el)) return composers.get(el);
    if (!isRootEditable(el) || isOptedOut(el) || el.closest("tonecheck-root")) return null;
    if (el.getAttribute("role") === "combobox") return null;
    const kind = editorKindOf(el);
    const c = new Composer(el, kind, site, env);
    composers.set(el, c);
    return c;
  };

  const scan = () => {
    scanTimer = null;
    if (site.generic) resolveSite();
    for (const [el, c] of composers) {
      if (!el.isConnected) {
        c.destroy();
        composers.delete(el);
        if (active === c) active = null;
      }
    }
    for (const el of candidates()) {
      if (composers.has(el)) continue;
      if (visible(el) || document.activeElement === el) adopt(el);
    }
    onCounts();
  };
  const scheduleScan = () => {
    if (scanTimer === null) scanTimer = setTimeout(scan, 250);
  };

  const composerFor = (node) => {
    for (const c of composers.values()) if (c.el === node || c.el.contains(node)) return c;
    return null;
  };

  const focusedComposer = () => {
    const fromFocus = composerFor(document.activeElement);
    if (fromFocus) return fromFocus;
    if (active && active.connected) return active;
    for (const c of composers.values()) if (visible(c.el)) return c;
    return null;
  };

  const openHints = () => {
    const c = focusedComposer();
    if (!c) return false;
    return c.openHints();
  };

  // ------------------------------------------------------------ alt-text guard

  const guard = async (event, button) => {
    const c = button ? [...composers.values()].find((k) => k.findContainer().contains(button)) : composerFor(event.target);
    if (!c) return;
    const media = c.readMedia();
    const missing = media.filter((m) => m.state === "missing");
    if (missing.length === 0) return;
    const strict = settings.strictAltText;
    if (!strict && c.site.nativeAltReminder) return;
    const key = `${missing.length}/${media.length}`;
    if (!strict && c.remindedKey === key) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    c.remindedKey = key;
    const choice = await c.ui.altReminder(missing, strict);
    if (choice === "add") {
      const control = missing[0].control;
      if (control && control.isConnected) control.focus();
      else c.el.focus();
    } else if (choice === "post") {
      const b = button && button.isConnected ? button : findPostButton(c.findContainer());
      if (b) b.click(); // an untrusted click: the guard lets it through
    } else {
      c.el.focus();
    }
  };

  window.addEventListener(
    "click",
    (e) => {
      if (!e.isTrusted) return;
      const b = postButtonFrom(e.target);
      if (b) guard(e, b);
    },
    true,
  );

  window.addEventListener(
    "keydown",
    (e) => {
      if (!e.isTrusted) return;
      if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === "KeyH") {
        if (openHints()) {
          e.preventDefault();
          e.stopPropagation();
        }
        return;
      }
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && site.submitShortcut && composerFor(e.target)) guard(e, null);
    },
    true,
  );

  // ------------------------------------------------------------ page-wide wiring

  window.addEventListener("scroll", scheduleLayout, { capture: true, passive: true });
  window.addEventListener("resize", scheduleLayout, { passive: true });
  document.addEventListener(
    "focusin",
    (e) => {
      const t = e.composedPath ? e.composedPath()[0] : e.target;
      if (!(t instanceof Element)) return;
      const c = composerFor(t);
      if (c) {
        active = c;
        return;
      }
      for (const sel of site.composers) {
        if (t.matches(sel)) {
          const adopted = adopt(t);
          if (adopted) {
            active = adopted;
            adopted.onFocus();
          }
          return;
        }
      }
    },
    true,
  );
  new MutationObserver(scheduleScan).observe(document.documentElement, { childList: true, subtree: true });

  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (!msg || msg.type !== "openHints") return false;
    sendResponse({ opened: openHints() });
    return false;
  });

  api.storage.onChanged.addListener(async (changes, area) => {
    if (area !== "sync") return;
    settings = await loadSettings();
    resolveSite();
    for (const c of composers.values()) c.settingsChanged();
  });

  scan();
  setTimeout(scan, 1000);
}
