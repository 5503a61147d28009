/**
 * Colour maths on `#rrggbb` colours: WCAG luminance and contrast (light against dark), CIELAB
 * difference (CIE76 and CIEDE2000), chroma and hue (any two hues, perceptually), the text colour that reads on a
 * background, mixing, and the plain sRGB channel measures. Every function throws an Error on a
 * colour that is not `#rrggbb`.
 */

function channels(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (match === null) throw new Error(`not a #rrggbb colour: ${hex}`);
  const value = Number.parseInt(match[1] as string, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of a `#rrggbb` colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, 1 (none) to 21 (black on white); 4.5 is the bar for body text. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** CIELAB (D65) coordinates `[L, a, b]` of a `#rrggbb` colour. */
export function toLab(hex: string): [number, number, number] {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** CIE76 colour difference of two `#rrggbb` colours: about 2 is just noticeable, 40 and more reads as another colour. */
export function colourDifference(a: string, b: string): number {
  const [p, q] = [toLab(a), toLab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/**
 * CIEDE2000 colour difference (Sharma, Wu and Dalal's formulation) of two `#rrggbb` colours or
 * CIELAB triples: about 1 is just noticeable, 10 and more reads as another shade, 25 and more as
 * another colour. Perceptually more even than {@link colourDifference}, above all in blues and
 * near greys.
 */
export function ciede2000(a: string | readonly [number, number, number], b: string | readonly [number, number, number]): number {
  const [l1, a1, b1] = typeof a === 'string' ? toLab(a) : a;
  const [l2, a2, b2] = typeof b === 'string' ? toLab(b) : b;
  const rad = Math.PI / 180;
  const meanC = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(meanC ** 7 / (meanC ** 7 + 25 ** 7)));
  const [ap1, ap2] = [(1 + g) * a1, (1 + g) * a2];
  const [c1, c2] = [Math.hypot(ap1, b1), Math.hypot(ap2, b2)];
  const hue = (x: number, y: number) => (x === 0 && y === 0 ? 0 : (Math.atan2(y, x) / rad + 360) % 360);
  const [h1, h2] = [hue(ap1, b1), hue(ap2, b2)];
  const dL = l2 - l1;
  const dC = c2 - c1;
  let dh = 0;
  if (c1 * c2 !== 0) dh = Math.abs(h2 - h1) <= 180 ? h2 - h1 : h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 + 360;
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh / 2) * rad);
  const meanL = (l1 + l2) / 2;
  const meanCp = (c1 + c2) / 2;
  let meanH = h1 + h2;
  if (c1 * c2 !== 0) meanH = Math.abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  const t = 1 - 0.17 * Math.cos((meanH - 30) * rad) + 0.24 * Math.cos(2 * meanH * rad) + 0.32 * Math.cos((3 * meanH + 6) * rad) - 0.2 * Math.cos((4 * meanH - 63) * rad);
  const sl = 1 + (0.015 * (meanL - 50) ** 2) / Math.sqrt(20 + (meanL - 50) ** 2);
  const sc = 1 + 0.045 * meanCp;
  const sh = 1 + 0.015 * meanCp * t;
  const rt = -2 * Math.sqrt(meanCp ** 7 / (meanCp ** 7 + 25 ** 7)) * Math.sin(60 * Math.exp(-(((meanH - 275) / 25) ** 2)) * rad);
  return Math.sqrt((dL / sl) ** 2 + (dC / sc) ** 2 + (dH / sh) ** 2 + rt * (dC / sc) * (dH / sh));
}

/** The CIELAB hue angle of a `#rrggbb` colour in degrees, 0–360 (0 for greys, whose hue means nothing: check {@link chroma} first). */
export function hueAngle(hex: string): number {
  const [, a, b] = toLab(hex);
  return Math.hypot(a, b) < 0.05 ? 0 : ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360;
}

/** CIELAB chroma of a `#rrggbb` colour: 0 for greys, 40 and more for clearly coloured hues. */
export function chroma(hex: string): number {
  const [, a, b] = toLab(hex);
  return Math.hypot(a, b);
}

/** Black or white, whichever has the higher contrast on `background` (at least 4.58:1 for any colour). */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}

/** `a` mixed with `b`, channel by channel in sRGB: `share` of `a` (0 to 1) and the rest of `b`, rounded to `#rrggbb`. */
export function mixColours(a: string, b: string, share: number): string {
  if (!(share >= 0 && share <= 1)) throw new Error(`mixColours: share must be between 0 and 1, got ${share}`);
  const [p, q] = [channels(a), channels(b)];
  const channel = (i: 0 | 1 | 2) => Math.round(p[i] * share + q[i] * (1 - share));
  return `#${((1 << 24) | (channel(0) << 16) | (channel(1) << 8) | channel(2)).toString(16).slice(1)}`;
}

/**
 * Euclidean distance of two colours' sRGB channels (0–255 each), 0 to about 441.7 (black to
 * white). Cheap but not perceptual: {@link colourDifference} says how different two colours look.
 */
export function rgbDistance(a: string, b: string): number {
  const [p, q] = [channels(a), channels(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/**
 * The largest sRGB channel minus the smallest (HSV chroma on a 0–255 scale): 0 for greys, 255
 * for pure hues. Not perceptual: {@link chroma} is the CIELAB measure.
 */
export function channelSpread(hex: string): number {
  const c = channels(hex);
  return Math.max(...c) - Math.min(...c);
}
