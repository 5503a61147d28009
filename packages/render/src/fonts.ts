import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontFamily } from './types.js';

// Resolved through the package manager rather than the system, so every machine renders with
// the same files; `dejavu-fonts-ttf` has no exports map, so its package.json is resolvable.
const fontDirectory = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The bundled TTF path of each family and weight. */
export const fontFaceFiles: Readonly<Record<FontFamily, Readonly<Record<'normal' | 'bold', string>>>> = Object.freeze({
  sans: Object.freeze({ normal: join(fontDirectory, 'DejaVuSans.ttf'), bold: join(fontDirectory, 'DejaVuSans-Bold.ttf') }),
  serif: Object.freeze({ normal: join(fontDirectory, 'DejaVuSerif.ttf'), bold: join(fontDirectory, 'DejaVuSerif-Bold.ttf') }),
  mono: Object.freeze({ normal: join(fontDirectory, 'DejaVuSansMono.ttf'), bold: join(fontDirectory, 'DejaVuSansMono-Bold.ttf') }),
});

/** Paths of every bundled TTF: regular and bold of sans, serif and mono. */
export const fontFiles: readonly string[] = Object.freeze(
  Object.values(fontFaceFiles).flatMap((weights) => [weights.normal, weights.bold]),
);

/** The family name inside each bundled TTF, as SVG `font-family` must spell it. */
export const fontFamilyNames: Readonly<Record<FontFamily, string>> = Object.freeze({
  sans: 'DejaVu Sans',
  serif: 'DejaVu Serif',
  mono: 'DejaVu Sans Mono',
});
