import { mountLexical } from './lexical.js';
import { mediaMode, post, PHOTO_URL } from './common.js';

mountLexical('threads', document.querySelector('[role=dialog] [data-testid=threads-composer] [role=textbox]'));
if (mediaMode() === 'none') document.querySelector('.threads-media').remove();
else {
  const att = document.querySelector('.threads-media');
  att.hidden = false;
  att.querySelector('img').src = PHOTO_URL; // Threads' "Alt" editor keeps the text out of the DOM
}
const btn = [...document.querySelectorAll('[role=dialog] [role=button]')].find((b) => b.textContent.trim() === 'Post');
btn.addEventListener('click', post);
btn.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); post(); } });
