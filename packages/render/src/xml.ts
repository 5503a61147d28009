const xmlEscapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `text` escaped for XML character data and double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => xmlEscapes[character] ?? character);
}

/**
 * A number as SVG text: rounded to 2 decimals, without `-0`, so equal drawings give equal bytes.
 * Throws on NaN and infinities, which would make the SVG unreadable.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`toSvg: cannot write the non-finite number ${value} into SVG`);
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? '0' : String(rounded);
}

/** Every number in SVG path data rounded as {@link formatNumber} does. */
export function roundPathNumbers(d: string): string {
  return d.replace(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi, (number) => formatNumber(Number(number)));
}
