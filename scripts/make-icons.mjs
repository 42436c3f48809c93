// Draws the add-in icons (assets/icon-<size>.png) with no dependency beyond Node.
// The glyph: three rising bars on a brand-blue rounded square, the tallest in gold
// (a ranking). Geometry is in unit coordinates; bar edges snap to whole pixels so
// small sizes stay crisp, and every pixel is supersampled for anti-aliasing.
// usage: node scripts/make-icons.mjs   (rewrites assets/*.png)
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 64, 80, 128];
const SAMPLES = 8; // per axis, per pixel
const BRAND = [15, 108, 189, 255]; // Fluent brand blue #0F6CBD
const WHITE = [255, 255, 255, 255];
const GOLD = [255, 200, 61, 255]; // #FFC83D

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');

/** Inside a rounded rectangle [x0,x1]x[y0,y1] with corner radius r (all in pixels). */
function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The shapes of one icon, back to front, in pixel coordinates. */
function shapes(size) {
  const snap = (u) => Math.round(u * size);
  const base = snap(0.8);
  const width = snap(0.18);
  const gap = Math.max(1, snap(0.06));
  const left = Math.round((size - 3 * width - 2 * gap) / 2);
  const bars = [
    { top: 0.56, color: WHITE },
    { top: 0.4, color: WHITE },
    { top: 0.2, color: GOLD },
  ].map(({ top, color }, i) => ({
    x0: left + i * (width + gap),
    x1: left + i * (width + gap) + width,
    y0: snap(top),
    y1: base,
    r: Math.max(0.5, size * 0.03),
    color,
  }));
  return [{ x0: 0, y0: 0, x1: size, y1: size, r: size * 0.2, color: BRAND }, ...bars];
}

function colourAt(layers, x, y) {
  for (let i = layers.length - 1; i >= 0; i -= 1) {
    const s = layers[i];
    if (inRoundedRect(x, y, s.x0, s.y0, s.x1, s.y1, s.r)) return s.color;
  }
  return null;
}

/** RGBA pixels, averaged over SAMPLES x SAMPLES points with premultiplied alpha. */
function render(size) {
  const layers = shapes(size);
  const pixels = Buffer.alloc(size * size * 4);
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const c = colourAt(layers, px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          const alpha = c[3] / 255;
          r += c[0] * alpha; g += c[1] * alpha; b += c[2] * alpha; a += alpha;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
        pixels[o + 3] = Math.round((a / n) * 255);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods stay 0
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${file}`);
}
