/**
 * Text and bytes joined into one UTF-8 buffer, encoding each text once. `Buffer.from(text)`
 * walks a text twice (once to count its bytes, once to write them), and a page with a single
 * character outside Latin-1 (a curly quote, a dash, a Cyrillic title) is stored by V8 as
 * two-byte text, for which both walks are slow: on a 58 KB article the two cost more than
 * hashing it. Here each text is written once into a scratch buffer sized for the worst case
 * (three bytes per UTF-16 unit), then the result is copied out at its exact length.
 */

/**
 * Scratch buffers larger than this are not kept between calls: pages of up to ~350,000
 * characters reuse one (an article is ~60,000), a larger one (a big sitemap) gets its own, so
 * the process never holds more than a megabyte for this.
 */
const KEPT_SCRATCH_BYTES = 1024 * 1024;

/** The joined bytes and where each piece landed in them (`body.subarray(start, end)`). */
export interface Joined {
  body: Buffer;
  ranges: { start: number; end: number }[];
}

/**
 * A joiner with its own scratch buffer, reused between calls (synchronous, so calls never
 * overlap). The body it returns is a new buffer each time, never the scratch.
 */
export function createUtf8Joiner(): (pieces: readonly (string | Buffer)[]) => Joined {
  let scratch = Buffer.alloc(0);
  return (pieces) => {
    let worst = 0;
    for (const piece of pieces) worst += typeof piece === 'string' ? piece.length * 3 : piece.length;
    let buffer = scratch;
    if (buffer.length < worst) {
      buffer = Buffer.allocUnsafe(worst);
      if (worst <= KEPT_SCRATCH_BYTES) scratch = buffer;
    }
    const ranges: Joined['ranges'] = [];
    let at = 0;
    for (const piece of pieces) {
      const start = at;
      at += typeof piece === 'string' ? buffer.write(piece, at) : piece.copy(buffer, at);
      ranges.push({ start, end: at });
    }
    const body = Buffer.allocUnsafe(at);
    buffer.copy(body, 0, 0, at);
    return { body, ranges };
  };
}
