import { createHash } from 'node:crypto';

/**
 * A seeded pseudo-random generator. Every method draws from one stream, so the same calls in
 * the same order give the same values.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** `true` with probability `p`. */
  bool(p?: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One element, chosen with the given non-negative weights. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct elements in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** An independent generator derived from this one's seed and `label`; does not advance this one. */
  fork(label: string): Rng;
  /** A 32-bit unsigned integer, for seeding other libraries (such as roughjs). */
  uint32(): number;
}

/** What identifies one item's random stream. */
export interface ItemSeed {
  scenario: string;
  version: number | string;
  /** The difficulty level of the run: levels give different items for the same seed and index. */
  level: number;
  seed: number;
  index: number;
}

/**
 * The bytes hashed for an item: the UTF-8 text
 * `absynth\u0000<scenario>\u0000<version>\u0000l<level>\u0000<seed>\u0000<index>` where level, seed
 * and index are written in decimal. The SHA-256 digest of it seeds the generator.
 */
export function itemSeedKey({ scenario, version, level, seed, index }: ItemSeed): string {
  return ['absynth', scenario, String(version), `l${level}`, String(seed), String(index)].join('\u0000');
}

/**
 * The random stream of item `index` of a run: SHA-256 of {@link itemSeedKey}, whose first 16
 * bytes seed an sfc32 generator. Neighbouring seeds or indices share nothing but the hash
 * function, unlike `seed + index` seeding.
 */
export function itemRng(item: ItemSeed): Rng {
  return rngFromKey(itemSeedKey(item));
}

/** A generator seeded by the SHA-256 digest of an arbitrary string key. */
export function rngFromKey(key: string): Rng {
  const digest = createHash('sha256').update(key, 'utf8').digest();
  return new Sfc32(
    digest.readUInt32LE(0),
    digest.readUInt32LE(4),
    digest.readUInt32LE(8),
    digest.readUInt32LE(12),
    key,
  );
}

/**
 * sfc32, Chris Doty-Humphrey's Small Fast Counting generator (PractRand-clean, 128-bit state,
 * period at least 2^32). Twelve outputs are discarded after seeding to mix the state.
 */
class Sfc32 implements Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;
  readonly #key: string;

  constructor(a: number, b: number, c: number, d: number, key: string) {
    this.#a = a >>> 0;
    this.#b = b >>> 0;
    this.#c = c >>> 0;
    this.#d = d >>> 0;
    this.#key = key;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t;
  }

  next(): number {
    return this.uint32() / 4294967296;
  }

  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`rng.int needs integers min <= max, got ${min} and ${max}`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  bool(p = 0.5): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('rng.pick needs a non-empty array');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    if (items.length === 0 || items.length !== weights.length) {
      throw new RangeError('rng.weighted needs as many weights as items, and at least one');
    }
    const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
    if (!(total > 0)) throw new RangeError('rng.weighted needs a positive total weight');
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= Math.max(0, weights[i] as number);
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  sample<T>(items: readonly T[], count: number): T[] {
    if (count > items.length) throw new RangeError(`rng.sample cannot take ${count} of ${items.length} items`);
    return this.shuffle(items).slice(0, count);
  }

  fork(label: string): Rng {
    return rngFromKey(`${this.#key}\u0000${label}`);
  }
}
