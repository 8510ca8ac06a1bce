// Measurement hooks for benchmarks. Off by default; on only while chrome.storage.local has
// `perfMarks: true` (so real sites cannot detect tonecheck through the performance timeline).
// When on, the content script records in the page's performance timeline (shared by the worlds,
// so a Playwright bench reads them with page.evaluate(() => performance.getEntriesByName(…))):
//   performance.measure("tonecheck:input")        each input handler run (start = its first line);
//   performance.mark("tonecheck:debounce-end")     the debounce fired; detail {version};
//   performance.mark("tonecheck:response")         the server's report reached the content script; detail {version};
//   performance.mark("tonecheck:highlights")       highlights/overlay in place and live region updated; detail {version};
//   performance.measure("tonecheck:latency")       debounce-end -> highlights of the same check.

const api = globalThis.browser ?? globalThis.chrome;

export const bench = {
  enabled: false,
  input(t0) {
    try {
      performance.measure("tonecheck:input", { start: t0, end: performance.now() });
    } catch {
      // no options form of measure()
    }
  },
  mark(name, version) {
    if (!this.enabled) return;
    try {
      performance.mark(name, { detail: { version } });
    } catch {
      // ignore
    }
  },
  measure(name, start, end) {
    if (!this.enabled) return;
    try {
      performance.measure(name, start, end);
    } catch {
      // a mark is missing (hooks turned on mid-check)
    }
  },
};

export function watchBenchFlag() {
  try {
    api.storage.local.get("perfMarks").then((v) => {
      bench.enabled = v.perfMarks === true;
    }, () => {});
    api.storage.onChanged.addListener((changes, area) => {
      if (area === "local" && changes.perfMarks) bench.enabled = changes.perfMarks.newValue === true;
    });
  } catch {
    bench.enabled = false;
  }
}
