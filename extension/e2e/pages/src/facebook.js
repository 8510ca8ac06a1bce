import { mountLexical } from './lexical.js';
import { mediaMode, post, PHOTO_URL } from './common.js';

mountLexical('facebook', document.querySelector('[role=dialog] form [role=textbox]'));
if (mediaMode() === 'none') document.querySelector('.fb-attachments').remove();
else {
  const att = document.querySelector('.fb-attachments');
  att.hidden = false;
  att.querySelector('img').src = PHOTO_URL; // Facebook's "Alternative text" lives behind the photo's Edit menu
}
document.querySelector('[role=dialog] [aria-label="Post"][role=button]').addEventListener('click', post);
document.querySelector('[role=dialog] [aria-label="Post"][role=button]').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); post(); }
});
