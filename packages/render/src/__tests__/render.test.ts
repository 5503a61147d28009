import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { faceMetrics } from '../metrics.js';
import { createPen } from '../pen.js';
import { Resvg } from '@resvg/resvg-js';
import { fontFiles } from '../fonts.js';
import { rasterize, renderImage } from '../rasterize.js';
import { toSvg } from '../svg.js';
import { getTheme } from '../themes.js';
import type { Box, DrawingStyle, FontFamily, Pen, TextStyle } from '../types.js';
import { decodePng, inkBounds, type Pixels } from './png.js';

const families: readonly FontFamily[] = ['sans', 'serif', 'mono'];

/** Asserts that `actual` is within `tolerance` pixels of `expected`. */
function expectNear(actual: number, expected: number, tolerance = 1.5): void {
  expect(Math.abs(actual - expected), `${actual} is not within ${tolerance} px of ${expected}`).toBeLessThanOrEqual(tolerance);
}

function sha256(png: Buffer): string {
  return createHash('sha256').update(png).digest('hex');
}

function pixelsOf(pen: Pen): Pixels {
  return decodePng(renderImage(pen).png);
}

/** A small fixed drawing that touches every shape kind and one line of text. */
function goldenPen(font: FontFamily): Pen {
  const theme = getTheme('light');
  const pen = createPen({ width: 160, height: 90, theme });
  pen.rect(8, 8, 50, 30, { fill: theme.palette[0], stroke: theme.foreground });
  pen.circle(90, 23, 15, { fill: theme.palette[1], stroke: theme.foreground });
  pen.line(120, 8, 150, 38, { stroke: theme.accent });
  pen.polygon([[120, 80], [135, 50], [150, 80]], { fill: theme.palette[2] });
  pen.text(8, 70, 'Maze 42 ok?', { font, fontSize: 16 });
  return pen;
}

// Pinned for @resvg/resvg-js 2.6.2, roughjs 4.6.6 and dejavu-fonts-ttf 2.37.3. A change of any of
// them, or of the SVG this package writes, changes the bytes: look at the new PNGs, then update.
const goldenHashes: Record<DrawingStyle, Record<FontFamily, string>> = {
  crisp: {
    sans: '88c2eed905c816ef1538ff13ece0fcc499772203d87e75f3b9805348f03be59b',
    serif: '34c0ff74981a3b709bc7700bc3e1292b2397158205aa80dbb210c7211e004fc4',
    mono: '000463e821ecfeef3afd1e973d8043c8da37adf5092e7789eb32a2438d4c63aa',
  },
  sketch: {
    sans: '54f09482db1b13d966f8928d5b1317d0ec587f9ab0340369c98550fc9587945e',
    serif: '1d4edaac2329093ad47220a7758fa506534fa5e7df2303d72b5aec66ec507c0f',
    mono: '92ea56ccb374d215fb6e26a87e5dd95bb88b57452b555ff3ece0b0d763688dbb',
  },
};

describe('golden PNGs', () => {
  for (const style of ['crisp', 'sketch'] as const) {
    for (const font of families) {
      it(`${style} drawing with ${font} text`, () => {
        const image = renderImage(goldenPen(font), { style });
        expect([image.width, image.height]).toEqual([160, 90]);
        expect(sha256(image.png)).toBe(goldenHashes[style][font]);
      });
    }
  }

  it('gives the same bytes on every call', () => {
    const svg = toSvg(goldenPen('sans'), { style: 'sketch' });
    expect(rasterize(svg).equals(rasterize(svg))).toBe(true);
  });
});

describe('bundled fonts in the PNG', () => {
  const sample = 'Hamburgefonstiv 0123';

  function textImage(style: TextStyle): { pixels: Pixels; box: Box; png: Buffer } {
    const pen = createPen({ width: 320, height: 60 });
    pen.text(10, 40, sample, { fontSize: 24, ...style }, { id: 'text' });
    const image = renderImage(pen);
    return { pixels: decodePng(image.png), box: pen.regions().get('text')!, png: image.png };
  }

  it('renders a different face for sans, serif and mono, and for bold', () => {
    const hashes = families.flatMap((font) => [sha256(textImage({ font }).png), sha256(textImage({ font, weight: 'bold' }).png)]);
    expect(new Set(hashes).size).toBe(6);
  });

  it.each(families)('puts %s ink inside the estimated text box and nowhere else', (font) => {
    for (const weight of ['normal', 'bold'] as const) {
      const { pixels, box } = textImage({ font, weight });
      const ink = inkBounds(pixels);
      expect(ink, `${font} ${weight} has ink`).toBeDefined();
      // Kerning and side bearings make the estimate approximate, by a pixel or two.
      expect(ink!.left).toBeGreaterThanOrEqual(box.x - 1);
      expect(ink!.right).toBeLessThanOrEqual(box.x + box.width + 2);
      expect(ink!.top).toBeGreaterThanOrEqual(Math.floor(box.y));
      expect(ink!.bottom).toBeLessThanOrEqual(Math.ceil(box.y + box.height));
      expect(ink!.right - ink!.left).toBeGreaterThan(box.width * 0.95);
    }
  });

  it('shows the mono face by its fixed advance: "iii" is as wide as "MMM"', () => {
    const widthOf = (font: FontFamily, text: string) => {
      const pen = createPen({ width: 200, height: 50 });
      pen.text(10, 35, `|${text}|`, { font, fontSize: 24 });
      const ink = inkBounds(pixelsOf(pen))!;
      return ink.right - ink.left;
    };
    expect(Math.abs(widthOf('mono', 'iii') - widthOf('mono', 'MMM'))).toBeLessThanOrEqual(1);
    expect(widthOf('sans', 'MMM') - widthOf('sans', 'iii')).toBeGreaterThan(20);
  });
});

