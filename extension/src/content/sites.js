// The per-platform adapter table: hosts, editor kind, composer and post-button selectors, where
// attached media live. Selectors are data, kept in one place (extension/reference §1): they are
// hints checked against the live sites, not a contract. Pure: no DOM access here.

export const SITES = [
  {
    platform: "x",
    hosts: ["x.com", "twitter.com", "mobile.x.com", "mobile.twitter.com"],
    editor: "draft",
    composers: [
      '[data-testid^="tweetTextarea_"] [contenteditable="true"]',
      '[data-testid^="tweetTextarea_"][contenteditable="true"]',
      '.DraftEditor-root [contenteditable="true"]',
    ],
    postButtons: ['[data-testid="tweetButton"]', '[data-testid="tweetButtonInline"]'],
    media: "x",
    submitShortcut: true,
  },
  {
    platform: "linkedin",
    hosts: ["www.linkedin.com", "linkedin.com"],
    editor: "quill",
    composers: [
      '.share-creation-state__text-editor .ql-editor[contenteditable="true"]',
      '[role="dialog"] .ql-editor[contenteditable="true"]',
      '.ql-editor[contenteditable="true"][aria-label="Text editor for creating content"]',
      '[role="dialog"] div[role="textbox"][contenteditable="true"]',
    ],
    postButtons: [".share-actions__primary-action"],
    media: null,
    submitShortcut: false,
  },
  {
    platform: "facebook",
    hosts: ["www.facebook.com", "facebook.com", "web.facebook.com", "m.facebook.com"],
    editor: "lexical",
    composers: ['[role="dialog"] [contenteditable="true"][role="textbox"][data-lexical-editor="true"]', '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]'],
    postButtons: ['[aria-label="Post"][role="button"]'],
    media: null,
    submitShortcut: false,
  },
  {
    platform: "instagram",
    hosts: ["www.instagram.com", "instagram.com"],
    editor: "lexical",
    composers: [
      '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
      'div[aria-label="Write a caption..."][contenteditable="true"]',
      'div[aria-label="Write a caption…"][contenteditable="true"]',
      'textarea[aria-label*="caption" i]',
    ],
    postButtons: [{ selector: '[role="button"], button', text: ["Share"] }],
    media: "instagram",
    submitShortcut: false,
  },
  {
    platform: "threads",
    hosts: ["www.threads.com", "threads.com", "www.threads.net", "threads.net"],
    editor: "lexical",
    composers: ['[contenteditable="true"][role="textbox"][data-lexical-editor="true"]'],
    postButtons: [{ selector: '[role="button"], button', text: ["Post"] }],
    media: null,
    submitShortcut: true,
  },
  {
    platform: "mastodon",
    hosts: ["mastodon.social", "mastodon.online"],
    editor: "textarea",
    composers: ["form.compose-form textarea.autosuggest-textarea__textarea", "form.compose-form textarea"],
    postButtons: [".compose-form__publish button[type=submit]", ".compose-form__publish button"],
    contentWarning: "input.spoiler-input__input",
    media: "mastodon",
    // Mastodon asks about missing alt text itself; tonecheck only blocks in strict mode there.
    nativeAltReminder: true,
    submitShortcut: true,
  },
  {
    platform: "bluesky",
    hosts: ["bsky.app", "main.bsky.dev"],
    editor: "prosemirror",
    composers: [
      '[data-testid="composerTextInput"] .ProseMirror[contenteditable="true"]',
      '[data-testid="composePostView"] .ProseMirror[contenteditable="true"]',
      '.ProseMirror[contenteditable="true"]',
      '[data-testid="composePostView"] textarea',
    ],
    postButtons: ['[data-testid="composerPublishBtn"]'],
    media: "bluesky",
    submitShortcut: true,
  },
];

/** The generic adapter for sites the user granted (any textarea / contenteditable). */
export const GENERIC = {
  platform: null,
  hosts: [],
  editor: null,
  composers: ["textarea", '[contenteditable="true"]', '[contenteditable=""]', '[contenteditable="plaintext-only"]'],
  postButtons: ['button[type="submit"]', 'input[type="submit"]'],
  media: null,
  submitShortcut: true,
  generic: true,
};

/** Signs of a Mastodon web app on a self-hosted instance. */
export const MASTODON_MARKERS = ["#mastodon", "form.compose-form textarea.autosuggest-textarea__textarea"];

/**
 * The adapter for `hostname`. A user override ({hostname: platform}) wins; then the table; then
 * the generic adapter (granted sites) with platform null.
 */
export function siteFor(hostname, overrides = {}) {
  const host = String(hostname).toLowerCase();
  const forced = overrides[host];
  if (forced) {
    const byPlatform = SITES.find((s) => s.platform === forced);
    if (byPlatform) return { ...byPlatform, overridden: true };
  }
  const known = SITES.find((s) => s.hosts.includes(host));
  if (known) return known;
  return GENERIC;
}

/** Editor kind from the element's own markers (class names, attributes, tag). */
export function editorKindOf(el) {
  if (!el || el.nodeType !== 1) return null;
  if (el.nodeName === "TEXTAREA") return "textarea";
  const cls = el.getAttribute("class") || "";
  if (/(^|\s)public-DraftEditor-content(\s|$)/.test(cls)) return "draft";
  if (el.getAttribute("data-lexical-editor") === "true") return "lexical";
  if (/(^|\s)ql-editor(\s|$)/.test(cls)) return "quill";
  if (/(^|\s)ProseMirror(\s|$)/.test(cls)) return "prosemirror";
  return "contenteditable";
}

/**
 * Sites can opt a field out of checkers (Grammarly's attributes, honoured by convention). Quill 1
 * puts data-gramm="false" on every editor it creates (LinkedIn included), so on a Quill editor
 * itself that attribute is the framework's default, not the site's choice, and is ignored.
 */
export function isOptedOut(el) {
  for (let n = el; n && n.nodeType === 1; n = n.parentNode) {
    const quillDefault = n === el && editorKindOf(el) === "quill";
    if (n.getAttribute("data-gramm") === "false" && !quillDefault) return true;
    if (n.getAttribute("data-enable-grammarly") === "false" || n.getAttribute("data-tonecheck") === "off") return true;
  }
  return false;
}
