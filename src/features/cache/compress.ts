import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { deflateSegments } from './gzip-splice.js';
import type { CachedPage, PageStore } from './store.js';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Smaller than this, compression saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Compresses `body` (the page as served with the ETag `etag`) once, off the request (zlib's
 * thread pool), and attaches the gzip and brotli variants to the page while the store still
 * holds it. Starts nothing when that ETag is already compressed or being compressed, and keeps
 * nothing when a later compression started meanwhile (its body is the newer one). Rejects only
 * on a zlib failure (the page is then served uncompressed).
 */
export async function compressLater(store: PageStore, key: string, page: CachedPage, etag: string, body: Buffer): Promise<void> {
  if (body.length < MIN_BYTES || page.compressed?.etag === etag || page.compressing === etag) return;
  page.compressing = etag;
  try {
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
    // A compression started later (the sidebar changed meanwhile) is of the newer body.
    if (page.compressing !== etag) return;
    page.compressed = { etag, gzip: gz, br };
    // Counted against the bound; when that evicts the page, nothing serves these any more.
    store.refit(key, page);
  } finally {
    if (page.compressing === etag) delete page.compressing;
  }
}

/**
 * For a page with per-reader fields: deflates the stretches between them (`sharedSegments`,
 * as served with the ETag `etag`) once, off the request, for `gzipSpliced`. Like compressLater.
 */
export async function deflateLater(store: PageStore, key: string, page: CachedPage, etag: string, segments: readonly Buffer[]): Promise<void> {
  const length = segments.reduce((sum, s) => sum + s.length, 0);
  if (length < MIN_BYTES || page.deflated?.etag === etag || page.compressing === etag) return;
  page.compressing = etag;
  try {
    const deflated = await deflateSegments(segments);
    if (page.compressing !== etag) return;
    page.deflated = { etag, segments: deflated };
    store.refit(key, page);
  } finally {
    if (page.compressing === etag) delete page.compressing;
  }
}
