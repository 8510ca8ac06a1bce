// tonecheck playground: check a draft with POST /v1/check and show the hints in place.
// Offsets from the API are UTF-16 code units, the same unit as JavaScript strings and DOM text nodes.
// Text from the server is only ever set with textContent.

const SEVERITIES = ["error", "warning", "suggestion"];
const DEBOUNCE_MS = 400;

const $ = (id) => document.getElementById(id);
const form = $("draft-form");
const draft = $("draft");
const mirror = $("mirror");
const backdrop = mirror.parentElement;
const platformSelect = $("platform");
const profileSelect = $("profile");
const apiKey = $("api-key");
const summary = $("summary");
const hintList = $("hints");
const lengthLine = $("length");

const hasHighlights = typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight === "function";
let pending = null;
let timer = 0;
let shown = { text: null, findings: [] };
let active = -1;

function headers(json) {
  const h = json ? { "Content-Type": "application/json" } : {};
  const key = apiKey.value.trim();
  if (key) h.Authorization = `Bearer ${key}`;
  return h;
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && body.error && body.error.message) return body.error.message;
  } catch (_) { /* not JSON */ }
  return `The server answered ${response.status}.`;
}

async function loadChoices() {
  try {
    const response = await fetch("/v1/platforms");
    if (response.ok) {
      for (const p of (await response.json()).platforms) {
        const option = document.createElement("option");
        option.value = p.id;
        option.textContent = p.name;
        platformSelect.append(option);
      }
    }
  } catch (_) { /* the list stays minimal */ }
  await loadProfiles();
}

async function loadProfiles() {
  const keep = profileSelect.value;
  profileSelect.replaceChildren(new Option("No profile", ""));
  try {
    const response = await fetch("/v1/profiles", { headers: headers(false) });
    if (!response.ok) {
      if (response.status === 401) $("access").open = true;
      return;
    }
    const body = await response.json();
    for (const p of body.profiles) {
      if (p.error) continue;
      profileSelect.append(new Option(p.name || p.id, p.id));
    }
    profileSelect.value = keep || body.default || "";
  } catch (_) { /* no profiles */ }
}

function schedule() {
  clearTimeout(timer);
  markStale();
  timer = setTimeout(check, DEBOUNCE_MS);
}

async function check() {
  clearTimeout(timer);
  const text = draft.value;
  if (pending) pending.abort();
  if (!text.trim()) {
    render(text, null);
    summary.textContent = "Type or paste a draft to check it.";
    return;
  }
  const controller = new AbortController();
  pending = controller;
  const body = { text };
  if (platformSelect.value) body.platform = platformSelect.value;
  if (profileSelect.value) body.profile = profileSelect.value;
  try {
    const response = await fetch("/v1/check", {
      method: "POST", headers: headers(true), body: JSON.stringify(body), signal: controller.signal,
    });
    if (!response.ok) {
      const message = await errorMessage(response);
      if (response.status === 401 || response.status === 403) $("access").open = true;
      render(text, null);
      summary.textContent = `Could not check the draft: ${message}`;
      return;
    }
    const report = await response.json();
    if (draft.value !== text) return; // the writer kept typing; a newer check follows
    render(text, report);
  } catch (error) {
    if (error.name !== "AbortError") summary.textContent = "Could not reach the server.";
  } finally {
    if (pending === controller) pending = null;
  }
}

function describe(report) {
  const findings = report.findings;
  if (!findings.length) return `No hints. Score ${report.scores.overall} out of 100.`;
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length]).filter(([, n]) => n);
  const parts = counts.map(([s, n]) => `${n} ${s}${n === 1 ? "" : "s"}`);
  const noun = findings.length === 1 ? "hint" : "hints";
  return `${findings.length} ${noun}: ${parts.join(", ")}. Score ${report.scores.overall} out of 100.`;
}

function render(text, report) {
  shown = { text, findings: report ? report.findings : [] };
  active = -1;
  mirror.textContent = text + "\n";
  drawHighlights();
  hintList.replaceChildren(...shown.findings.map(hintItem));
  if (report) summary.textContent = describe(report);
  lengthLine.textContent = "";
  lengthLine.classList.remove("over");
  if (report && report.metrics && report.metrics.length_limit) {
    const { length, length_limit: limit } = report.metrics;
    lengthLine.textContent = `${length} of ${limit} characters (counted the way the platform counts).`;
    lengthLine.classList.toggle("over", length > limit);
  }
  syncScroll();
}

function markStale() {
  if (shown.text !== null && shown.text !== draft.value) {
    shown = { text: null, findings: [] };
    mirror.textContent = draft.value + "\n";
    drawHighlights();
  }
}

function textFindings() {
  return shown.findings.map((f, i) => [f, i]).filter(([f]) => f.target === "text" && f.length > 0);
}

