import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { CachedPage, PageStore } from './store.js';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Smaller than this, compression saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Compresses a stored page once, off the request (zlib's thread pool), and attaches gzip and
 * brotli variants while the entry is still held. Rejects only on a zlib failure (the page is
 * then served uncompressed).
 */
export async function compressLater(store: PageStore, key: string, page: CachedPage): Promise<void> {
  const body = page.parts[0]!;
  if (page.parts.length !== 1 || body.length < MIN_BYTES) return;
  const [gz, br] = await Promise.all([
    gzip(body, { level: 9 }),
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    }),
  ]);
  page.gzip = gz;
  page.br = br;
  if (!store.grow(key, page, gz.length + br.length)) {
    delete page.gzip;
    delete page.br;
  }
}
