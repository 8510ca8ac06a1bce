// Shared by every fixture composer: test hooks in the page's main world, the attached-image query parameter, posting.
//   ?media=noalt  attach one image without alt text;  ?media=alt  attach one image with alt text.
// `window.__editorText()` returns the EDITOR FRAMEWORK'S OWN model text (never the DOM's), so a test can tell
// whether a fix really reached the editor. `window.__posted` collects the texts posted through the site's own handler.

export const PHOTO_URL = '/assets/photo.png';
export const PHOTO_ALT = 'A red tulip field under a blue sky';

/** @returns {'none'|'noalt'|'alt'} */
export function mediaMode() {
  const m = new URLSearchParams(location.search).get('media');
  return m === 'alt' || m === 'noalt' ? m : 'none';
}

/**
 * @param {string} site
 * @param {string} editor
 * @param {() => string} readModel
 */
export function installHooks(site, editor, readModel) {
  window.__posted = [];
  window.__editorText = readModel;
  window.__fixture = { site, editor, ready: true };
  document.documentElement.dataset.fixtureReady = 'true';
}

/** The site's own post action: what the platform would send. */
export function post() {
  window.__posted.push(window.__editorText());
  document.documentElement.dataset.posted = String(window.__posted.length);
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k === 'style') node.setAttribute('style', v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) node.append(c);
  return node;
}
