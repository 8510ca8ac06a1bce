// Attached media and their alt-text state, read from the composer's DOM (never from the
// platform's API, never the image bytes). Each item: {kind, state, alt, control, label}
//   state "missing": the site shows that no alt text is set;
//   state "present": alt text is set (alt = its text when the site shows it, else null);
//   state "unknown": the site does not expose it -> never nag, never sent to the server.
// `control` is the site's own "add description" control, focused by "Add alt text".

const ALT_BADGE = /^(GIF)?ALT$/i;

function kindOf(node) {
  if (node.querySelector("video")) return "video";
  if (/\bGIF\b/.test(node.textContent || "")) return "gif";
  return "image";
}

function readX(container) {
  const groups = container.querySelectorAll('[data-testid="attachments"] [role="group"]');
  return Array.from(groups, (g, i) => {
    const described = (g.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean).map((id) => document.getElementById(id));
    const badge = described.concat(Array.from(g.querySelectorAll("span, div"))).some((n) => n && n.children.length === 0 && ALT_BADGE.test((n.textContent || "").trim()));
    const label = g.querySelector('[data-testid="altTextLabel"]');
    const control = g.querySelector('[data-testid="altTextWrapper"], a[href$="/media"], [role="link"][aria-label^="Add description"]');
    let state = "unknown";
    if (badge) state = "present";
    else if (label && /^add description/i.test((label.textContent || "").trim())) state = "missing";
    else if (control && /^add description/i.test(control.getAttribute("aria-label") || "")) state = "missing";
    return { kind: kindOf(g), state, alt: null, control, label: `Media ${i + 1}` };
  });
}

function readMastodon(container) {
  const form = container.closest("form") || container;
  const scope = form.parentElement || form;
  const uploads = scope.querySelectorAll(".compose-form__upload");
  return Array.from(uploads, (u, i) => {
    const warning = u.querySelector(".compose-form__upload__warning .icon-button.active, .compose-form__upload__warning button.active");
    const anyWarning = u.querySelector(".compose-form__upload__warning");
    const control = u.querySelector(".compose-form__upload__warning button, .compose-form__upload__actions button, button");
    const state = warning ? "missing" : anyWarning ? "present" : "unknown";
    return { kind: u.querySelector("video") ? "video" : "image", state, alt: null, control, label: `Media ${i + 1}` };
  });
}

function readBluesky(container) {
  const buttons = container.querySelectorAll('[data-testid="altTextButton"]');
  return Array.from(buttons, (b, i) => {
    // bsky.app draws a check icon when alt text is set and a plus icon when not (the button's
    // label says "Add alt text" either way, so it is not used to decide "missing").
    const text = (b.textContent || "").trim();
    let state = "unknown";
    if (b.querySelector('[data-icon="check"]') || text.includes("✓") || /^edit alt/i.test(b.getAttribute("aria-label") || "")) state = "present";
    else if (b.querySelector('[data-icon="plus"]') || /^\+/.test(text)) state = "missing";
    return { kind: "image", state, alt: null, control: b, label: `Image ${i + 1}` };
  });
}

function readInstagram(container) {
  // The create flow's Accessibility step holds one "Write alt text..." field per image.
  const scope = container.closest('[role="dialog"]') || container;
  const inputs = scope.querySelectorAll('input[aria-label^="Write alt text"], textarea[aria-label^="Write alt text"]');
  return Array.from(inputs, (input, i) => {
    const alt = input.value.trim();
    return { kind: "image", state: alt ? "present" : "missing", alt: alt || null, control: input, label: `Image ${i + 1}` };
  });
}

const READERS = { x: readX, mastodon: readMastodon, bluesky: readBluesky, instagram: readInstagram };

/** Media attached in `container` for the site's reader name (null: the site exposes none). */
export function readMedia(reader, container) {
  const fn = READERS[reader];
  if (!fn || !container) return [];
  try {
    return fn(container);
  } catch {
    return [];
  }
}
