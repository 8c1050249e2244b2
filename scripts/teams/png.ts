import { crc32, deflateSync, inflateSync } from 'node:zlib';

/**
 * Just enough PNG for the Teams app icons: writing 8-bit RGBA images, reading any PNG's header
 * (size, colour type), and decoding the 8-bit RGBA, non-interlaced kind to check pixels.
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const RGBA = 6;

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 6 = RGBA, 2 = RGB, 4 = grey + alpha, 3 = palette, 0 = grey. */
  readonly colorType: number;
  readonly interlace: number;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** Encodes `rgba` (width x height x 4 bytes, rows top to bottom) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('encodePng: wrong pixel buffer size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(RGBA, 9);
  // compression, filter method and interlace stay 0
  const rows = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    rows[y * (1 + width * 4)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(
      rows,
      y * (1 + width * 4) + 1,
    );
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function readPngHeader(png: Uint8Array): PngHeader {
  const buffer = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buffer.length < 33 || !buffer.subarray(0, 8).equals(SIGNATURE))
    throw new Error('not a PNG file');
  if (buffer.toString('ascii', 12, 16) !== 'IHDR')
    throw new Error('PNG without an IHDR chunk first');
  return {
    width: buffer.readUInt32BE(16),
    height: buffer.readUInt32BE(20),
    bitDepth: buffer.readUInt8(24),
    colorType: buffer.readUInt8(25),
    interlace: buffer.readUInt8(28),
  };
}

/** The RGBA pixels of an 8-bit RGBA, non-interlaced PNG (what encodePng writes). */
export function decodeRgbaPng(png: Uint8Array): { header: PngHeader; rgba: Uint8Array } {
  const header = readPngHeader(png);
  if (header.bitDepth !== 8 || header.colorType !== RGBA || header.interlace !== 0)
    throw new Error('decodeRgbaPng reads 8-bit RGBA non-interlaced PNGs only');
  const buffer = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const data: Buffer[] = [];
  for (let at = 8; at < buffer.length;) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') data.push(buffer.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return { header, rgba: unfilter(inflateSync(Buffer.concat(data)), header.width, header.height) };
}

function unfilter(raw: Buffer, width: number, height: number): Uint8Array {
  const stride = width * 4;
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= 4 ? (out[y * stride + x - 4] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] ?? 0) : 0;
      out[y * stride + x] = (value + predictor(filter, a, b, c)) & 0xff;
    }
  }
  return out;
}

function predictor(filter: number, a: number, b: number, c: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return Math.floor((a + b) / 2);
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default:
      throw new Error(`unknown PNG filter ${filter}`);
  }
}
