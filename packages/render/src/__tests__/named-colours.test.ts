import { describe, expect, it } from 'vitest';
import { colourDifference } from '../colour-maths.js';
import { namedColour, namedColours } from '../named-colours.js';

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
});
