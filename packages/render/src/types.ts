/** An axis-aligned rectangle in image pixels, origin at the top left. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point as `[x, y]` in image pixels. */
export type Point = readonly [number, number];

/** The bundled font families; each maps to a TTF file shipped in an npm package. */
export type FontFamily = 'sans' | 'serif' | 'mono';

/** How shapes are stroked and filled. Colours are CSS colour strings (hex preferred). */
export interface ShapeStyle {
  /** Fill colour; `none` or absent for no fill. */
  fill?: string;
  /** Stroke colour; absent for no stroke. */
  stroke?: string;
  /** Stroke width in pixels; default the theme's `lineWidth` when a stroke is given. */
  strokeWidth?: number;
  /** Opacity from 0 to 1; default 1. */
  opacity?: number;
  /** Dash pattern in pixels, as in SVG `stroke-dasharray`. */
  dash?: readonly number[];
  /** Line cap; default `butt`. */
  lineCap?: 'butt' | 'round' | 'square';
  /** Line join; default `miter`. */
  lineJoin?: 'miter' | 'round' | 'bevel';
  /**
   * Draw without anti-aliasing, for lines and squares on whole pixels: sharper, and about a
   * third faster to rasterize. Ignored by the hand-drawn backend.
   */
  crispEdges?: boolean;
}

/** How text is drawn. */
export interface TextStyle {
  /** Text colour; default the theme's foreground. */
  fill?: string;
  /** Font size in pixels; default 14. */
  fontSize?: number;
  /** Bundled font family; default the theme's font. */
  font?: FontFamily;
  /** Font weight; default `normal`. */
  weight?: 'normal' | 'bold';
  /** Horizontal anchor of `x`; default `start`. */
  anchor?: 'start' | 'middle' | 'end';
  /**
   * Vertical anchor of `y`; default `alphabetic` (the baseline). `top` and `bottom` are the
   * font's ascender and descender lines; `middle` is halfway up the capital letters.
   */
  baseline?: 'alphabetic' | 'middle' | 'top' | 'bottom';
}

/** Options every drawing call takes. */
export interface ShapeOptions {
  /** An id that questions use to name the image region of this shape. */
  id?: string;
  /**
   * The kinds of mark this shape is, space-separated (`bar`, `node`, `dot dot-red`), so that a
   * question can say which marks it counts or whose colours it names, and the testkit can count
   * them in the drawing. Drawn nowhere.
   */
  class?: string;
}

/** Options of {@link Pen.region}. */
export interface RegionOptions {
  /** The kind of mark the region is, as for {@link ShapeOptions.class}. */
  class?: string;
  /** The text a raster library drew in the region (a chart.js tick or legend label), so that checks read it like drawn text. */
  text?: string;
  /** The font size that text was drawn at, in pixels; checks of legibility take the region's height when it is not given. */
  fontSize?: number;
  /** For a ring sector (a pie slice): the share of a full turn it spans, 0–1, as the raster library drew it. */
  sweep?: number;
}

interface ShapeBase {
  id?: string;
  /** The kind of mark, from {@link ShapeOptions.class}. */
  class?: string;
  /** The shape's bounding box, computed when it is drawn. */
  box: Box;
}

/** One entry of the display list. */
export type Shape =
  | (ShapeBase & { kind: 'rect'; x: number; y: number; width: number; height: number; rx?: number; style: ShapeStyle })
  | (ShapeBase & { kind: 'line'; x1: number; y1: number; x2: number; y2: number; style: ShapeStyle })
  | (ShapeBase & { kind: 'polyline'; points: readonly Point[]; style: ShapeStyle })
  | (ShapeBase & { kind: 'polygon'; points: readonly Point[]; style: ShapeStyle })
  | (ShapeBase & { kind: 'circle'; cx: number; cy: number; r: number; style: ShapeStyle })
  | (ShapeBase & { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number; style: ShapeStyle })
  | (ShapeBase & { kind: 'path'; d: string; style: ShapeStyle })
  | (ShapeBase & { kind: 'text'; x: number; y: number; text: string; style: TextStyle })
  | (ShapeBase & { kind: 'image'; x: number; y: number; width: number; height: number; png: Uint8Array })
  | (ShapeBase & { kind: 'region'; id: string; text?: string; fontSize?: number; sweep?: number })
  | (ShapeBase & { kind: 'group'; children: readonly Shape[] });

/**
 * The drawing surface a scenario draws on. Every call appends to a display list; nothing is
 * rasterized until the pipeline renders the list with a backend.
 */
