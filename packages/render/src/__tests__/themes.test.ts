import { describe, expect, it } from 'vitest';
import { defaultTheme, getTheme, themeNames, themes } from '../themes.js';

function channels(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [Number.parseInt(match[1]!, 16), Number.parseInt(match[2]!, 16), Number.parseInt(match[3]!, 16)];
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, from 1 (none) to 21. */
function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** CIE76 colour difference in CIELAB (D65). */
function deltaE(a: string, b: string): number {
  const lab = (hex: string) => {
    const [r, g, bl] = channels(hex).map(linear) as [number, number, number];
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047);
    const y = f(0.2126 * r + 0.7152 * g + 0.0722 * bl);
    const z = f((0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)] as const;
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe('contrast helpers', () => {
  it('match the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(deltaE('#123456', '#123456')).toBe(0);
  });
});

describe('themes', () => {
  it('has at least six named themes with distinct backgrounds', () => {
    expect(themeNames.length).toBeGreaterThanOrEqual(6);
    expect(themeNames).toEqual(expect.arrayContaining(['light', 'dark', 'paper', 'blueprint', 'pastel', 'contrast']));
    for (const name of themeNames) expect(themes[name]!.name).toBe(name);
    expect(new Set(themeNames.map((name) => themes[name]!.background)).size).toBe(themeNames.length);
  });

  describe.each(themeNames)('%s', (name) => {
    const theme = getTheme(name);

    it('keeps text and accents readable on the background', () => {
      expect(contrastRatio(theme.foreground, theme.background)).toBeGreaterThanOrEqual(7);
      expect(contrastRatio(theme.accent, theme.background)).toBeGreaterThanOrEqual(3);
      // Muted lines must show but recede behind the foreground.
      expect(contrastRatio(theme.muted, theme.background)).toBeGreaterThanOrEqual(1.8);
      expect(contrastRatio(theme.muted, theme.background)).toBeLessThan(contrastRatio(theme.foreground, theme.background));
    });

    it('has at least 8 palette colours, each clearly visible on the background', () => {
      expect(theme.palette.length).toBeGreaterThanOrEqual(8);
      for (const colour of theme.palette) {
        expect(contrastRatio(colour, theme.background), `${colour} on ${theme.background}`).toBeGreaterThanOrEqual(3);
      }
    });

    it('has palette colours clearly distinct from each other, with a name each', () => {
      for (const [i, a] of theme.palette.entries()) {
        for (const b of theme.palette.slice(i + 1)) expect(deltaE(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(20);
      }
      expect(theme.paletteNames).toHaveLength(theme.palette.length);
      expect(new Set(theme.paletteNames).size).toBe(theme.palette.length);
    });

    it('has a bundled font and a positive line width', () => {
      expect(['sans', 'serif', 'mono']).toContain(theme.font);
      expect(theme.lineWidth).toBeGreaterThan(0);
    });

    it('cannot be changed by a caller', () => {
      expect(Object.isFrozen(theme)).toBe(true);
      expect(Object.isFrozen(theme.palette)).toBe(true);
    });
  });

  it('uses more than one font family and line weight across themes', () => {
    expect(new Set(themeNames.map((name) => themes[name]!.font)).size).toBeGreaterThan(1);
    expect(new Set(themeNames.map((name) => themes[name]!.lineWidth)).size).toBeGreaterThan(1);
  });
});

describe('getTheme', () => {
  it('returns the named theme and defaults to light', () => {
    expect(getTheme('dark')).toBe(themes.dark);
    expect(defaultTheme).toBe(themes.light);
  });

  it('names the unknown theme and lists the allowed ones', () => {
    expect(() => getTheme('neon')).toThrow("unknown theme 'neon'; allowed themes: light, dark, paper, blueprint, pastel, contrast");
    expect(() => getTheme('toString')).toThrow("unknown theme 'toString'");
  });
});
