// Per editor framework, on its real host name: the whole hints flow (lib/flows.mjs) — underlines, live region,
// counter, hints list by keyboard, Escape restores focus and caret, Apply changes the editor framework's own model.
import { after, before, describe, test } from 'node:test';
import { SITES, launch } from '../lib/harness.mjs';
import { hintsFlow } from '../lib/flows.mjs';

describe('hints in each composer', { timeout: 240_000 }, () => {
  let env;
  before(async () => { env = await launch(); });
  after(async () => { await env?.close(); });

  for (const [site, { platform, editor }] of Object.entries(SITES)) {
    if (!platform) continue;
    test(`${site} (${editor}): underlines, live region, counter, keyboard list, apply`, async (t) => {
      const { applyMethod } = await hintsFlow(env, site);
      t.diagnostic(`${site}: fix applied via ${applyMethod}`);
    });
  }
});
