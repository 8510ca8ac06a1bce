// Settings, server requests and report handling shared by the service worker, the content script
// and the options page. Pure: no DOM, no chrome.*, no fetch.

export const CATEGORIES = ["accessibility", "voice", "policy", "platform", "grammar"];
export const PLATFORMS = ["x", "mastodon", "bluesky", "threads", "linkedin", "instagram", "facebook"];
export const SEVERITIES = ["error", "warning", "suggestion"];

export const DEFAULT_SETTINGS = Object.freeze({
  serverUrl: "http://127.0.0.1:8765",
  apiKey: "",
  platformOverrides: {},
  categories: CATEGORIES.slice(),
  strictAltText: false,
  profile: "",
  debounceMs: 400,
  grantedSites: [],
});

/** Largest draft sent to the server (UTF-16 units); longer drafts are not checked. */
export const MAX_TEXT = 20000;

/** Merge stored values over the defaults, dropping anything of the wrong type. */
export function normalizeSettings(stored = {}) {
  const s = { ...DEFAULT_SETTINGS, categories: DEFAULT_SETTINGS.categories.slice(), platformOverrides: {}, grantedSites: [] };
  if (typeof stored.serverUrl === "string" && normalizeServerUrl(stored.serverUrl)) s.serverUrl = normalizeServerUrl(stored.serverUrl);
  if (typeof stored.apiKey === "string") s.apiKey = stored.apiKey.trim();
  if (stored.platformOverrides && typeof stored.platformOverrides === "object") {
    for (const [host, platform] of Object.entries(stored.platformOverrides)) {
      if (typeof host === "string" && PLATFORMS.includes(platform)) s.platformOverrides[host.toLowerCase()] = platform;
    }
  }
  if (Array.isArray(stored.categories)) s.categories = CATEGORIES.filter((c) => stored.categories.includes(c));
  if (typeof stored.strictAltText === "boolean") s.strictAltText = stored.strictAltText;
  if (typeof stored.profile === "string") s.profile = stored.profile.trim();
  if (Number.isFinite(stored.debounceMs)) s.debounceMs = Math.min(3000, Math.max(100, Math.round(stored.debounceMs)));
  if (Array.isArray(stored.grantedSites)) {
    s.grantedSites = stored.grantedSites.filter((o) => typeof o === "string" && originPattern(o) !== null);
  }
  return s;
}

