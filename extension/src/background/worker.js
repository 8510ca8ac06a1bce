// Service worker (Chrome) / event page (Firefox). Every request to the tonecheck server happens
// here: content scripts never fetch (Chrome's Local Network Access blocks page-context requests
// from public sites to loopback). Only the configured server is ever contacted; nothing else.
// Listeners are registered synchronously at top level; no state lives only in globals except
// in-flight AbortControllers and a small rule-docs cache, both safe to lose on restart.

import {
  normalizeSettings, buildCheckBody, requestHeaders, errorFromResponse, badgeFor, originPattern, MAX_TEXT,
} from "../shared/protocol.js";

const api = globalThis.browser ?? globalThis.chrome;
const CHECK_TIMEOUT_MS = 15000;
const SMALL_TIMEOUT_MS = 5000;
const inflight = new Map(); // "tabId:composerId" -> AbortController
const ruleDocs = new Map(); // "serverUrl|ruleId" -> doc

async function getSettings() {
  const [sync, local] = await Promise.all([api.storage.sync.get(null), api.storage.local.get(null)]);
  const merged = { ...sync };
  if (typeof local.apiKey === "string" && local.apiKey) merged.apiKey = local.apiKey;
  return normalizeSettings(merged);
}

async function readJson(res) {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

function offlineError(serverUrl) {
  return { code: "offline", message: `Cannot reach the tonecheck server at ${serverUrl}. Is \`tonecheck serve\` running?` };
}

async function serverGet(settings, path, timeout = SMALL_TIMEOUT_MS) {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeout);
  try {
    const res = await fetch(settings.serverUrl + path, {
      method: "GET", headers: requestHeaders(settings.apiKey, false), signal: ctrl.signal, credentials: "omit", cache: "no-store",
    });
    const body = await readJson(res);
    if (!res.ok) return { ok: false, offline: false, error: errorFromResponse(res.status, body) };
    return { ok: true, body };
  } catch {
    return { ok: false, offline: true, error: offlineError(settings.serverUrl) };
  } finally {
    clearTimeout(timer);
  }
}

async function setBadge(tabId, state, counts, serverUrl) {
  if (typeof tabId !== "number" || tabId < 0) return;
  const b = badgeFor(state, counts, serverUrl);
  try {
    await api.action.setBadgeText({ tabId, text: b.text });
    await api.action.setBadgeBackgroundColor({ tabId, color: b.color });
    if (api.action.setBadgeTextColor) await api.action.setBadgeTextColor({ tabId, color: "#ffffff" });
    await api.action.setTitle({ tabId, title: b.title });
  } catch {
    // The tab went away.
  }
}

async function check(msg, sender) {
  const tabId = sender.tab ? sender.tab.id : -1;
  const key = `${tabId}:${msg.id}`;
  const previous = inflight.get(key);
  if (previous) previous.abort();
  const settings = await getSettings();
  if (typeof msg.text !== "string") return { ok: false, offline: false, error: { code: "bad-request", message: "No text." } };
  if (msg.text.length > MAX_TEXT) return { ok: false, offline: false, error: { code: "too-long", message: "This draft is too long to check." } };
  const ctrl = new AbortController();
  inflight.set(key, ctrl);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, CHECK_TIMEOUT_MS);
  const body = buildCheckBody({
    text: msg.text, platform: msg.platform, media: msg.media || [], profile: settings.profile, language: msg.language,
    contentWarning: typeof msg.contentWarning === "string" ? msg.contentWarning.slice(0, MAX_TEXT) : undefined,
  });
  try {
    const res = await fetch(`${settings.serverUrl}/v1/check`, {
      method: "POST", headers: requestHeaders(settings.apiKey), body: JSON.stringify(body), signal: ctrl.signal, credentials: "omit", cache: "no-store",
    });
    const json = await readJson(res);
    if (!res.ok) {
      const error = errorFromResponse(res.status, json);
      await setBadge(tabId, "error", null, settings.serverUrl);
      return { ok: false, offline: false, error };
    }
    if (!json || !Array.isArray(json.findings)) {
      return { ok: false, offline: false, error: { code: "bad-response", message: "The server's answer was not a tonecheck report." } };
    }
    return { ok: true, report: json };
  } catch {
    if (ctrl.signal.aborted && !timedOut) return { ok: false, aborted: true, offline: false, error: { code: "aborted", message: "Replaced by a newer check." } };
    await setBadge(tabId, "offline", null, settings.serverUrl);
    return { ok: false, offline: true, error: timedOut ? { code: "timeout", message: `The tonecheck server at ${settings.serverUrl} did not answer in time.` } : offlineError(settings.serverUrl) };
  } finally {
    clearTimeout(timer);
    if (inflight.get(key) === ctrl) inflight.delete(key);
  }
}

