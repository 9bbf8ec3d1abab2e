/**
 * Draws the two Teams app icons and encodes them as PNG with node:zlib, so the committed PNGs can be
 * regenerated (`npx tsx adapters/teams/tools/icons.ts`) without an image editor.
 *
 * The glyph is a fork: one path splitting into two, each ending in a node, for "which way: RAG or fine-tuning".
 */
import { deflateSync } from 'node:zlib';

export const ACCENT = { r: 0x4f, g: 0x46, b: 0xe5 };

type Point = readonly [number, number];

/** The glyph in unit coordinates (0..1, y down): capsules (line segments with a radius) and discs. */
const SEGMENTS: readonly (readonly [Point, Point, number])[] = [
  [[0.5, 0.88], [0.5, 0.56], 0.075],
  [[0.5, 0.56], [0.2, 0.24], 0.075],
  [[0.5, 0.56], [0.8, 0.24], 0.075],
];
const DISCS: readonly (readonly [Point, number])[] = [
  [[0.2, 0.2], 0.14],
  [[0.8, 0.2], 0.14],
];

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideGlyph(point: Point): boolean {
  return SEGMENTS.some(([a, b, radius]) => distanceToSegment(point, a, b) <= radius) || DISCS.some(([centre, radius]) => Math.hypot(point[0] - centre[0], point[1] - centre[1]) <= radius);
}

/** Fraction of the pixel covered by the glyph (4×4 supersampling), the glyph drawn inside [inset, 1 - inset]. */
function coverage(x: number, y: number, size: number, inset: number): number {
  const scale = 1 - 2 * inset;
  let hits = 0;
  for (let sy = 0; sy < 4; sy += 1) {
    for (let sx = 0; sx < 4; sx += 1) {
      const u = ((x + (sx + 0.5) / 4) / size - inset) / scale;
      const v = ((y + (sy + 0.5) / 4) / size - inset) / scale;
      if (insideGlyph([u, v])) hits += 1;
    }
  }
  return hits / 16;
}

/** RGBA pixels, row by row. */
export interface Image {
  width: number;
  height: number;
  rgba: Uint8Array;
}

function draw(size: number, pixel: (cover: number) => [number, number, number, number], inset: number): Image {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) rgba.set(pixel(coverage(x, y, size, inset)), (y * size + x) * 4);
  }
  return { width: size, height: size, rgba };
}

/** 192×192 full-colour icon: white glyph on the accent colour, the glyph within the central area Teams keeps clear. */
export function colorIcon(): Image {
  const mix = (from: number, cover: number) => Math.round(from + (255 - from) * cover);
  return draw(192, (cover) => [mix(ACCENT.r, cover), mix(ACCENT.g, cover), mix(ACCENT.b, cover), 255], 0.25);
}

/** 32×32 outline icon: white only, on a transparent background (edges anti-aliased through alpha). */
export function outlineIcon(): Image {
  return draw(32, (cover) => [255, 255, 255, Math.round(255 * cover)], 0.06);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes 8-bit RGBA as PNG (filter type 0 on every row). */
export function encodePng(image: Image): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, adaptive filtering, no interlace
  const stride = image.width * 4;
  const raw = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y += 1) raw.set(image.rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())]);
}