/** "http://127.0.0.1:8765/" -> "http://127.0.0.1:8765"; null for anything but http(s) URLs. */
export function normalizeServerUrl(url) {
  let u;
  try {
    u = new URL(String(url).trim());
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  if (u.username || u.password) return null;
  const path = u.pathname.replace(/\/+$/, "");
  return `${u.protocol}//${u.host}${path}`;
}

/** True for servers on this machine (no extra permission needed). */
export function isLoopback(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const h = u.hostname;
  return h === "127.0.0.1" || h === "localhost" || h === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Match pattern for an origin (no port: Firefox rejects ports in patterns). */
export function originPattern(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  return `${u.protocol}//${u.hostname}/*`;
}

/** The JSON body of POST /v1/check. `media` holds only items whose alt state is known. */
export function buildCheckBody({ text, platform, media = [], profile = "", language, contentWarning }) {
  const body = { text };
  if (platform) body.platform = platform;
  // Mastodon counts the content warning with the post: send it so the length is counted its way.
  if (typeof contentWarning === "string" && contentWarning.trim() !== "") body.content_warning = contentWarning;
  if (profile) body.profile = profile;
  if (language) body.language = language;
  if (media.length > 0) {
    body.media = media.map((m) => {
      const item = {};
      if (m.kind) item.kind = m.kind;
      if (typeof m.alt === "string") item.alt = m.alt;
      return item;
    });
  }
  return body;
}

/** Request headers for the server. */
export function requestHeaders(apiKey, json = true) {
  const h = { Accept: "application/json" };
  if (json) h["Content-Type"] = "application/json";
  if (apiKey) h.Authorization = `Bearer ${apiKey}`;
  return h;
}

/** {code, message} from an error response (JSON `{"error": {code, message}}` or anything else). */
export function errorFromResponse(status, body) {
  const e = body && typeof body === "object" && body.error && typeof body.error === "object" ? body.error : null;
  const code = e && typeof e.code === "string" ? e.code : `http-${status}`;
  let message = e && typeof e.message === "string" ? e.message : "";
  if (!message) {
    if (status === 401 || status === 403) message = "The server refused the API key. Check it in the options.";
    else if (status === 413) message = "The draft is too long for the server.";
    else message = `The server answered ${status}.`;
  }
  return { code, message };
}

const SEVERITY_RANK = { suggestion: 0, warning: 1, error: 2 };

/**
 * Turn a server report into what the content script shows, for a draft of `text`.
 * - `hints`: findings on the post text, in the wanted categories, with a valid UTF-16 span
 *   (checked against the text), sorted by position then severity;
 * - `mediaHints`: findings on attached media (`target` "media:N"), mapped back to the DOM media index;
 * - `counter`: "237/280" when the report has a length and a limit.
 * `sentMedia[i]` is the index (in the composer's media list) of the i-th media item sent.
 */
export function readReport(report, { text, categories = CATEGORIES, sentMedia = [] } = {}) {
  const hints = [];
  const mediaHints = [];
  const findings = report && Array.isArray(report.findings) ? report.findings : [];
  findings.forEach((f, index) => {
    if (!f || typeof f !== "object") return;
    if (!categories.includes(f.category)) return;
    const severity = SEVERITIES.includes(f.severity) ? f.severity : "suggestion";
    const base = {
      id: `${f.rule}:${index}`,
      rule: String(f.rule ?? ""),
      category: f.category,
      severity,
      message: String(f.message ?? ""),
      help: typeof f.help === "string" ? f.help : "",
      suggestions: Array.isArray(f.suggestions)
        ? f.suggestions.filter((s) => s && typeof s.replacement === "string").map((s) => ({
            replacement: s.replacement,
            label: typeof s.label === "string" ? s.label : "",
            safe: s.safe !== false,
          }))
        : [],
    };
    const target = typeof f.target === "string" ? f.target : "text";
    if (target.startsWith("media:")) {
      const i = Number(target.slice(6));
      mediaHints.push({ ...base, media: Number.isInteger(sentMedia[i]) ? sentMedia[i] : i, suggestions: [] });
      return;
    }
    if (target !== "text") return;
    const offset = Number(f.offset);
    const length = Number(f.length);
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0) return;
    if (typeof text === "string" && offset + length > text.length) return;
    hints.push({ ...base, offset, length, problem: typeof text === "string" ? text.slice(offset, offset + length) : "" });
  });
  hints.sort((a, b) => a.offset - b.offset || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  return { hints, mediaHints, counter: formatCounter(report && report.metrics) };
}

/** "237/280" from the report's metrics (`length`, `length_limit`), or null. */
export function formatCounter(metrics) {
  if (!metrics || typeof metrics !== "object") return null;
  const { length, length_limit: limit } = metrics;
  if (!Number.isFinite(length) || !Number.isFinite(limit) || limit <= 0) return null;
  return `${length}/${limit}`;
}

/** Counts for the badge and the live region. */
export function countHints(hints, mediaHints = []) {
  const all = hints.concat(mediaHints);
  const errors = all.filter((h) => h.severity === "error").length;
  return { total: all.length, errors, others: all.length - errors };
}

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "3 suggestions, 1 error" / "2 errors" / "No suggestions". */
export function summarize({ total, errors, others }) {
  if (total === 0) return "No suggestions";
  if (others === 0) return plural(errors, "error");
  if (errors === 0) return plural(others, "suggestion");
  return `${plural(others, "suggestion")}, ${plural(errors, "error")}`;
}

/** Toolbar badge {text, title, color} for a tab. */
export function badgeFor(state, counts, serverUrl) {
  if (state === "offline") {
    return { text: "!", title: `tonecheck: server unreachable (${serverUrl})`, color: "#5f6368" };
  }
  if (state === "error") {
    return { text: "!", title: `tonecheck: the server could not check this draft (${serverUrl})`, color: "#5f6368" };
  }
  if (!counts || counts.total === 0) return { text: "", title: "tonecheck: No suggestions", color: "#1a73e8" };
  const text = counts.total > 99 ? "99+" : String(counts.total);
  return { text, title: `tonecheck: ${summarize(counts)}`, color: counts.errors > 0 ? "#b3261e" : "#8a4b00" };
}
