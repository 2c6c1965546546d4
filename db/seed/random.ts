/**
 * A small seeded PRNG for demo and benchmark data. Math.random cannot be seeded, and the demo must
 * come out the same for the same seed (tests compare two runs, ids included).
 */

export type Random = ReturnType<typeof createRandom>;

/** mulberry32: 32-bit state, fast, and good enough for believable fake data (not for secrets). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// byte -> two hex digits; a table because uuid() runs once per row (~175,000 times at 10,000 accounts)
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function createRandom(seed: number) {
  const next = mulberry32(seed);
  const u32 = () => Math.floor(next() * 4_294_967_296);

  /** Integer in [min, max], both ends included. */
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));

  return {
    /** Float in [0, 1). */
    next,
    int,
    /** True with probability p. */
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],

    /** Picks a key with probability proportional to its weight, e.g. { smb: 50, enterprise: 15 }. */
    // for..in rather than Object.entries: called per row, and the arrays showed up as GC time
    weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
      let total = 0;
      for (const key in weights) total += weights[key];
      let r = next() * total;
      let last = '' as K;
      for (const key in weights) {
        r -= weights[key];
        if (r < 0) return key;
        last = key;
      }
      return last;
    },

    /** A shuffled copy (Fisher-Yates); the input is left alone. */
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },

    /** A moment uniformly between two dates (from included, to excluded). */
    dateBetween: (from: Date, to: Date) =>
      new Date(from.getTime() + Math.floor(next() * Math.max(0, to.getTime() - from.getTime()))),

    /** A version-4-shaped UUID drawn from this generator, so ids repeat with the seed. */
    uuid(): string {
      const a = u32();
      const b = ((u32() & 0xffff0fff) | 0x4000) >>> 0; // version 4
      const c = ((u32() & 0x3fffffff) | 0x80000000) >>> 0; // RFC 4122 variant
      const d = u32();
      return (
        HEX[a >>> 24] + HEX[(a >>> 16) & 255] + HEX[(a >>> 8) & 255] + HEX[a & 255] + '-' +
        HEX[b >>> 24] + HEX[(b >>> 16) & 255] + '-' + HEX[(b >>> 8) & 255] + HEX[b & 255] + '-' +
        HEX[c >>> 24] + HEX[(c >>> 16) & 255] + '-' + HEX[(c >>> 8) & 255] + HEX[c & 255] +
        HEX[d >>> 24] + HEX[(d >>> 16) & 255] + HEX[(d >>> 8) & 255] + HEX[d & 255]
      );
    },
  };
}