async function ruleDoc(msg) {
  const settings = await getSettings();
  const id = String(msg.id || "");
  const cacheKey = `${settings.serverUrl}|${id}`;
  if (ruleDocs.has(cacheKey)) return { ok: true, doc: ruleDocs.get(cacheKey) };
  const r = await serverGet(settings, `/v1/rules/${encodeURIComponent(id)}`);
  if (!r.ok) return r;
  const doc = r.body && typeof r.body === "object" ? r.body : {};
  // Resolve a relative documentation URL against the server.
  for (const k of ["html_url", "docs_url", "url"]) {
    if (typeof doc[k] === "string" && doc[k]) {
      try {
        doc.url = new URL(doc[k], settings.serverUrl + "/").href;
        break;
      } catch {
        // ignore
      }
    }
  }
  if (ruleDocs.size > 200) ruleDocs.clear();
  ruleDocs.set(cacheKey, doc);
  return { ok: true, doc };
}

async function status() {
  const settings = await getSettings();
  const r = await serverGet(settings, "/health");
  return { ...r, serverUrl: settings.serverUrl };
}

async function listProfiles() {
  const settings = await getSettings();
  return serverGet(settings, "/v1/profiles");
}

/** Register the content script for the sites the user granted (optional host permissions). */
async function syncGrantedSites() {
  if (!api.scripting || !api.scripting.registerContentScripts) return;
  const settings = await getSettings();
  const patterns = [];
  for (const origin of settings.grantedSites) {
    const p = originPattern(origin);
    if (!p) continue;
    try {
      if (await api.permissions.contains({ origins: [p] })) patterns.push(p);
    } catch {
      // ignore malformed patterns
    }
  }
  const ids = ["tc-granted", "tc-granted-main"];
  try {
    const existing = await api.scripting.getRegisteredContentScripts({ ids });
    if (existing.length > 0) await api.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  } catch {
    // not registered
  }
  if (patterns.length === 0) return;
  await api.scripting.registerContentScripts([
    { id: "tc-granted", matches: patterns, js: ["src/content/loader.js"], runAt: "document_idle", allFrames: false, persistAcrossSessions: true },
  ]);
  try {
    // The MAIN-world apply helper too (second-chance strategies); optional where unsupported.
    await api.scripting.registerContentScripts([
      { id: "tc-granted-main", matches: patterns, js: ["src/page/main-world.js"], runAt: "document_start", world: "MAIN", allFrames: false, persistAcrossSessions: true },
    ]);
  } catch {
    // world: "MAIN" not supported here: the isolated-world strategies and the clipboard remain.
  }
}

async function openHintsIn(tab) {
  if (!tab || typeof tab.id !== "number") return false;
  try {
    const r = await api.tabs.sendMessage(tab.id, { type: "openHints" });
    return Boolean(r && r.opened);
  } catch {
    return false;
  }
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || typeof msg !== "object") return false;
  // Only our own pages and content scripts talk to us (not web pages).
  if (sender.id && sender.id !== api.runtime.id) return false;
  let work;
  switch (msg.type) {
    case "check":
      work = check(msg, sender);
      break;
    case "cancel": {
      const key = `${sender.tab ? sender.tab.id : -1}:${msg.id}`;
      const c = inflight.get(key);
      if (c) c.abort();
      inflight.delete(key);
      work = Promise.resolve({ ok: true });
      break;
    }
    case "counts":
      work = getSettings().then((s) => setBadge(sender.tab ? sender.tab.id : -1, msg.state, msg.counts, s.serverUrl)).then(() => ({ ok: true }));
      break;
    case "rule":
      work = ruleDoc(msg);
      break;
    case "status":
      work = status();
      break;
    case "profiles":
      work = listProfiles();
      break;
    case "syncSites":
      work = syncGrantedSites().then(() => ({ ok: true }), (e) => ({ ok: false, error: { code: "register", message: String(e && e.message ? e.message : e) } }));
      break;
    case "openOptions":
      work = api.runtime.openOptionsPage().then(() => ({ ok: true }));
      break;
    default:
      return false;
  }
  work.then(sendResponse, (e) => sendResponse({ ok: false, offline: false, error: { code: "internal", message: String(e && e.message ? e.message : e) } }));
  return true;
});

if (api.commands && api.commands.onCommand) {
  api.commands.onCommand.addListener(async (command, tab) => {
    if (command !== "open-hints") return;
    const target = tab ?? (await api.tabs.query({ active: true, currentWindow: true }))[0];
    await openHintsIn(target);
  });
}

api.action.onClicked.addListener(async (tab) => {
  if (!(await openHintsIn(tab))) await api.runtime.openOptionsPage();
});

api.runtime.onInstalled.addListener(() => {
  syncGrantedSites().catch(() => {});
});
if (api.runtime.onStartup) api.runtime.onStartup.addListener(() => syncGrantedSites().catch(() => {}));
if (api.permissions && api.permissions.onRemoved) api.permissions.onRemoved.addListener(() => syncGrantedSites().catch(() => {}));
api.storage.onChanged.addListener((changes) => {
  if (changes.grantedSites) syncGrantedSites().catch(() => {});
  if (changes.serverUrl || changes.apiKey) ruleDocs.clear();
});
