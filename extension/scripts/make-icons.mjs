// Draws the toolbar icons (icons/icon-{16,32,48,128}.png) with no dependencies: a blue rounded
// square with a white check mark and a speech-bubble tail. Run: npm run icons
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x += 1) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

// Coverage of a shape at pixel (x, y), 4x4 supersampled; shapes in unit coordinates [0,1].
function coverage(size, x, y, inside) {
  let n = 0;
  for (let i = 0; i < 4; i += 1) for (let j = 0; j < 4; j += 1) if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) n += 1;
  return n / 16;
}
const roundRect = (u, v, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(u, x0 + r), x1 - r);
  const cy = Math.min(Math.max(v, y0 + r), y1 - r);
  return (u - cx) ** 2 + (v - cy) ** 2 <= r * r && u >= x0 && u <= x1 && v >= y0 && v <= y1;
};
const distToSegment = (u, v, ax, ay, bx, by) => {
  const t = Math.max(0, Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay)));
};
const bubble = (u, v) =>
  roundRect(u, v, 0.04, 0.04, 0.96, 0.8, 0.2) || (v >= 0.7 && v <= 0.97 && u >= 0.18 && u <= 0.42 && u - 0.18 <= (0.97 - v) * 0.9);
const check = (u, v) => distToSegment(u, v, 0.27, 0.43, 0.44, 0.6) <= 0.075 || distToSegment(u, v, 0.44, 0.6, 0.74, 0.27) <= 0.075;

const BLUE = [26, 95, 208];
const here = fileURLToPath(new URL("../icons/", import.meta.url));
mkdirSync(here, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const data = png(size, (x, y) => {
    const b = coverage(size, x, y, bubble);
    if (b === 0) return [0, 0, 0, 0];
    const c = coverage(size, x, y, check);
    const mix = (i) => Math.round(BLUE[i] * (1 - c) + 255 * c);
    return [mix(0), mix(1), mix(2), Math.round(255 * b)];
  });
  writeFileSync(`${here}icon-${size}.png`, data);
  console.log(`icons/icon-${size}.png ${data.length} bytes`);
}
