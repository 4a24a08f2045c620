import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflateRaw = promisify(zlib.deflateRaw);

/**
 * gzip for pages with per-reader fields (the comment form's tokens), without compressing per
 * reader. Each stretch between the fields is deflated once, ending with a full flush (so it is
 * byte-aligned and nothing after it refers back into it); each reader's values go between them
 * as stored (uncompressed) deflate blocks, then an empty final block and the gzip trailer with
 * the CRC-32 and length of that reader's body. Plain RFC 1951/1952: every inflater reads it.
 */

/** The stretches deflated, each ending with a full flush. */
export async function deflateSegments(segments: readonly Buffer[]): Promise<Buffer[]> {
  return Promise.all(segments.map((s) => deflateRaw(s, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH })));
}

// Deflate, no file name or time, Unix.
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
/** A final fixed-Huffman block holding only its end-of-block code. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
const MAX_STORED = 0xffff;

/** `data` as stored deflate blocks, starting at a byte boundary. */
function storedBlocks(data: Buffer): Buffer[] {
  const blocks: Buffer[] = [];
  for (let at = 0; at < data.length; at += MAX_STORED) {
    const chunk = data.subarray(at, at + MAX_STORED);
    const header = Buffer.alloc(5);
    header.writeUInt16LE(chunk.length, 1);
    header.writeUInt16LE(~chunk.length & 0xffff, 3);
    blocks.push(header, chunk);
  }
  return blocks;
}

/**
 * The gzip body of `body`, which is the stretches of `deflated` with `values` between them
 * (one fewer value than stretches).
 */
export function gzipSpliced(deflated: readonly Buffer[], values: readonly Buffer[], body: Buffer): Buffer {
  const chunks: Buffer[] = [HEADER];
  for (let i = 0; i < deflated.length; i++) {
    chunks.push(deflated[i]!);
    if (i < values.length) chunks.push(...storedBlocks(values[i]!));
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(zlib.crc32(body) >>> 0, 0);
  trailer.writeUInt32LE(body.length % 2 ** 32, 4);
  chunks.push(FINAL_BLOCK, trailer);
  return Buffer.concat(chunks);
}
