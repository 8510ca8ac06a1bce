// Classic content script: MV3 content scripts cannot be ES modules, so this loads the real one.
// The modules are listed in web_accessible_resources. Runs once per frame even if injected twice
// (declared + registered for a granted site).
(() => {
  if (globalThis.__tonecheckLoaded) return;
  globalThis.__tonecheckLoaded = true;
  const api = globalThis.browser ?? globalThis.chrome;
  import(api.runtime.getURL("src/content/main.js"))
    .then((m) => m.start())
    .catch(() => {
      // Never throw into the page: an extension update or a blocked module just disables hints.
    });
})();
