import type { ResolvedTextStyle } from './text-metrics.js';
import type { ShapeStyle, TextStyle, Theme } from './types.js';

/** Font size in pixels when a text style gives none. */
export const defaultFontSize = 14;

/** A shape style with the theme's stroke width filled in when there is a stroke. */
export function resolveShapeStyle(style: ShapeStyle, theme: Theme): ShapeStyle {
  if (style.stroke === undefined || style.strokeWidth !== undefined) return style;
  return { ...style, strokeWidth: theme.lineWidth };
}

/** A text style with every default taken from the theme. */
export function resolveTextStyle(style: TextStyle, theme: Theme): ResolvedTextStyle {
  return {
    fill: style.fill ?? theme.foreground,
    fontSize: style.fontSize ?? defaultFontSize,
    font: style.font ?? theme.font,
    weight: style.weight ?? 'normal',
    anchor: style.anchor ?? 'start',
    baseline: style.baseline ?? 'alphabetic',
  };
}

/** Whether a style paints anything: a fill other than `none` or a stroke of non-zero width. */
export function isVisible(style: ShapeStyle): boolean {
  if (style.opacity === 0) return false;
  const filled = style.fill !== undefined && style.fill !== 'none';
  const stroked = style.stroke !== undefined && style.stroke !== 'none' && style.strokeWidth !== 0;
  return filled || stroked;
}
