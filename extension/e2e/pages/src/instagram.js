import { mountLexical } from './lexical.js';
import { mediaMode, post, PHOTO_URL, PHOTO_ALT } from './common.js';

mountLexical('instagram', document.querySelector('[role=dialog] [aria-label="Write a caption..."]'));
const mode = mediaMode();
// Instagram's create flow always has a photo; its alt text is typed in "Accessibility → Write alt text...".
document.querySelector('[role=dialog] img.ig-preview').src = PHOTO_URL;
if (mode === 'alt') document.querySelector('input[aria-label="Write alt text..."]').value = PHOTO_ALT;
// ?media absent: a text-only caption (not Instagram's real flow, but it keeps the draft tests comparable).
if (mode === 'none') for (const n of document.querySelectorAll('[role=dialog] .ig-media, [role=dialog] .ig-accessibility')) n.remove();
const share = [...document.querySelectorAll('[role=dialog] [role=button]')].find((b) => b.textContent.trim() === 'Share');
share.addEventListener('click', post);
share.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); post(); } });