describe('text placement', () => {
  const fontSize = 40;
  const x = 100;
  const y = 60;

  /** Ink bounds of a capital H drawn at (x, y) with the given anchors. */
  function inkOfH(font: FontFamily, style: TextStyle) {
    const pen = createPen({ width: 200, height: 120 });
    pen.text(x, y, 'H', { font, fontSize, ...style });
    return inkBounds(pixelsOf(pen))!;
  }

  describe.each(families)('%s', (font) => {
    const face = faceMetrics[font].normal;
    const em = fontSize / face.unitsPerEm;

    it('sits on the baseline for alphabetic, and at the ascender and descender lines for top and bottom', () => {
      expectNear(inkOfH(font, { baseline: 'alphabetic' }).bottom, y);
      expectNear(inkOfH(font, { baseline: 'top' }).top, y + (face.ascender - face.capHeight) * em);
      expectNear(inkOfH(font, { baseline: 'bottom' }).bottom, y - face.descender * em);
    });

    it('centres capitals on y for middle', () => {
      const ink = inkOfH(font, { baseline: 'middle' });
      expectNear((ink.top + ink.bottom) / 2, y);
    });

    it('starts, centres or ends at x by the anchor', () => {
      const start = inkOfH(font, { anchor: 'start' });
      expect(start.left).toBeGreaterThanOrEqual(x);
      expect(start.left).toBeLessThanOrEqual(x + 6);
      const middle = inkOfH(font, { anchor: 'middle' });
      expectNear((middle.left + middle.right) / 2, x);
      const end = inkOfH(font, { anchor: 'end' });
      expect(end.right).toBeLessThanOrEqual(x);
      expect(end.right).toBeGreaterThanOrEqual(x - 6);
    });
  });
});

describe('rasterize', () => {
  it('uses only the bundled fonts, never system ones', () => {
    // Many systems carry DejaVu's condensed, oblique and light faces; the bundle has none of them,
    // so asking for them must give the regular face.
    const svgWith = (attributes: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="#fff"/>` +
      `<text x="5" y="30" font-family="DejaVu Sans" font-size="24"${attributes}>Fallback</text></svg>`;
    const regular = sha256(rasterize(svgWith('')));
    for (const attributes of [' font-stretch="condensed"', ' font-style="italic"', ' font-weight="200"']) {
      expect(sha256(rasterize(svgWith(attributes))), attributes).toBe(regular);
    }
    expect(sha256(rasterize(svgWith('').replace('DejaVu Sans', 'Arial')))).toBe(regular);
  });

  it('loads only the faces a drawing uses, with the same pixels as loading them all', () => {
    const pen = createPen({ width: 240, height: 90, theme: getTheme('light') });
    pen.text(10, 30, 'Sans 42', { font: 'sans', fontSize: 20 });
    pen.text(10, 70, 'Mono 42', { font: 'mono', fontSize: 20, weight: 'bold' });
    const svg = toSvg(pen);
    const allFaces = new Resvg(svg, {
      font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
      logLevel: 'error',
    });
    expect(rasterize(svg).equals(allFaces.render().asPng())).toBe(true);
    // Text written in another form than toSvg's attributes still finds its face.
    const styled = svg.replace(/font-family="DejaVu Sans Mono"/, 'style="font-family: DejaVu Sans Mono"');
    expect(styled).not.toBe(svg);
    const styledAll = new Resvg(styled, {
      font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
      logLevel: 'error',
    });
    expect(rasterize(styled).equals(styledAll.render().asPng())).toBe(true);
  });
});

describe('renderImage', () => {
  it('returns the SVG it rasterized and a PNG of the drawing size in the theme background', () => {
    const pen = createPen({ width: 37, height: 23, theme: getTheme('dark') });
    const image = renderImage(pen, { style: 'sketch' });
    expect(image.svg).toBe(toSvg(pen, { style: 'sketch' }));
    const pixels = decodePng(image.png);
    expect([pixels.width, pixels.height]).toEqual([37, 23]);
    expect([...pixels.rgba.subarray(0, 4)]).toEqual([0x16, 0x18, 0x1d, 255]);
  });
});
