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
