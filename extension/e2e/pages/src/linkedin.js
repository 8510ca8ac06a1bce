// www.linkedin.com: Quill 1 (as LinkedIn's share box), in the "Create a post" modal.
import Quill from 'quill/dist/quill.core.js';
import 'quill/dist/quill.core.css';
import { installHooks, mediaMode, post, PHOTO_URL } from './common.js';

const container = document.querySelector('.editor-container .ql-container-host');
const quill = new Quill(container, { placeholder: 'What do you want to talk about?' });
quill.root.setAttribute('aria-label', 'Text editor for creating content');
quill.root.setAttribute('role', 'textbox');
quill.root.setAttribute('aria-multiline', 'true');
quill.root.setAttribute('aria-placeholder', 'What do you want to talk about?');

const mode = mediaMode();
if (mode === 'none') document.querySelector('.share-creation-state__additional-media').remove();
else {
  // LinkedIn keeps the alternative text in its image editor; the preview does not expose it.
  const media = document.querySelector('.share-creation-state__additional-media');
  media.hidden = false;
  const img = media.querySelector('img');
  img.src = PHOTO_URL;
}

document.querySelector('.share-actions__primary-action').addEventListener('click', post);
installHooks('linkedin', 'quill', () => quill.getText().replace(/\n$/, ''));
