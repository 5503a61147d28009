import { describe, expect, it } from 'vitest';
import {
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
} from '../colour-maths.js';
import { namedColour, namedColours } from '../named-colours.js';
import { themeNames, themes } from '../themes.js';

describe('contrast', () => {
  it('is measured the WCAG way', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    // #767676 is the lightest grey that passes 4.5:1 on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(() => contrastRatio('red', '#ffffff')).toThrow(/not a #rrggbb colour: red/);
  });

  it('picks black or white text, whichever contrasts more, at least 4.5:1 on every palette colour', () => {
    expect(textColourOn('#ffffff')).toBe('#000000');
    expect(textColourOn('#1c2e6b')).toBe('#ffffff');
    const backgrounds = [...namedColours.map((c) => c.hex), ...themeNames.flatMap((name) => themes[name]?.palette ?? [])];
    for (const hex of backgrounds) {
      const text = textColourOn(hex);
      const other = text === '#000000' ? '#ffffff' : '#000000';
      expect(contrastRatio(text, hex), hex).toBeGreaterThanOrEqual(Math.max(4.5, contrastRatio(other, hex)));
    }
  });
});

describe('CIELAB measures', () => {
  it('place black, white and greys on the lightness axis', () => {
    for (const [i, value] of toLab('#000000').entries()) expect(value, `black, coordinate ${i}`).toBeCloseTo(0, 10);
    expect(toLab('#ffffff')[0]).toBeCloseTo(100, 3);
    expect(colourDifference('#123456', '#123456')).toBe(0);
    expect(colourDifference('#000000', '#ffffff')).toBeCloseTo(100, 0);
  });

  it('tell greys from colours', () => {
    for (const grey of ['#000000', '#808080', '#ffffff']) expect(chroma(grey), grey).toBeLessThan(1);
    expect(chroma(namedColour('red').hex)).toBeGreaterThan(55);
  });
});

describe('mixColours', () => {
  it('mixes channel by channel, rounding, and keeps either end at share 1 and 0', () => {
    expect(mixColours('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColours('#ff0000', '#0000ff', 0.25)).toBe('#4000bf');
    expect(mixColours('#A0A7B0', '#ffffff', 1)).toBe('#a0a7b0');
    expect(mixColours('#a0a7b0', '#16181D', 0)).toBe('#16181d');
    expect(mixColours('#a0a7b0', '#ffffff', 0.55)).toBe('#cbcfd4');
  });

  it('rejects a share outside 0 to 1 and colours that are not #rrggbb', () => {
    expect(() => mixColours('#000000', '#ffffff', 1.5)).toThrow(/share must be between 0 and 1, got 1.5/);
    expect(() => mixColours('#000000', '#ffffff', Number.NaN)).toThrow(/share must be between 0 and 1/);
    expect(() => mixColours('black', '#ffffff', 0.5)).toThrow(/not a #rrggbb colour: black/);
  });
});

describe('sRGB channel measures', () => {
  it('measure the straight-line distance of the channels', () => {
    expect(rgbDistance('#000000', '#ffffff')).toBeCloseTo(441.67, 2);
    expect(rgbDistance('#102030', '#102030')).toBe(0);
    expect(rgbDistance('#000000', '#030400')).toBe(5);
    expect(rgbDistance('#ff0000', '#000000')).toBe(rgbDistance('#000000', '#ff0000'));
  });

  it('measure how far a colour is from grey by its channel spread', () => {
    expect(channelSpread('#808080')).toBe(0);
    expect(channelSpread('#ff0000')).toBe(255);
    expect(channelSpread('#d95f02')).toBe(0xd9 - 0x02);
    expect(() => channelSpread('#fff')).toThrow(/not a #rrggbb colour: #fff/);
  });
});

describe('CIEDE2000', () => {
  // Test pairs of Sharma, Wu and Dalal (2005), "The CIEDE2000 colour-difference formula".
  it.each([
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
    [[50, 2.8361, -74.02], [50, 0, -82.7485], 3.4412],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  ] as const)('%j to %j is %f', (a, b, expected) => {
    expect(ciede2000(a, b)).toBeCloseTo(expected, 4);
    expect(ciede2000(b, a)).toBeCloseTo(expected, 4);
  });

  it('is 0 for one colour, and reads hex colours', () => {
    expect(ciede2000('#3366cc', '#3366cc')).toBe(0);
    expect(ciede2000('#ff0000', '#00ff00')).toBeGreaterThan(50);
  });

  it('gives hue angles of saturated colours and 0 for greys', () => {
    expect(hueAngle('#808080')).toBe(0);
    expect(hueAngle('#e3262e')).toBeGreaterThan(20);
    expect(hueAngle('#e3262e')).toBeLessThan(50);
    expect(hueAngle('#1c2e6b')).toBeGreaterThan(250);
  });
});
