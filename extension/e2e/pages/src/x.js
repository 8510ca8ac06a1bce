// x.com: Draft.js inside React, shaped like X's compose modal (/compose/post).
import React from 'react';
import ReactDOM from 'react-dom';
import { Editor, EditorState, getDefaultKeyBinding } from 'draft-js';
import 'draft-js/dist/Draft.css';
import { installHooks, mediaMode, post, PHOTO_URL } from './common.js';

let current = EditorState.createEmpty();
const h = React.createElement;

function Attachments() {
  const mode = mediaMode();
  if (mode === 'none') return null;
  const described = mode === 'alt';
  // X shows an ALT badge (referenced by aria-describedby) once the image has a description, and an
  // "Add description" link otherwise; the description itself is not in the DOM outside the media editor.
  return h('div', { 'data-testid': 'attachments' },
    h('div', { className: 'r-attachment' },
      h('div', { role: 'group', 'aria-label': 'Media', 'aria-describedby': described ? 'alt-badge-0' : undefined },
        h('div', { 'data-testid': 'tweetPhoto' }, h('img', { src: PHOTO_URL, alt: 'Image', draggable: 'false', width: 120, height: 80 })),
        described ? h('div', { id: 'alt-badge-0', className: 'alt-badge' }, h('span', null, 'ALT')) : null,
        h('a', { role: 'link', href: '/compose/post/media', 'data-testid': 'altTextWrapper', 'aria-label': described ? 'Edit description' : 'Add description', onClick: (e) => e.preventDefault() },
          h('span', { 'data-testid': 'altTextLabel' }, described ? 'Edit description' : 'Add description')))));
}

function Composer() {
  const [state, setState] = React.useState(current);
  const onChange = (s) => { current = s; setState(s); };
  return h('div', { className: 'compose' },
    h('label', { 'data-testid': 'tweetTextarea_0_label' },
      h('div', { 'data-testid': 'tweetTextarea_0RichTextInputContainer' },
        h(Editor, {
          editorState: state,
          onChange,
          placeholder: 'What is happening?!',
          ariaLabel: 'Post text',
          ariaMultiLine: true,
          role: 'textbox',
          spellCheck: true,
          webDriverTestID: 'tweetTextarea_0',
          // X posts on Ctrl/Cmd+Enter from inside the editor (a Draft key command).
          keyBindingFn: (e) => (e.key === 'Enter' && (e.ctrlKey || e.metaKey) ? 'x-post' : getDefaultKeyBinding(e)),
          handleKeyCommand: (cmd) => { if (cmd === 'x-post') { post(); return 'handled'; } return 'not-handled'; },
        }))),
    h(Attachments),
    h('div', { className: 'toolbar' },
      h('button', { type: 'button', role: 'button', 'data-testid': 'tweetButton', onClick: post }, h('span', null, 'Post'))));
}

const root = document.getElementById('layers-compose');
ReactDOM.render(h(Composer), root, () => {
  installHooks('x', 'draft', () => current.getCurrentContent().getPlainText('\n'));
});
