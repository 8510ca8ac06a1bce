// The Firefox manifest variant, derived from the Chrome manifest.json (the source of truth).

export const GECKO_ID = "tonecheck@tonecheck.invalid";

/** Firefox: event-page background, gecko id and minimum version; no Chrome-only keys. */
export function firefoxManifest(chrome) {
  const m = structuredClone(chrome);
  delete m.minimum_chrome_version;
  // Firefox MV3 runs background scripts as an event page, not a service worker.
  m.background = { scripts: [chrome.background.service_worker], type: "module" };
  m.browser_specific_settings = {
    gecko: { id: GECKO_ID, strict_min_version: "128.0", data_collection_permissions: { required: ["none"] } },
  };
  // Firefox does not support use_dynamic_url and ignores world: MAIN before 128 (our minimum).
  for (const w of m.web_accessible_resources ?? []) delete w.use_dynamic_url;
  return m;
}

