/** Region ids of instrument `index` (0-based; ids count from 1): `i1-face`, `i1-needle-1`, `i1-label-3`… */
export function instrumentIds(index: number) {
  const p = `i${index + 1}`;
  return {
    instrument: p,
    face: `${p}-face`,
    hub: `${p}-hub`,
    unit: `${p}-unit`,
    title: `${p}-title`,
    note: `${p}-note`,
    /** Numbered tick `k` (0 at the scale's minimum), or a clock's numeral for hour `k`. */
    label: (k: number) => `${p}-label-${k}`,
    zone: (k: number) => `${p}-zone-${k + 1}`,
    needle: (k: number) => `${p}-needle-${k + 1}`,
    swatch: (k: number) => `${p}-swatch-${k + 1}`,
    keyLabel: (k: number) => `${p}-key-${k + 1}`,
    hourHand: `${p}-hour-hand`,
    minuteHand: `${p}-minute-hand`,
    secondHand: `${p}-second-hand`,
  };
}

/** Roman numerals of the hours, as clock faces print them (IIII is left to tower clocks). */
export const romanNumerals = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

/** A scale number as printed: the scale's decimals, no float noise. */
export function formatScaleValue(value: number, decimals: number): string {
  return value.toFixed(decimals);
}
