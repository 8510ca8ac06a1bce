// Extension latency bench (not a test: prints figures, asserts nothing). Run: make bench-extension
//
// 1. Debounce end → hints visible: 20 edits per composer on a warm local `tonecheck serve`. Read from the content
//    script's performance marks (enabled by chrome.storage.local.perfMarks): `tonecheck:debounce-end`,
//    `tonecheck:response` (report arrived in the page), `tonecheck:highlights` (highlights + live region committed);
//    "frame" adds the wait for the next rendered frame (double requestAnimationFrame after the highlights mark).
// 2. Typing cost on a 3,000-character LinkedIn (Quill) post: the `tonecheck:input` measures around the content
//    script's input handler, and, independently of the extension's own marks, the renderer main-thread script time per
//    keystroke (CDP Performance.getMetrics ScriptDuration) with the extension loaded minus without it.
import { buildFixtures } from './build.mjs';
import { launch, openSite, typeDraft } from './lib/harness.mjs';
import { waitState } from './lib/ext.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] : NaN; // nearest rank
};
const median = (xs) => pct(xs, 50);
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

const POST = 'Proud of our volunteers 🎉 The #springfair raised £4,210 for the food bank this weekend. Thank you to everyone who came.';

/** In the page: after each highlights mark, note the next rendered frame (double rAF). */
async function observeFrames(page) {
  await page.evaluate(() => {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name !== 'tonecheck:highlights') continue;
        const v = e.detail?.version;
        requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('bench:frame', { detail: { version: v } })));
      }
    }).observe({ type: 'mark', buffered: false });
  });
}

async function latestVersion(page) {
  return page.evaluate(() => Math.max(0, ...performance.getEntriesByName('tonecheck:highlights').map((e) => e.detail?.version ?? 0)));
}

async function latency(env, site) {
  const { page } = await openSite(env, site);
  await observeFrames(page);
  await typeDraft(page, site, POST);
  await waitState(page, 'ready');
  const rows = [];
  const words = ['today', 'again', 'soon', 'here', 'now'];
  for (let i = 0; i < RUNS + 3; i++) {
    const before = await latestVersion(page);
    await page.keyboard.type(` ${words[i % words.length]}`);
    await page.waitForFunction((v) => performance.getEntriesByName('bench:frame').some((e) => (e.detail?.version ?? 0) > v), before, { timeout: 10_000, polling: 10 });
    const r = await page.evaluate((v) => {
      const pick = (n) => performance.getEntriesByName(n).filter((e) => (e.detail?.version ?? 0) > v).at(-1);
      const end = pick('tonecheck:debounce-end');
      const res = pick('tonecheck:response');
      const hl = pick('tonecheck:highlights');
      const fr = pick('bench:frame');
      return end && hl ? { response: res ? res.startTime - end.startTime : NaN, highlights: hl.startTime - end.startTime, frame: fr ? fr.startTime - end.startTime : NaN } : null;
    }, before);
    if (r && i >= 3) rows.push(r); // the first 3 warm up the server, the worker and the page
  }
  await page.close();
  return rows;
}

function longPost(chars) {
  const sentences = [
    'We are hiring three apprentices for our digital team in Leeds, starting in January.',
    'You will work with designers, developers and the people who use our services every day.',
    'No degree needed: we care about curiosity, kindness and a wish to learn.',
    'The pay is £24,000 a year, with 30 days of leave and a four-day week in August.',
    'Ask us anything in the comments, or message Priya, who runs the programme.',
    'Applications close on 12 December and we reply to everyone within two weeks.',
  ];
  const paras = [];
  let text = '';
  let i = 0;
  while (text.length < chars - 200) {
    const p = [sentences[i % 6], sentences[(i + 1) % 6], sentences[(i + 3) % 6]].join(' ');
    paras.push(p);
    text = paras.join('\n');
    i++;
  }
  const tail = '#hiring #apprenticeships #DigitalSkills 🚀🚀🚀 click here to apply';
  paras.push(tail);
  text = paras.join('\n');
  const pad = chars - text.length;
  if (pad > 0) paras[0] = paras[0] + ' ' + 'Thank you for sharing this post with friends who might be interested.'.repeat(3).slice(0, pad - 1);
  return paras;
}

