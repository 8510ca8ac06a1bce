// Lexical (Meta: Facebook, Instagram, Threads). Rich-text plugin + history, mounted on the page's textbox div.
import { createEditor, $getRoot, $createParagraphNode } from 'lexical';
import { registerRichText, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { installHooks } from './common.js';

/** @param {string} site @param {HTMLElement} root */
export function mountLexical(site, root) {
  const editor = createEditor({
    namespace: site,
    nodes: [HeadingNode, QuoteNode],
    onError: (e) => { throw e; },
    theme: { paragraph: 'xdj266r x11i5rnm xat24cr x1mh8g0r x16tdsg8' },
  });
  editor.setRootElement(root);
  registerRichText(editor);
  registerHistory(editor, createEmptyHistoryState(), 300);
  editor.update(() => {
    const r = $getRoot();
    if (r.isEmpty()) r.append($createParagraphNode());
  });
  installHooks(site, 'lexical', () => editor.getEditorState().read(() => $getRoot().getTextContent()));
  return editor;
}
