import { existsSync } from 'node:fs';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { fontFamilyNames, fontFiles } from './fonts.js';
import { toSvg } from './svg.js';
import type { Drawing, RenderedImage, RenderOptions } from './types.js';

let fontsChecked = false;

// resvg skips a missing font file without a word and then draws no text, so check once.
function requireFontFiles(): void {
  if (fontsChecked) return;
  const missing = fontFiles.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`rasterize: bundled font files are missing: ${missing.join(', ')}; reinstall dejavu-fonts-ttf`);
  fontsChecked = true;
}

const resvgOptions: ResvgRenderOptions = {
  font: {
    fontFiles: [...fontFiles],
    // System fonts differ between machines; the bundled ones make the same bytes everywhere.
    loadSystemFonts: false,
    defaultFontFamily: fontFamilyNames.sans,
    sansSerifFamily: fontFamilyNames.sans,
    serifFamily: fontFamilyNames.serif,
    monospaceFamily: fontFamilyNames.mono,
  },
  fitTo: { mode: 'original' },
  logLevel: 'error',
};

// resvg-js cannot share its font database between documents, so each call loads the six TTFs
// again; measured at about 0.25 ms, a few percent of a 512×512 render. Its native tree and
// pixmap (about 1.5 MB at 512×512) are freed by finalizers that run only between event-loop
// turns, so a long synchronous loop of renders grows memory until it awaits something.
/** The PNG of an SVG document, drawn by resvg with only the bundled fonts. */
export function rasterize(svg: string): Buffer {
  requireFontFiles();
  return new Resvg(svg, resvgOptions).render().asPng();
}

/** A drawing rendered to SVG and PNG. */
export function renderImage(drawing: Drawing, options: RenderOptions = {}): RenderedImage {
  const svg = toSvg(drawing, options);
  return { width: drawing.width, height: drawing.height, svg, png: rasterize(svg) };
}
