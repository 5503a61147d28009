import { describe, expect, it } from 'vitest';
import { decodePng, modalColour, pixelHex } from '../decode-png.js';
import { encodePng } from '../encode-png.js';
import { createPen } from '../pen.js';
import { rasterize, renderImage } from '../rasterize.js';
import { toSvg } from '../svg.js';
import { getTheme } from '../themes.js';

/** A 20×10 PNG, red on the left half and blue on the right, drawn by resvg itself. */
const halves = rasterize(
  '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="10" height="10" fill="#ff0000"/><rect x="10" width="10" height="10" fill="#0000ff"/></svg>',
);

describe('pen.image', () => {
  it('draws a PNG into its box, stretched, under and over other shapes in list order', () => {
    const pen = createPen({ width: 100, height: 80, theme: getTheme('light') });
    pen.image(halves, 30, 40, 40, 20, { id: 'chart' });
    pen.rect(60, 40, 10, 10, { fill: '#00ff00' });
    const pixels = decodePng(renderImage(pen).png);
    expect(pixelHex(pixels, 35, 45)).toBe('#ff0000');
    expect(pixelHex(pixels, 55, 55)).toBe('#0000ff');
    expect(pixelHex(pixels, 65, 45)).toBe('#00ff00');
    expect(pixelHex(pixels, 10, 10)).toBe(getTheme('light').background.toLowerCase());
    expect(pen.regions().get('chart')).toEqual({ x: 30, y: 40, width: 40, height: 20 });
  });

  it('depends on the pixels, not on how the PNG was compressed', () => {
    const draw = (png: Uint8Array) => {
      const pen = createPen({ width: 60, height: 30 });
      pen.image(png, 5, 5, 20, 10);
      return renderImage(pen).png;
    };
    // The same pixels, stored with no compression at all (a hand-made PNG of stored blocks).
    const stored = storedPng(decodePng(halves));
    expect(Buffer.from(stored).equals(halves)).toBe(false);
    expect(draw(stored).equals(draw(halves))).toBe(true);
  });

  it('takes PNGs from encodePng, which round-trip through the decoder pixel for pixel', () => {
    const pixels = decodePng(halves);
    const encoded = encodePng(pixels);
    expect(decodePng(encoded)).toEqual(pixels);
    const draw = (png: Uint8Array) => {
      const pen = createPen({ width: 60, height: 30 });
      pen.image(png, 5, 5, 20, 10);
      return renderImage(pen).png;
    };
    expect(draw(encoded).equals(draw(halves))).toBe(true);
    expect(() => encodePng({ width: 2, height: 2, rgba: new Uint8Array(15) })).toThrow('expected 16 RGBA bytes, got 15');
    expect(() => encodePng({ width: 0, height: 2, rgba: new Uint8Array(0) })).toThrow('positive integers');
  });

  it('is kept as it is by the hand-drawn backend', () => {
    const pen = createPen({ width: 60, height: 30 });
    pen.image(halves, 5, 5, 20, 10);
    expect(toSvg(pen, { style: 'sketch' })).toBe(toSvg(pen));
  });

  it('rejects bytes that are not a PNG and bad boxes, naming the argument', () => {
    const pen = createPen({ width: 60, height: 30 });
    expect(() => pen.image(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 0, 0, 5, 5)).toThrow('pen.image: png must be the bytes of a PNG file');
    expect(() => pen.image(halves, Number.NaN, 0, 5, 5)).toThrow(/image.*x/);
    expect(() => pen.image(halves, 0, 0, -5, 5)).toThrow(/image.*width/);
  });
});

describe('pen.region', () => {
  it('names an area without drawing anything', () => {
    const pen = createPen({ width: 60, height: 30, theme: getTheme('light') });
    pen.image(halves, 0, 0, 60, 30, { id: 'chart' });
    const before = toSvg(pen);
    pen.region('bar-1', { x: 10, y: 5, width: 4.5, height: 20 });
    expect(toSvg(pen)).toBe(before);
    expect(pen.regions().get('bar-1')).toEqual({ x: 10, y: 5, width: 4.5, height: 20 });
  });

  it('rejects a repeated id and a bad box, naming the field', () => {
    const pen = createPen({ width: 60, height: 30 });
    pen.region('a', { x: 0, y: 0, width: 1, height: 1 });
    expect(() => pen.region('a', { x: 0, y: 0, width: 1, height: 1 })).toThrow("duplicate id 'a'");
    expect(() => pen.region('b', { x: 0, y: 0, width: -1, height: 1 })).toThrow(/region.*box\.width/);
    expect(() => pen.region('', { x: 0, y: 0, width: 1, height: 1 })).toThrow('pen.region: id must be a non-empty string');
  });

  it('carries a raster text with its font size, and a slice with its sweep', () => {
    const pen = createPen({ width: 60, height: 30 });
    pen.region('tick', { x: 0, y: 0, width: 10, height: 8 }, { text: '40', fontSize: 11, class: 'text' });
    pen.region('slice', { x: 0, y: 0, width: 20, height: 20 }, { sweep: 0.25 });
    expect(pen.shapes.map((s) => (s.kind === 'region' ? [s.text, s.fontSize, s.sweep, s.class] : []))).toEqual([
      ['40', 11, undefined, 'text'],
      [undefined, undefined, 0.25, undefined],
    ]);
    expect(() => pen.region('c', { x: 0, y: 0, width: 1, height: 1 }, { fontSize: 11 })).toThrow("fontSize is the size of a text, but region 'c' has no text");
    expect(() => pen.region('d', { x: 0, y: 0, width: 1, height: 1 }, { text: 'x', fontSize: 0 })).toThrow(/region.*fontSize/);
    expect(() => pen.region('e', { x: 0, y: 0, width: 1, height: 1 }, { sweep: 1.5 })).toThrow('sweep must be a share of a full turn in [0, 1], got 1.5');
  });
});

/** A PNG of RGBA pixels written with deflate's stored blocks: valid, and unlike any compressor's output. */
function storedPng({ width, height, rgba }: { width: number; height: number; rgba: Uint8Array }): Uint8Array {
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) Buffer.from(rgba.subarray(y * width * 4, (y + 1) * width * 4)).copy(raw, y * (width * 4 + 1) + 1);
  const blocks: Buffer[] = [Buffer.from([0x78, 0x01])];
  for (let offset = 0; offset < raw.length; offset += 65535) {
    const part = raw.subarray(offset, offset + 65535);
    const header = Buffer.alloc(5);
    header[0] = offset + 65535 >= raw.length ? 1 : 0;
    header.writeUInt16LE(part.length, 1);
    header.writeUInt16LE(~part.length & 0xffff, 3);
    blocks.push(header, part);
  }
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((b << 16) | a) >>> 0);
  blocks.push(adler);
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.concat(blocks)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('modalColour', () => {
  const pixels = decodePng(Buffer.from(halves));
  it('is the commonest colour of the pixels inside a box, clipped to the image', () => {
    expect(modalColour(pixels, { x: 0, y: 0, width: 14, height: 10 })).toBe('#ff0000');
    expect(modalColour(pixels, { x: 6, y: 0, width: 14, height: 10 })).toBe('#0000ff');
    expect(modalColour(pixels, { x: 15, y: -5, width: 30, height: 30 })).toBe('#0000ff');
  });

  it('is undefined for a box that holds no pixel', () => {
    expect(modalColour(pixels, { x: 2.2, y: 2.2, width: 0.5, height: 0.5 })).toBeUndefined();
    expect(modalColour(pixels, { x: 30, y: 0, width: 5, height: 5 })).toBeUndefined();
  });
});