function drawHighlights() {
  if (hasHighlights) {
    for (const name of [...SEVERITIES, "active"]) CSS.highlights.delete(`tc-${name}`);
    const node = mirror.firstChild;
    if (!node) return;
    const groups = Object.fromEntries(SEVERITIES.map((s) => [s, []]));
    for (const [f, i] of textFindings()) {
      const range = new Range();
      range.setStart(node, f.offset);
      range.setEnd(node, f.offset + f.length);
      groups[f.severity].push(range);
      if (i === active) CSS.highlights.set("tc-active", new Highlight(range));
    }
    for (const s of SEVERITIES) if (groups[s].length) CSS.highlights.set(`tc-${s}`, new Highlight(...groups[s]));
    return;
  }
  // Fallback: <mark> elements (overlapping hints: the first one wins).
  const text = mirror.textContent;
  const parts = [];
  let at = 0;
  for (const [f, i] of textFindings().sort((a, b) => a[0].offset - b[0].offset)) {
    if (f.offset < at) continue;
    parts.push(document.createTextNode(text.slice(at, f.offset)));
    const mark = document.createElement("mark");
    mark.className = `tc-${f.severity}${i === active ? " tc-active" : ""}`;
    mark.textContent = text.slice(f.offset, f.offset + f.length);
    parts.push(mark);
    at = f.offset + f.length;
  }
  parts.push(document.createTextNode(text.slice(at)));
  mirror.replaceChildren(...parts);
}

function hintItem(f, index) {
  const item = document.createElement("li");
  item.className = "hint";
  item.dataset.severity = f.severity;
  item.dataset.index = String(index);

  const main = document.createElement("button");
  main.type = "button";
  main.className = "hint-main";
  const badge = document.createElement("span");
  badge.className = "badge";
  badge.textContent = f.severity;
  const message = document.createElement("span");
  message.className = "message";
  message.textContent = f.message;
  main.append(badge, message);
  if (f.target === "text" && f.length > 0) main.title = "Select this in the draft";
  main.addEventListener("focus", () => activate(index));
  main.addEventListener("click", () => jumpTo(index));
  main.addEventListener("keydown", (event) => moveFocus(event, index));
  item.append(main);

  const actions = document.createElement("div");
  actions.className = "actions";
  for (const s of f.suggestions) {
    if (f.target !== "text") break;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "apply";
    button.textContent = s.replacement ? `Use “${s.replacement}”` : "Delete it";
    button.setAttribute("aria-label", `${s.label}${s.safe ? "" : " (check before using)"}`);
    button.addEventListener("click", () => apply(f, s));
    actions.append(button);
  }
  const why = document.createElement("a");
  why.href = `/rules/${encodeURIComponent(f.rule.split("/")[0])}`;
  why.textContent = "Why?";
  why.setAttribute("aria-label", `Why? About the rule ${f.rule}`);
  const rule = document.createElement("span");
  rule.className = "rule";
  rule.textContent = f.rule;
  actions.append(why, rule);
  item.append(actions);
  return item;
}

function activate(index) {
  if (active === index) return;
  active = index;
  for (const li of hintList.children) li.classList.toggle("active", li.dataset.index === String(index));
  drawHighlights();
  const f = shown.findings[index];
  if (f && f.target === "text") scrollToOffset(f.offset);
}

function jumpTo(index) {
  const f = shown.findings[index];
  if (!f || f.target !== "text" || shown.text !== draft.value) return;
  draft.focus();
  draft.setSelectionRange(f.offset, f.offset + f.length);
}

function moveFocus(event, index) {
  const buttons = [...hintList.querySelectorAll(".hint-main")];
  let next = -1;
  if (event.key === "ArrowDown") next = Math.min(index + 1, buttons.length - 1);
  else if (event.key === "ArrowUp") next = Math.max(index - 1, 0);
  else if (event.key === "Home") next = 0;
  else if (event.key === "End") next = buttons.length - 1;
  if (next < 0) return;
  event.preventDefault();
  buttons[next].focus();
}

function apply(f, suggestion) {
  if (shown.text !== draft.value) return; // the draft changed since this hint
  draft.setRangeText(suggestion.replacement, f.offset, f.offset + f.length, "end");
  summary.textContent = `Applied: ${suggestion.label}. Checking again.`;
  draft.focus();
  check();
}

function scrollToOffset(offset) {
  const node = mirror.firstChild;
  if (!hasHighlights || !node || offset > node.length) return;
  const range = new Range();
  range.setStart(node, offset);
  range.setEnd(node, offset);
  const box = range.getBoundingClientRect();
  const frame = mirror.getBoundingClientRect();
  const top = box.top - frame.top + mirror.scrollTop;
  if (top < draft.scrollTop || top > draft.scrollTop + draft.clientHeight - 24) {
    draft.scrollTop = Math.max(0, top - draft.clientHeight / 3);
    syncScroll();
  }
}

function syncScroll() {
  mirror.style.height = `${draft.scrollHeight}px`;
  backdrop.scrollTop = draft.scrollTop;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  check();
});
draft.addEventListener("input", schedule);
draft.addEventListener("scroll", syncScroll);
new ResizeObserver(syncScroll).observe(draft);
platformSelect.addEventListener("change", check);
profileSelect.addEventListener("change", check);
apiKey.addEventListener("change", () => { loadProfiles(); check(); });

loadChoices();
