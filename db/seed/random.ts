/**
 * A small seeded PRNG for demo and benchmark data. Math.random cannot be seeded, and the demo must
 * come out the same for the same seed (tests compare two runs, ids included).
 */

const DAY_MS = 86_400_000;

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

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

export function createRandom(seed: number) {
  const next = mulberry32(seed);

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
    weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
      const entries = Object.entries(weights) as [K, number][];
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [key, w] of entries) {
        r -= w;
        if (r < 0) return key;
      }
      return entries[entries.length - 1][0];
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

    /** A moment `min`..`max` whole days (plus a random time of day) before `now`. */
    daysAgo: (now: Date, min: number, max: number) =>
      new Date(now.getTime() - int(min, max) * DAY_MS - Math.floor(next() * DAY_MS)),

    /** A version-4-shaped UUID drawn from this generator, so ids repeat with the seed. */
    uuid(): string {
      const a = hex(next() * 4_294_967_296);
      const b = hex(next() * 4_294_967_296);
      const c = hex(next() * 4_294_967_296);
      const d = hex(next() * 4_294_967_296);
      const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
      return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
    },
  };
}
