// bsky.app: TipTap (ProseMirror), as social-app's RichTextInputWeb (Document, Paragraph, Text, HardBreak, History, Placeholder).
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Placeholder from '@tiptap/extension-placeholder';
import { installHooks, mediaMode, post, PHOTO_URL } from './common.js';

const editor = new Editor({
  element: document.querySelector('[data-testid=composerTextInput]'),
  extensions: [
    StarterKit.configure({ heading: false, blockquote: false, bulletList: false, orderedList: false, listItem: false, codeBlock: false, code: false, horizontalRule: false, bold: false, italic: false, strike: false, link: false, underline: false }),
    Placeholder.configure({ placeholder: "What's up?" }),
  ],
  editorProps: { attributes: { class: 'ProseMirror-editor', 'aria-label': 'Rich-Text Editor', role: 'textbox', 'aria-multiline': 'true' } },
  autofocus: false,
});

const mode = mediaMode();
if (mode === 'none') document.querySelector('[data-testid=selectedPhotosView]').remove(); // no photos: no gallery in the DOM
else {
  const gallery = document.querySelector('[data-testid=selectedPhotosView]');
  gallery.hidden = false;
  gallery.querySelector('[data-testid=selectedPhotoImage]').src = PHOTO_URL;
  const btn = gallery.querySelector('[data-testid=altTextButton]');
  // A plus icon means no alt text, a check icon means it has one; the text itself lives in the alt dialog.
  btn.querySelector('.icon').textContent = mode === 'alt' ? '✓' : '+';
  btn.setAttribute('aria-label', mode === 'alt' ? 'Edit alt text' : 'Add alt text');
}
document.querySelector('[data-testid=composerPublishBtn]').addEventListener('click', post);
document.querySelector('[data-testid=composePostView]').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); post(); }
});
installHooks('bluesky', 'prosemirror', () => editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n'));
