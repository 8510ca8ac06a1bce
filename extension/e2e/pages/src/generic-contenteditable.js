// A self-hosted site the user granted: a bare contenteditable (the DOM is the model).
import { installHooks, post } from './common.js';

const box = document.querySelector('#editor');
document.querySelector('#publish').addEventListener('click', post);
installHooks('generic-contenteditable', 'contenteditable', () => box.innerText.replace(/\n$/, ''));
