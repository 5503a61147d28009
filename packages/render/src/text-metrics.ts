import { type FaceMetrics, faceMetrics } from './metrics.js';
import type { Box, FontFamily, TextStyle } from './types.js';

/** Text style with every default filled in. */
export type ResolvedTextStyle = Required<TextStyle>;

function advanceUnits(face: FaceMetrics, codePoint: number): number {
  if (codePoint >= 0x20 && codePoint <= 0x7e) return face.ascii[codePoint - 0x20] ?? face.averageAdvance;
  if (codePoint >= 0xa0 && codePoint <= 0xff) return face.latin1[codePoint - 0xa0] ?? face.averageAdvance;
  return face.averageAdvance;
}

/**
 * Estimated advance width of `text` in pixels, from the bundled faces' advance widths. Kerning
 * is ignored and characters beyond Latin-1 count as an average letter.
 */
export function measureText(text: string, fontSize: number, font: FontFamily = 'sans', weight: 'normal' | 'bold' = 'normal'): number {
  const face = faceMetrics[font][weight];
  let units = 0;
  for (const character of text) units += advanceUnits(face, character.codePointAt(0) ?? 0);
  return (units * fontSize) / face.unitsPerEm;
}

/** The baseline's y for text anchored at `y` with the given vertical anchor. */
export function baselineY(y: number, style: ResolvedTextStyle): number {
  const face = faceMetrics[style.font][style.weight];
  const em = style.fontSize / face.unitsPerEm;
  switch (style.baseline) {
    case 'alphabetic':
      return y;
    case 'top':
      return y + face.ascender * em;
    case 'bottom':
      return y - face.descender * em;
    case 'middle':
      return y + (face.capHeight * em) / 2;
  }
}

/** The estimated box of a line of text: its advance width by the font's ascender-to-descender height. */
export function textBox(x: number, y: number, text: string, style: ResolvedTextStyle): Box {
  const face = faceMetrics[style.font][style.weight];
  const em = style.fontSize / face.unitsPerEm;
  const width = measureText(text, style.fontSize, style.font, style.weight);
  const left = style.anchor === 'start' ? x : style.anchor === 'middle' ? x - width / 2 : x - width;
  return { x: left, y: baselineY(y, style) - face.ascender * em, width, height: (face.ascender + face.descender) * em };
}
