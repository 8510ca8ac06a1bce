// node:test reporter (used next to `spec`) for the extension's unit tests and browser tests: lists every skipped test
// with its reason and, when TONECHECK_NO_SKIP=1 (`make test` and CI set it), fails the run: CI must run everything, so
// whatever a test needs has to be installed there. Tests left out by --test-name-pattern or `only` are not skips.
const FILTERED = new Set(['test name does not match pattern', "'only' option not set"]);

export default async function* noSkipReporter(source) {
  const skipped = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { skip, name, file } = event.data;
    if (skip === undefined || skip === false || FILTERED.has(skip)) continue;
    skipped.push(`${name}${file ? ` (${file})` : ''}: ${skip === true ? 'skipped' : skip}`);
  }
  if (skipped.length === 0) return;
  const strict = process.env.TONECHECK_NO_SKIP === '1';
  yield `\n${skipped.length} skipped test${skipped.length === 1 ? '' : 's'}${strict ? ' (TONECHECK_NO_SKIP=1: the run fails)' : ''}:\n`;
  for (const line of skipped) yield `  - ${line}\n`;
  if (strict) process.exitCode = 1;
}
