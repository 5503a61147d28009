/**
 * Colours with plain names, for scenarios whose questions name the colours they draw ("the
 * obstacle area is olive green"), and the measures that keep two colours apart: WCAG contrast
 * (light against dark) and CIELAB difference (any two hues).
 */

/** A colour with the name a question calls it by. */
export interface NamedColour {
  /** Lowercase plain English, such as `olive green`. */
  name: string;
  /** `#rrggbb`. */
  hex: string;
}

/**
 * The named palette: light tints, dark shades and saturated hues, each typical of its name and
 * no two so close that one name would do for both. Fixed order: scenarios pick by index.
 */
export const namedColours: readonly NamedColour[] = Object.freeze(
  (
    [
      ['white', '#ffffff'],
      ['cream', '#fff5cc'],
      ['light gray', '#cccccc'],
      ['light blue', '#a9d4f5'],
      ['light green', '#b5e8a8'],
      ['pale yellow', '#fbf3a0'],
      ['lavender', '#d9ccf2'],
      ['pink', '#f9c0d0'],
      ['peach', '#ffd3ad'],
      ['black', '#000000'],
      ['dark gray', '#4d4d4d'],
      ['navy blue', '#1c2e6b'],
      ['dark green', '#1f5a32'],
      ['olive green', '#6b7b2b'],
      ['brown', '#7a4a22'],
      ['maroon', '#7d1628'],
      ['dark purple', '#4a2470'],
      ['teal', '#0f7c7c'],
      ['red', '#e3262e'],
      ['orange', '#f5820d'],
      ['yellow', '#f7d81e'],
      ['green', '#2ea84a'],
      ['blue', '#2167d8'],
      ['purple', '#8e44c4'],
      ['magenta', '#d92fa3'],
      ['cyan', '#19c3d6'],
    ] as const
  ).map(([name, hex]) => Object.freeze({ name, hex })),
);

/** The named colour called `name`; throws an Error listing the names when there is none. */
export function namedColour(name: string): NamedColour {
  const found = namedColours.find((colour) => colour.name === name);
  if (found === undefined) throw new Error(`unknown colour '${name}'; named colours: ${namedColours.map((c) => c.name).join(', ')}`);
  return found;
}

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

/** CIELAB chroma of a `#rrggbb` colour: 0 for greys, 40 and more for clearly coloured hues. */
export function chroma(hex: string): number {
  const [, a, b] = toLab(hex);
  return Math.hypot(a, b);
}

/** Black or white, whichever has the higher contrast on `background` (at least 4.58:1 for any colour). */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}
