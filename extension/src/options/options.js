// Options page: server URL and key (with a reachability test through the service worker),
// categories, strict alt-text mode, profile, debounce, and extra sites (optional host
// permissions + dynamic content-script registration, done by the service worker).

import { normalizeSettings, normalizeServerUrl, isLoopback, originPattern, CATEGORIES, DEFAULT_SETTINGS } from "../shared/protocol.js";

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

async function load() {
  const [sync, local] = await Promise.all([api.storage.sync.get(null), api.storage.local.get(null)]);
  const s = normalizeSettings({ ...sync, apiKey: local.apiKey || sync.apiKey || "" });
  return s;
}

function status(id, text, state) {
  const el = $(id);
  el.textContent = text;
  if (state) el.dataset.state = state;
  else delete el.dataset.state;
}

async function testServer() {
  status("server-status", "Testing…", "unknown");
  const r = await api.runtime.sendMessage({ type: "status" });
  if (r && r.ok) {
    const v = r.body && r.body.version ? ` (tonecheck ${r.body.version})` : "";
    status("server-status", `Connected to ${r.serverUrl}${v}.`, "ok");
    loadProfiles();
  } else if (r && r.offline) {
    status("server-status", `Server unreachable at ${r.serverUrl}. Start it with “tonecheck serve”.`, "offline");
  } else {
    status("server-status", r && r.error ? r.error.message : "The server could not be tested.", "error");
  }
}

async function loadProfiles() {
  const r = await api.runtime.sendMessage({ type: "profiles" });
  const list = $("profiles");
  list.replaceChildren();
  const names = r && r.ok ? (Array.isArray(r.body) ? r.body : Array.isArray(r.body?.profiles) ? r.body.profiles : []) : [];
  for (const p of names) {
    const o = document.createElement("option");
    o.value = typeof p === "string" ? p : p.id ?? p.name ?? "";
    if (typeof p === "object" && p.name && p.name !== o.value) o.label = p.name;
    list.append(o);
  }
}

function renderSites(s) {
  const ul = $("sites");
  ul.replaceChildren();
  for (const origin of s.grantedSites) {
    const li = document.createElement("li");
    const host = new URL(origin).hostname;
    const platform = s.platformOverrides[host];
    li.append(`${origin}${platform ? ` (as ${platform})` : ""}`);
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = "Remove";
    b.setAttribute("aria-label", `Remove ${origin}`);
    b.addEventListener("click", async () => {
      const cur = await load();
      const grantedSites = cur.grantedSites.filter((o) => o !== origin);
      const platformOverrides = { ...cur.platformOverrides };
      delete platformOverrides[host];
      await api.storage.sync.set({ grantedSites, platformOverrides });
      try {
        await api.permissions.remove({ origins: [originPattern(origin)] });
      } catch {
        // still granted for the server, or never granted
      }
      await api.runtime.sendMessage({ type: "syncSites" });
      status("site-status", `Removed ${origin}.`);
      renderSites(await load());
    });
    li.append(b);
    ul.append(li);
  }
}

async function init() {
  const s = await load();
  $("serverUrl").value = s.serverUrl;
  $("apiKey").value = s.apiKey;
  for (const box of document.querySelectorAll("input[name=category]")) box.checked = s.categories.includes(box.value);
  $("strictAltText").checked = s.strictAltText;
  $("profile").value = s.profile;
  $("debounceMs").value = String(s.debounceMs);
  $("privacy").textContent = `Your drafts are sent only to ${s.serverUrl}, and nowhere else. tonecheck collects no telemetry.`;
  renderSites(s);
  testServer();
}

$("server-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const url = normalizeServerUrl($("serverUrl").value);
  if (!url) {
    status("server-status", "Enter an http:// or https:// address, like http://127.0.0.1:8765.", "error");
    $("serverUrl").focus();
    return;
  }
  if (!isLoopback(url)) {
    // A server elsewhere needs the user's permission for its origin (requested on this click).
    let granted = false;
    try {
      granted = await api.permissions.request({ origins: [originPattern(url)] });
    } catch {
      granted = false;
    }
    if (!granted) {
      status("server-status", `tonecheck needs your permission to contact ${new URL(url).host}.`, "error");
      return;
    }
  }
  await api.storage.sync.set({ serverUrl: url });
  await api.storage.local.set({ apiKey: $("apiKey").value.trim() });
  await api.storage.sync.remove("apiKey");
  $("serverUrl").value = url;
  $("privacy").textContent = `Your drafts are sent only to ${url}, and nowhere else. tonecheck collects no telemetry.`;
  await testServer();
});

$("save-hints").addEventListener("click", async () => {
  const categories = CATEGORIES.filter((c) => document.querySelector(`input[name=category][value=${c}]`).checked);
  const debounce = Number($("debounceMs").value);
  await api.storage.sync.set({
    categories,
    strictAltText: $("strictAltText").checked,
    profile: $("profile").value.trim(),
    debounceMs: Number.isFinite(debounce) ? Math.min(3000, Math.max(100, debounce)) : DEFAULT_SETTINGS.debounceMs,
  });
  status("hints-status", "Saved.");
});

$("site-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  let origin;
  try {
    const u = new URL($("siteOrigin").value.trim());
    if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error("scheme");
    origin = u.origin;
  } catch {
    status("site-status", "Enter the site's address, like https://social.example.");
    return;
  }
  let granted = false;
  try {
    granted = await api.permissions.request({ origins: [originPattern(origin)] });
  } catch {
    granted = false;
  }
  if (!granted) {
    status("site-status", `Not added: permission for ${origin} was not given.`);
    return;
  }
  const cur = await load();
  const grantedSites = cur.grantedSites.includes(origin) ? cur.grantedSites : cur.grantedSites.concat(origin);
  const platformOverrides = { ...cur.platformOverrides };
  const platform = $("sitePlatform").value;
  const host = new URL(origin).hostname;
  if (platform) platformOverrides[host] = platform;
  else delete platformOverrides[host];
  await api.storage.sync.set({ grantedSites, platformOverrides });
  const r = await api.runtime.sendMessage({ type: "syncSites" });
  status("site-status", r && r.ok ? `Added ${origin}. Reload its tabs to start.` : `Added ${origin}, but the script could not be registered: ${r?.error?.message ?? "unknown error"}.`);
  renderSites(await load());
});

init();
