/**
 * Annotation ids: 8 characters, a letter then letters and digits (lower case), random. Short enough to type
 * on the command line, stable for the annotation's whole life, and with 36^7 × 26 (about 2·10^12) values two
 * people annotating on two branches practically never pick the same one; `newId` also avoids ids in use.
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Source of randomness in [0, 1): injected in tests; by default crypto-quality where available. */
export type RandomSource = () => number;

export const defaultRandom: RandomSource = () => {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (c?.getRandomValues) return c.getRandomValues(new Uint32Array(1))[0]! / 0x1_0000_0000;
  return Math.random();
};

export function newId(taken: ReadonlySet<string> | ((id: string) => boolean), random: RandomSource = defaultRandom): string {
  const isTaken = typeof taken === 'function' ? taken : (id: string) => taken.has(id);
  for (let attempt = 0; attempt < 1000; attempt++) {
    let id = LETTERS[Math.floor(random() * LETTERS.length) % LETTERS.length]!;
    for (let i = 1; i < 8; i++) id += ALNUM[Math.floor(random() * ALNUM.length) % ALNUM.length]!;
    if (!isTaken(id)) return id;
  }
  throw new Error('newId: could not find a free id (is the random source constant?)');
}

/** A small deterministic random source for tests (mulberry32). */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
