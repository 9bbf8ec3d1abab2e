/** A small PNG reader for tests: checks signature and chunk CRCs, and decodes 8-bit RGBA (all five filters). */
import { inflateSync } from 'node:zlib';
import { crc32, PNG_SIGNATURE, type Image } from '../../../../adapters/teams/icons.js';

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function unfilter(raw: Buffer, width: number, height: number): Uint8Array {
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (out[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

export function decodePng(file: Buffer): Image {
  if (!file.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const body = file.subarray(offset + 4, offset + 8 + length);
    if (crc32(body) !== file.readUInt32BE(offset + 8 + length)) throw new Error(`bad CRC in ${type}`);
    const content = body.subarray(4);
    if (type === 'IHDR') {
      width = content.readUInt32BE(0);
      height = content.readUInt32BE(4);
      if (content[8] !== 8 || content[9] !== 6 || content[12] !== 0) throw new Error('expected 8-bit RGBA, not interlaced');
    }
    if (type === 'IDAT') data.push(content);
    offset += 12 + length;
  }
  return { width, height, rgba: unfilter(inflateSync(Buffer.concat(data)), width, height) };
}
