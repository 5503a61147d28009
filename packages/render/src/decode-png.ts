import { inflateSync } from 'node:zlib';

/** A decoded image: RGBA bytes, row by row. */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/**
 * Decodes an 8-bit, non-interlaced RGB or RGBA PNG, the kind resvg writes, for checks that read
 * pixels back (such as "the colour a question names is the colour drawn").
 */
export function decodePng(png: Buffer): Pixels {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [bitDepth, colourType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (bitDepth !== 8 || interlace !== 0 || (colourType !== 2 && colourType !== 6)) throw new Error('unsupported PNG format');
      channels = colourType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      data.push(body);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? rows[y * stride + x - channels]! : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const estimate = left + up - upLeft;
        const [dl, du, dul] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
        predictor = dl <= du && dl <= dul ? left : du <= dul ? up : upLeft;
      }
      rows[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: rows };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set(rows.subarray(i * 3, i * 3 + 3), i * 4);
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

/** The colour of the pixel at (x, y) as `#rrggbb`. */
export function pixelHex(pixels: Pixels, x: number, y: number): string {
  const i = (Math.floor(y) * pixels.width + Math.floor(x)) * 4;
  const channel = (k: number) => (pixels.rgba[i + k] as number).toString(16).padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/**
 * The commonest colour, as `#rrggbb`, of the pixels at whole coordinates inside `box` (clipped
 * to the image): the fill of a mark whose label or outline covers less of it. Undefined when the
 * box holds no pixel. Ties go to the first colour met, row by row.
 */
export function modalColour(pixels: Pixels, box: { x: number; y: number; width: number; height: number }): string | undefined {
  const counts = new Map<string, number>();
  const [x0, y0] = [Math.max(0, Math.ceil(box.x)), Math.max(0, Math.ceil(box.y))];
  const [x1, y1] = [Math.min(pixels.width, box.x + box.width), Math.min(pixels.height, box.y + box.height)];
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const hex = pixelHex(pixels, x, y);
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  let best: string | undefined;
  let most = 0;
  for (const [hex, n] of counts) if (n > most) [best, most] = [hex, n];
  return best;
}
