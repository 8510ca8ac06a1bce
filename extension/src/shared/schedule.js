// Debounce and "latest wins" request versions. Pure: timers are injectable so tests can drive them.

/**
 * A debouncer: `schedule()` (re)starts the timer; `fn` runs `delay` ms after the last call.
 * `flush()` runs a pending call now; `cancel()` drops it. The input handler only calls
 * `schedule()`, which costs one clearTimeout + one setTimeout.
 */
export function createDebouncer(fn, delay, timers = globalThis) {
  let handle = null;
  let wait = delay;
  const fire = () => {
    handle = null;
    fn();
  };
  return {
    schedule() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = timers.setTimeout(fire, wait);
    },
    cancel() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
    flush() {
      if (handle === null) return false;
      timers.clearTimeout(handle);
      fire();
      return true;
    },
    get pending() {
      return handle !== null;
    },
    setDelay(ms) {
      wait = clampDelay(ms);
    },
  };
}

/** Debounce delays outside 100–3000 ms make no sense for typing; fall back to 400. */
export function clampDelay(ms) {
  const n = Number(ms);
  if (!Number.isFinite(n)) return 400;
  return Math.min(3000, Math.max(100, Math.round(n)));
}

/**
 * Request versions for one composer. `next()` hands out a new version and makes every older one
 * stale; a response is used only while `isCurrent(version)`.
 */
export function createVersionGate() {
  let latest = 0;
  return {
    next() {
      latest += 1;
      return latest;
    },
    isCurrent(version) {
      return version === latest;
    },
    invalidate() {
      latest += 1;
    },
    get latest() {
      return latest;
    },
  };
}
