import { test, mock } from "node:test";
import assert from "node:assert/strict";
import { createDebouncer, createVersionGate, clampDelay } from "../src/shared/schedule.js";

test("debouncer runs once, delay after the last schedule()", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const fn = mock.fn();
  const d = createDebouncer(fn, 400);
  d.schedule();
  t.mock.timers.tick(300);
  d.schedule();
  t.mock.timers.tick(300);
  assert.equal(fn.mock.callCount(), 0);
  assert.equal(d.pending, true);
  t.mock.timers.tick(100);
  assert.equal(fn.mock.callCount(), 1);
  assert.equal(d.pending, false);
});

test("flush runs a pending call now; cancel drops it", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const fn = mock.fn();
  const d = createDebouncer(fn, 400);
  assert.equal(d.flush(), false);
  d.schedule();
  assert.equal(d.flush(), true);
  assert.equal(fn.mock.callCount(), 1);
  d.schedule();
  d.cancel();
  t.mock.timers.tick(1000);
  assert.equal(fn.mock.callCount(), 1);
});

test("setDelay changes the wait for the next schedule, clamped", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const fn = mock.fn();
  const d = createDebouncer(fn, 400);
  d.setDelay(150);
  d.schedule();
  t.mock.timers.tick(149);
  assert.equal(fn.mock.callCount(), 0);
  t.mock.timers.tick(1);
  assert.equal(fn.mock.callCount(), 1);
  assert.equal(clampDelay(5), 100);
  assert.equal(clampDelay(99999), 3000);
  assert.equal(clampDelay("x"), 400);
});

test("version gate: only the latest request is current", () => {
  const g = createVersionGate();
  const a = g.next();
  const b = g.next();
  assert.equal(g.isCurrent(a), false);
  assert.equal(g.isCurrent(b), true);
  g.invalidate();
  assert.equal(g.isCurrent(b), false);
});