export interface Pen {
  /** Image width in pixels. */
  readonly width: number;
  /** Image height in pixels. */
  readonly height: number;
  /** The theme the image is drawn in. */
  readonly theme: Theme;
  /** A rectangle with its top left corner at (`x`, `y`); `style.rx` rounds its corners. */
  rect(x: number, y: number, width: number, height: number, style?: ShapeStyle & { rx?: number }, options?: ShapeOptions): void;
  /** A straight line from (`x1`, `y1`) to (`x2`, `y2`). */
  line(x1: number, y1: number, x2: number, y2: number, style?: ShapeStyle, options?: ShapeOptions): void;
  /** An open line through at least two points. */
  polyline(points: readonly Point[], style?: ShapeStyle, options?: ShapeOptions): void;
  /** A closed shape through at least two points. */
  polygon(points: readonly Point[], style?: ShapeStyle, options?: ShapeOptions): void;
  /** A circle of radius `r` centred on (`cx`, `cy`). */
  circle(cx: number, cy: number, r: number, style?: ShapeStyle, options?: ShapeOptions): void;
  /** An ellipse with radii `rx` and `ry` centred on (`cx`, `cy`). */
  ellipse(cx: number, cy: number, rx: number, ry: number, style?: ShapeStyle, options?: ShapeOptions): void;
  /** An SVG path; `box` is required because the pen does not parse path data. */
  path(d: string, box: Box, style?: ShapeStyle, options?: ShapeOptions): void;
  /** One line of text anchored at (`x`, `y`) (the start of the baseline by default); its box is measured from the bundled font. */
  text(x: number, y: number, text: string, style?: TextStyle, options?: ShapeOptions): void;
  /**
   * A PNG drawn into the box (stretched to it), for content that a raster library draws, such
   * as a chart from chart.js. The final image is still one resvg rendering of the whole drawing,
   * so its bytes depend on the PNG's pixels, not on how that PNG was compressed.
   */
  image(png: Uint8Array, x: number, y: number, width: number, height: number, options?: ShapeOptions): void;
  /**
   * Names an area without drawing anything: the parts of raster content drawn with `image` (a
   * bar or a slice of a chart.js chart), so questions can refer to them like any shape.
   */
  region(id: string, box: Box, options?: RegionOptions): void;
  /** Draws what `draw` draws as one group; the group's box is the union of its children's. */
  group(id: string, draw: () => void, options?: Pick<ShapeOptions, 'class'>): void;
  /** Estimated advance width of `text` in pixels, for layout. */
  measureText(text: string, fontSize: number, font?: FontFamily, weight?: 'normal' | 'bold'): number;
  /** The display list drawn so far. */
  readonly shapes: readonly Shape[];
  /** The boxes of every shape and group drawn with an id. */
  regions(): Map<string, Box>;
}

/** Colours, font and line weight shared by everything drawn in one image. */
export interface Theme {
  /** The theme's name, as given to `--theme`. */
  name: string;
  /** Background colour painted under everything. */
  background: string;
  /** Main colour for text and lines. */
  foreground: string;
  /** Colour for secondary lines such as grid lines. */
  muted: string;
  /** Accent colour for highlights. */
  accent: string;
  /** Categorical palette, at least 8 distinct colours. */
  palette: readonly string[];
  /** Plain colour names of `palette`, entry for entry, for questions about colour. */
  paletteNames?: readonly string[];
  /** Default font family. */
  font: FontFamily;
  /** Default stroke width in pixels. */
  lineWidth: number;
}

/** A display list with the canvas it was drawn on: what a backend renders. A `Pen` is one. */
export interface Drawing {
  /** Image width in pixels. */
  readonly width: number;
  /** Image height in pixels. */
  readonly height: number;
  /** The theme the shapes were drawn in. */
  readonly theme: Theme;
  /** The display list. */
  readonly shapes: readonly Shape[];
}

/** The two SVG backends: exact geometry, or hand-drawn through roughjs. */
export type DrawingStyle = 'crisp' | 'sketch';

/** Fills of the hand-drawn backend: one jittered solid area, or pen hatching in the fill colour. */
export type SketchFill = 'solid' | 'hachure';

/** Options for turning a display list into SVG and PNG. */
export interface RenderOptions {
  /** Backend; default `crisp`. */
  style?: DrawingStyle;
  /** Seed for the hand-drawn backend's jitter; the same seed gives the same strokes. Default 1. */
  seed?: number;
  /** How the hand-drawn backend fills shapes; default `solid`, which keeps colours legible. */
  sketchFill?: SketchFill;
}

/** A rendered image. */
export interface RenderedImage {
  width: number;
  height: number;
  svg: string;
  png: Buffer;
}
