/**
 * Mulberry32: a small, fast, seeded pseudo-random generator. The same seed gives the same
 * sequence on every run and machine, so generated test and benchmark data is reproducible.
 * Returns numbers in [0, 1). Not for anything secret (tokens come from lib/tokens.ts).
 */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
