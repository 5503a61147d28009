import { namedColour } from '@absynth/render';
import type { Colour } from './scene.js';

/**
 * Named palettes of eight colours each, every colour one of render's `namedColours`, so the name
 * a question uses is the colour drawn. Only saturated, mid-tone colours are used: each stays
 * clearly visible on every theme's background, light or dark.
 */
export const palettes = {
  classic: ['blue', 'orange', 'green', 'red', 'purple', 'teal', 'magenta', 'brown'],
  vivid: ['red', 'blue', 'yellow', 'green', 'magenta', 'cyan', 'orange', 'purple'],
  earth: ['olive green', 'brown', 'teal', 'orange', 'red', 'green', 'blue', 'purple'],
  cool: ['blue', 'teal', 'purple', 'cyan', 'green', 'magenta', 'olive green', 'orange'],
} as const;

/** A palette name, such as `classic`. */
export type PaletteName = keyof typeof palettes;

/** The palette names, in a fixed order for sampling. */
export const paletteNames = Object.keys(palettes) as PaletteName[];

/** The colours of a palette, in order. */
export function paletteColours(name: PaletteName): Colour[] {
  return palettes[name].map((colourName) => {
    const { hex } = namedColour(colourName);
    return { name: colourName, hex };
  });
}

/** The least CIE76 difference between two colours of one chart (render's `colourDifference`): 40 and more reads as another colour. */
export const minColourDifference = 40;

/** Pairs of colour names a reader could take for one another (a shade and its hue): never both in one chart. */
export const confusableNames: readonly (readonly [string, string])[] = [
  ['teal', 'cyan'],
  ['green', 'olive green'],
  ['purple', 'magenta'],
  ['blue', 'purple'],
  ['brown', 'olive green'],
];

/** Eight palette colours no two of which clash (far apart, names not confusable): enough for the most slices a pie has. */
export const apartColours = ['blue', 'orange', 'green', 'red', 'teal', 'magenta', 'brown', 'yellow'] as const;
