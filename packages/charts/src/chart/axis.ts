import type { Axis } from './scene.js';

/** Decimal places that print every multiple of `step` exactly (2.5 → 1, 0.25 → 2, 50 → 0). */
export function stepDecimals(step: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 6;
}

/**
 * A readable axis over `[low, high]`: a step of 1, 2, 2.5 or 5 times a power of ten giving about
 * `ticks` intervals, and bounds on whole steps. With `zero`, the range includes 0 (bars start at
 * zero, so their lengths are honest).
 */
export function niceAxis(title: string, low: number, high: number, options: { zero: boolean; ticks: number }): Axis {
  let lo = options.zero ? Math.min(0, low) : low;
  let hi = options.zero ? Math.max(0, high) : high;
  if (hi - lo < 1e-9) {
    hi += 1;
    if (!options.zero) lo -= 1;
  }
  const raw = (hi - lo) / options.ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw - 1e-12) ?? 10 * magnitude);
  const decimals = stepDecimals(step);
  const round = (v: number) => Number(v.toFixed(decimals)) + 0;
  return {
    title,
    min: round(Math.floor(lo / step + 1e-9) * step),
    max: round(Math.ceil(hi / step - 1e-9) * step),
    step: round(step),
    decimals,
  };
}
