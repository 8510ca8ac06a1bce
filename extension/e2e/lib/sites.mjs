// The composer fixtures: which page each host name serves, and which editor framework it runs.
// Host names are the real ones the extension's manifest matches, so its real content-script matches run.

/** @type {Record<string, {hosts: string[], path: string, editor: string, platform: string | null}>} */
export const SITES = {
  x: { hosts: ['x.com', 'twitter.com'], path: '/compose/post', editor: 'draft', platform: 'x' },
  linkedin: { hosts: ['www.linkedin.com'], path: '/feed/', editor: 'quill', platform: 'linkedin' },
  facebook: { hosts: ['www.facebook.com'], path: '/', editor: 'lexical', platform: 'facebook' },
  instagram: { hosts: ['www.instagram.com'], path: '/create/details/', editor: 'lexical', platform: 'instagram' },
  threads: { hosts: ['www.threads.com', 'www.threads.net'], path: '/', editor: 'lexical', platform: 'threads' },
  mastodon: { hosts: ['mastodon.social'], path: '/home', editor: 'textarea', platform: 'mastodon' },
  bluesky: { hosts: ['bsky.app'], path: '/', editor: 'prosemirror', platform: 'bluesky' },
  // Self-hosted sites the user grants in the options page (optional host permission): the generic adapters.
  'generic-textarea': { hosts: ['social.example.org'], path: '/compose', editor: 'textarea', platform: null },
  'generic-contenteditable': { hosts: ['write.example.net'], path: '/new', editor: 'contenteditable', platform: null },
};

/** Host name → fixture name. */
export const HOST_TO_SITE = Object.fromEntries(
  Object.entries(SITES).flatMap(([name, s]) => s.hosts.map((h) => [h, name])),
);

export const ALL_HOSTS = Object.keys(HOST_TO_SITE);

/** The page URL of a fixture (first host name unless `host` is given). */
export function siteUrl(name, host) {
  const s = SITES[name];
  if (!s) throw new Error(`unknown fixture ${name}`);
  return `https://${host ?? s.hosts[0]}${s.path}`;
}
