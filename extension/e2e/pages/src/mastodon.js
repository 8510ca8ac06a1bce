// mastodon.social: a React-controlled <textarea> (AutosuggestTextarea) in form.compose-form.
import React from 'react';
import ReactDOM from 'react-dom';
import { installHooks, mediaMode, post, PHOTO_URL } from './common.js';

const h = React.createElement;
let model = '';

function Upload({ described }) {
  // Mastodon marks a missing description with an active warning button ("ALT" + warning icon).
  return h('div', { className: 'compose-form__upload' },
    h('div', { className: 'compose-form__upload__thumbnail', style: { backgroundImage: `url(${PHOTO_URL})` } },
      h('img', { src: PHOTO_URL, alt: '', hidden: true }),
      h('div', { className: 'compose-form__upload__warning' },
        h('button', { type: 'button', className: described ? 'icon-button' : 'icon-button active', title: described ? 'Edit' : 'No description added' }, 'ALT'))));
}

function ComposeForm() {
  const [text, setText] = React.useState('');
  const [cw, setCw] = React.useState('');
  const ref = React.useRef(null);
  model = text;
  const mode = mediaMode();
  const onSubmit = (e) => {
    e.preventDefault();
    // Mastodon re-syncs from the textarea in case an extension changed it without events.
    if (ref.current && ref.current.value !== text) { model = ref.current.value; setText(ref.current.value); }
    post();
  };
  return h('form', { className: 'compose-form', onSubmit },
    h('div', { className: 'spoiler-input' },
      h('input', { type: 'text', className: 'spoiler-input__input', placeholder: 'Content warning (optional)', 'aria-label': 'Content warning (optional)', value: cw, onChange: (e) => setCw(e.target.value), spellCheck: true })),
    h('div', { className: 'compose-form__highlightable' },
      h('div', { className: 'autosuggest-textarea' },
        h('label', null,
          h('span', { style: { display: 'none' } }, "What's on your mind?"),
          h('textarea', {
            ref, className: 'autosuggest-textarea__textarea', placeholder: "What's on your mind?", 'aria-autocomplete': 'list',
            value: text, onChange: (e) => { model = e.target.value; setText(e.target.value); }, dir: 'auto', lang: 'en', rows: 6,
            onKeyDown: (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSubmit(e); },
          }))),
      mode === 'none' ? null : h('div', { className: 'compose-form__uploads' }, h(Upload, { described: mode === 'alt' })),
      h('div', { className: 'compose-form__footer' },
        h('div', { className: 'compose-form__actions' },
          h('div', { className: 'compose-form__buttons' }),
          h('div', { className: 'character-counter__wrapper' }, h('span', { className: 'character-counter' }, String(500 - [...text].length))),
          h('div', { className: 'compose-form__publish' },
            h('div', { className: 'compose-form__publish-button-wrapper' },
              h('button', { type: 'submit', className: 'button' }, 'Post')))))));
}

ReactDOM.render(h(ComposeForm), document.querySelector('.drawer__inner'), () => {
  installHooks('mastodon', 'textarea', () => model);
});
