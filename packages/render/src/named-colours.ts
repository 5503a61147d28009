/**
 * Colours with plain names, for scenarios whose questions name the colours they draw ("the
 * obstacle area is olive green"). The measures that keep two colours apart are in
 * `colour-maths.ts`.
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
