import { fontFamilyNames } from './fonts.js';
import { sketchShape } from './sketch.js';
import { isVisible, resolveShapeStyle, resolveTextStyle } from './styles.js';
import { baselineY } from './text-metrics.js';
import { paintAttributes, pointsAttribute } from './svg-attributes.js';
import type { Drawing, RenderOptions, Shape, ShapeStyle, Theme } from './types.js';
import { escapeXml, formatNumber as n } from './xml.js';

/**
 * The SVG document of a drawing, in the crisp or the hand-drawn (`sketch`) style. Deterministic:
 * the same drawing and options give the same string.
 */
export function toSvg(drawing: Drawing, options: RenderOptions = {}): string {
  const style = options.style ?? 'crisp';
  if (style !== 'crisp' && style !== 'sketch') throw new Error(`toSvg: unknown style '${String(style)}'; allowed styles: crisp, sketch`);
  const seed = options.seed ?? 1;
  const sketchFill = options.sketchFill ?? 'solid';
  if (sketchFill !== 'solid' && sketchFill !== 'hachure') {
    throw new Error(`toSvg: unknown sketchFill '${String(sketchFill)}'; allowed: solid, hachure`);
  }
  if (!Number.isSafeInteger(seed)) throw new Error(`toSvg: seed must be an integer, got ${String(seed)}`);
  const { width, height, theme } = drawing;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}">`,
    `<rect width="${n(width)}" height="${n(height)}" fill="${escapeXml(theme.background)}"/>`,
  ];
  // Sketch jitter is seeded per shape from its position in the list, so drawing one more shape
  // does not change the strokes of the shapes before it.
  let shapeIndex = 0;
  const emit = (shape: Shape): void => {
    if (shape.kind === 'group') {
      shape.children.forEach(emit);
      return;
    }
    if (shape.kind === 'region') return;
    const index = shapeIndex++;
    if (shape.kind === 'text') parts.push(textElement(shape, theme));
    else if (shape.kind === 'image') parts.push(imageElement(shape));
    else if (style === 'sketch') parts.push(sketchShape(shape, resolveShapeStyle(shape.style, theme), seed, index, sketchFill));
    else parts.push(crispElement(shape, resolveShapeStyle(shape.style, theme)));
  };
  drawing.shapes.forEach(emit);
  parts.push('</svg>');
  return parts.join('');
}

function imageElement(shape: Extract<Shape, { kind: 'image' }>): string {
  const href = `data:image/png;base64,${Buffer.from(shape.png).toString('base64')}`;
  return `<image x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}" preserveAspectRatio="none" href="${href}"/>`;
}

function crispElement(shape: Exclude<Shape, { kind: 'group' | 'text' | 'image' | 'region' }>, style: ShapeStyle): string {
  if (!isVisible(style)) return '';
  const paint = paintAttributes(style);
  switch (shape.kind) {
    case 'rect': {
      const corner = shape.rx !== undefined && shape.rx > 0 ? ` rx="${n(shape.rx)}"` : '';
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}"${corner}${paint}/>`;
    }
    case 'line':
      return `<line x1="${n(shape.x1)}" y1="${n(shape.y1)}" x2="${n(shape.x2)}" y2="${n(shape.y2)}"${paint}/>`;
    case 'polyline':
      return `<polyline points="${pointsAttribute(shape.points)}"${paint}/>`;
    case 'polygon':
      return `<polygon points="${pointsAttribute(shape.points)}"${paint}/>`;
    case 'circle':
      return `<circle cx="${n(shape.cx)}" cy="${n(shape.cy)}" r="${n(shape.r)}"${paint}/>`;
    case 'ellipse':
      return `<ellipse cx="${n(shape.cx)}" cy="${n(shape.cy)}" rx="${n(shape.rx)}" ry="${n(shape.ry)}"${paint}/>`;
    case 'path':
      return `<path d="${escapeXml(shape.d)}"${paint}/>`;
  }
}

function textElement(shape: Extract<Shape, { kind: 'text' }>, theme: Theme): string {
  const style = resolveTextStyle(shape.style, theme);
  // The baseline is placed here from the font's metrics rather than with dominant-baseline,
  // which resvg does not follow as browsers do; the pen's text box uses the same metrics.
  const y = baselineY(shape.y, style);
  // SVG would collapse runs of spaces that the measured width counts.
  const space = /^ | $| {2}/.test(shape.text) ? ' xml:space="preserve"' : '';
  return (
    `<text x="${n(shape.x)}" y="${n(y)}" font-family="${fontFamilyNames[style.font]}" font-size="${n(style.fontSize)}"` +
    ` font-weight="${style.weight}" text-anchor="${style.anchor}" fill="${escapeXml(style.fill)}"${space}>${escapeXml(shape.text)}</text>`
  );
}
