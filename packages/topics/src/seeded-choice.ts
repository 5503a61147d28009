/** The seeded randomness the library needs; `@absynth/core`'s `Rng` satisfies it, so do test generators. */
export interface SeededChoice {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One item of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}
