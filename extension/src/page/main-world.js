// MAIN-world helper (declared with world: "MAIN" on the supported sites). It only runs the
// second-chance ways of applying a suggestion that need the page's own JavaScript world:
//   - Quill v1 (LinkedIn): the editor's API on `.ql-container.__quill`;
//   - synthetic `beforeinput` / `paste` events carrying a DataTransfer (Firefox delivers an empty
//     DataTransfer when the event is built in the content script's world).
// The content script asks by dispatching a "tonecheck:apply" CustomEvent on the editor element
// (detail = JSON string); the answer is a "tonecheck:applied" event on the same element, sent
// synchronously. The page could forge either event, so the content script never trusts the
// answer: it re-reads the editor text to see whether the change took. Nothing here reads or
// sends text anywhere.
(() => {
  if (window.__tonecheckMainWorld) return;
  Object.defineProperty(window, "__tonecheckMainWorld", { value: true });

  const reply = (el, result) => {
    el.dispatchEvent(new CustomEvent("tonecheck:applied", { detail: JSON.stringify(result) }));
  };

  const dataTransfer = (text) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", text);
    return dt;
  };

  const quillOf = (el) => {
    const container = el.closest(".ql-container") || (el.parentElement && el.parentElement.closest(".ql-container"));
    return container && container.__quill ? container.__quill : null;
  };

  window.addEventListener(
    "tonecheck:apply",
    (event) => {
      const el = event.target;
      if (!(el instanceof Element)) return;
      let req;
      try {
        req = JSON.parse(event.detail);
      } catch {
        return;
      }
      if (!req || typeof req.text !== "string") return;
      try {
        if (req.action === "quill") {
          const q = quillOf(el);
          if (!q) return reply(el, { ok: false, reason: "no-quill" });
          if (q.getText(req.offset, req.length) !== req.problem) return reply(el, { ok: false, reason: "moved" });
          // Its own undo step: Quill's history merges changes made within `delay` (1 s) of the
          // last keystroke, so without the cutoffs Ctrl+Z would undo the typing too.
          const history = q.history || (q.getModule && q.getModule("history"));
          if (history && typeof history.cutoff === "function") history.cutoff();
          q.deleteText(req.offset, req.length, "user");
          q.insertText(req.offset, req.text, "user");
          if (history && typeof history.cutoff === "function") history.cutoff();
          return reply(el, { ok: true });
        }
        if (req.action === "beforeinput") {
          const ev = new InputEvent("beforeinput", {
            inputType: "insertReplacementText", data: req.text, dataTransfer: dataTransfer(req.text), bubbles: true, cancelable: true, composed: true,
          });
          el.dispatchEvent(ev);
          return reply(el, { ok: ev.defaultPrevented });
        }
        if (req.action === "paste") {
          const ev = new ClipboardEvent("paste", { clipboardData: dataTransfer(req.text), bubbles: true, cancelable: true, composed: true });
          el.dispatchEvent(ev);
          return reply(el, { ok: ev.defaultPrevented });
        }
      } catch (e) {
        return reply(el, { ok: false, reason: "error" });
      }
      return undefined;
    },
    true,
  );
})();
