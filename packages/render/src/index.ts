export type {
  Box,
  Drawing,
  DrawingStyle,
  FontFamily,
  Pen,
  Point,
  RenderedImage,
  RenderOptions,
  RegionOptions,
  Shape,
  ShapeOptions,
  ShapeStyle,
  SketchFill,
  TextStyle,
  Theme,
} from './types.js';
export { createPen, type PenOptions } from './pen.js';
export { measureText } from './text-metrics.js';
export { fontFaceFiles, fontFamilyNames, fontFiles } from './fonts.js';
export { defaultTheme, getTheme, themeNames, themes } from './themes.js';
export {
  channelSpread,
  chroma,
  ciede2000,
  colourDifference,
  contrastRatio,
  hueAngle,
  mixColours,
  relativeLuminance,
  rgbDistance,
  textColourOn,
  toLab,
} from './colour-maths.js';
export { type NamedColour, namedColour, namedColours } from './named-colours.js';
export { toSvg } from './svg.js';
export { rasterize, renderImage } from './rasterize.js';
export { decodePng, modalColour, type Pixels, pixelHex } from './decode-png.js';
export { encodePng } from './encode-png.js';
