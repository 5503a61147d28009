import { chroma, colourDifference, contrastRatio, namedColour, namedColours, relativeLuminance, textColourOn } from '@absynth/render';
import { describe, expect, it } from 'vitest';

// The named palette lives in @absynth/render (re-exported by core); road maps are its first user.
describe('the named palette', () => {
  it('has at least 20 colours with unique plain names and #rrggbb values', () => {
    expect(namedColours.length).toBeGreaterThanOrEqual(20);
    expect(new Set(namedColours.map((c) => c.name)).size).toBe(namedColours.length);
    expect(new Set(namedColours.map((c) => c.hex)).size).toBe(namedColours.length);
    for (const c of namedColours) {
      expect(c.name).toMatch(/^[a-z]+(?: [a-z]+)?$/);
      expect(c.hex).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(namedColour('olive green').hex).toBe('#6b7b2b');
    expect(() => namedColour('chartreuse')).toThrow(/unknown colour 'chartreuse'; named colours: white, cream/);
  });

  it('keeps every two colours apart (CIE76 difference above 15)', () => {
    for (const a of namedColours) {
      for (const b of namedColours) if (a !== b) expect(colourDifference(a.hex, b.hex), `${a.name} / ${b.name}`).toBeGreaterThan(15);
    }
  });

  it('measures contrast the WCAG way', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // #767676 is the lightest grey that passes 4.5:1 on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(() => contrastRatio('red', '#ffffff')).toThrow(/not a #rrggbb colour: red/);
  });

  it('tells greys from colours, and picks black or white text', () => {
    expect(chroma('#808080')).toBeLessThan(1);
    expect(chroma(namedColour('red').hex)).toBeGreaterThan(55);
    expect(colourDifference('#000000', '#ffffff')).toBeCloseTo(100, 0);
    expect(textColourOn('#ffffff')).toBe('#000000');
    expect(textColourOn('#1c2e6b')).toBe('#ffffff');
    for (const c of namedColours) expect(contrastRatio(textColourOn(c.hex), c.hex)).toBeGreaterThanOrEqual(4.5);
  });
});
