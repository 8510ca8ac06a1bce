// Builds the fixture composers into dist/ (gitignored): one bundle per site from the real npm editor frameworks.
//   dist/pages/<site>.html   the page every host of that site serves (see lib/sites.mjs)
//   dist/assets/*.js|css     bundles;  dist/assets/photo.png  the attached image
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { SITES } from './lib/sites.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = join(here, 'dist');

/** A small solid-colour PNG (no binary files in the repo). */
function png(width, height, [r, g, b]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function buildFixtures({ quiet = false } = {}) {
  const t0 = performance.now();
  await rm(DIST, { recursive: true, force: true });
  await mkdir(join(DIST, 'pages'), { recursive: true });
  await mkdir(join(DIST, 'assets'), { recursive: true });
  const names = Object.keys(SITES);
  await build({
    entryPoints: Object.fromEntries(names.map((n) => [n, join(here, 'pages', 'src', `${n}.js`)])),
    outdir: join(DIST, 'assets'),
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    logLevel: quiet ? 'error' : 'warning',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.css': 'css' },
  });
  for (const n of names) await copyFile(join(here, 'pages', `${n}.html`), join(DIST, 'pages', `${n}.html`));
  await copyFile(join(here, 'pages', 'site.css'), join(DIST, 'assets', 'site.css'));
  await writeFile(join(DIST, 'assets', 'photo.png'), png(120, 80, [200, 40, 60]));
  const files = await readdir(join(DIST, 'assets'));
  if (!quiet) console.log(`fixtures built in ${Math.round(performance.now() - t0)} ms: ${files.join(' ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildFixtures();