async function typingCost({ extension }) {
  const env = await launch({ extension });
  if (extension) await env.worker.evaluate(() => chrome.storage.local.set({ perfMarks: true }));
  const { page } = await openSite(env, 'linkedin');
  const paras = longPost(3000);
  const box = page.locator('.ql-editor');
  await box.click();
  for (const [i, p] of paras.entries()) {
    if (i) await page.keyboard.press('Enter');
    await page.keyboard.insertText(p);
  }
  const length = (await page.evaluate(() => window.__editorText())).length;
  if (extension) await waitState(page, 'ready', 15_000);
  // Type in the middle of the post, as a user editing it: 4 bursts of 50 keys, ~25 ms apart, with pauses past the
  // debounce between bursts (so checks and re-renders of the 3,000-character post happen while typing goes on).
  await page.evaluate(() => {
    const ed = document.querySelector('.ql-editor');
    const p = ed.children[3].firstChild;
    getSelection().collapse(p, Math.min(10, p.length));
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const t0 = await page.evaluate(() => performance.now());
  const m0 = await metric();
  let keys = 0;
  for (let burst = 0; burst < 4; burst++) {
    await page.keyboard.type('volunteers and mentors help ', { delay: 25 });
    await page.keyboard.type('every week of the scheme ', { delay: 25 });
    keys += 53;
    await page.waitForTimeout(900);
  }
  const m1 = await metric();
  const inputs = extension
    ? await page.evaluate((t0) => performance.getEntriesByName('tonecheck:input').filter((e) => e.startTime >= t0).map((e) => e.duration), t0)
    : [];
  // Main-thread work per re-check of the long post once the report is in: response → highlights committed.
  const renders = extension
    ? await page.evaluate((t0) => {
      const hl = performance.getEntriesByName('tonecheck:highlights').filter((e) => e.startTime >= t0);
      const res = performance.getEntriesByName('tonecheck:response');
      return hl.map((h) => {
        const r = res.find((x) => x.detail?.version === h.detail?.version);
        return r ? h.startTime - r.startTime : NaN;
      }).filter(Number.isFinite);
    }, t0)
    : [];
  await env.close();
  return {
    length, keys, inputs, renders,
    scriptMsPerKey: ((m1.ScriptDuration - m0.ScriptDuration) * 1000) / keys,
    taskMsPerKey: ((m1.TaskDuration - m0.TaskDuration) * 1000) / keys,
  };
}

await buildFixtures({ quiet: true });
console.log(`tonecheck extension bench — ${RUNS} runs per composer, local tonecheck serve, headless Debian chromium`);
const env = await launch();
await env.worker.evaluate(() => chrome.storage.local.set({ perfMarks: true }));
const settings = await env.worker.evaluate(() => chrome.storage.sync.get(null));
console.log(`debounce: ${settings.debounceMs ?? 'the extension\'s default'}${settings.debounceMs ? ' ms' : ''} (timed from its end)`);
console.log('\n1. debounce end → hints (ms; median / p95 / max)');
console.log('   composer    response                highlights              next frame');
for (const site of ['x', 'linkedin', 'facebook', 'mastodon', 'bluesky']) {
  const rows = await latency(env, site);
  const col = (k) => `${f1(median(rows.map((r) => r[k])))} / ${f1(pct(rows.map((r) => r[k]), 95))} / ${f1(Math.max(...rows.map((r) => r[k])))}`.padEnd(24);
  console.log(`   ${site.padEnd(12)}${col('response')}${col('highlights')}${col('frame')}  (n=${rows.length})`);
}
await env.close();

console.log('\n2. typing in a 3,000-character LinkedIn (Quill) post');
const withExt = await typingCost({ extension: true });
const without = await typingCost({ extension: false });
const inp = withExt.inputs;
console.log(`   post length ${withExt.length} UTF-16 units; ${withExt.keys} keystrokes in 4 bursts with re-checks between`);
console.log(`   input handler (tonecheck:input, ${inp.length} calls): median ${f1(median(inp))} ms, p95 ${f1(pct(inp, 95))} ms, max ${f1(Math.max(...inp))} ms (timer resolution 0.1 ms)`);
console.log(`   re-check render of the whole post (tonecheck:response → tonecheck:highlights, ${withExt.renders.length} checks): median ${f1(median(withExt.renders))} ms, max ${f1(Math.max(...withExt.renders))} ms`);
console.log(`   renderer script time per keystroke: ${withExt.scriptMsPerKey.toFixed(2)} ms with the extension, ${without.scriptMsPerKey.toFixed(2)} ms without (difference ${(withExt.scriptMsPerKey - without.scriptMsPerKey).toFixed(2)} ms, incl. re-checks; separate browser runs)`);
console.log(`   renderer task time per keystroke:   ${withExt.taskMsPerKey.toFixed(2)} ms with, ${without.taskMsPerKey.toFixed(2)} ms without`);
