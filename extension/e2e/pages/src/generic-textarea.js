// A self-hosted site the user granted: a plain form with a <textarea> (no framework).
import { installHooks, post } from './common.js';

const ta = document.querySelector('textarea#post-body');
document.querySelector('form#compose').addEventListener('submit', (e) => { e.preventDefault(); post(); });
installHooks('generic-textarea', 'textarea', () => ta.value);
