import { describe, expect, it } from 'vitest';
import { colourDifference, contrastRatio } from '../colour-maths.js';
import { defaultTheme, getTheme, themeNames, themes } from '../themes.js';

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
        for (const b of theme.palette.slice(i + 1)) expect(colourDifference(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(20);
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
