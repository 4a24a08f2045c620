import type { FastifyReply, FastifyRequest } from 'fastify';
import { type FragmentMemo, fragmentEntry } from './capture.js';
import { compressLater, deflateLater } from './compress.js';
import { type FragmentSource, fragmentStoreKey } from './fragments.js';
import { chooseEncoding, combineEtags, notModified } from './negotiate.js';
import type { PageCache } from './page-cache.js';
import { gzipSpliced } from './gzip-splice.js';
import { assemble, fieldValues, hasFieldSlots, sharedSegments, type SlotFiller } from './slots.js';
import type { CachedPage } from './store.js';

/** The current content of a page's fragments, in the order of its slots. */
export interface FragmentPieces {
  bodies: Buffer[];
  etags: string[];
}

/**
 * The fragments a cached page shows, as they are now: from the store, or rendered again (and
 * stored, unless a change was applied meanwhile) when they were dropped. Null when one cannot be
 * rendered (an unknown name or key): the page is then rendered whole.
 */
export async function currentFragments(
  cache: PageCache,
  page: CachedPage,
  sources: Readonly<Record<string, FragmentSource>>,
  memo?: FragmentMemo,
): Promise<FragmentPieces | null> {
  const pieces: FragmentPieces = { bodies: [], etags: [] };
  for (const slot of page.slots) {
    if (slot.kind !== 'fragment') continue;
    const storeKey = fragmentStoreKey(slot.name, slot.key);
    let fragment = cache.store.get(storeKey, cache.clock.now().getTime());
    if (!fragment) {
      const source = sources[slot.name];
      if (!source) return null;
      const generation = cache.generation;
      const body = await source.render(slot.key);
      if (body === null) return null;
      fragment = fragmentEntry(slot.name, body, source, cache.clock.now().getTime(), memo);
      cache.stats.fragments += 1;
      if (cache.generation === generation) cache.store.set(storeKey, fragment);
    }
    pieces.bodies.push(fragment.parts[0]!);
    pieces.etags.push(fragment.etag);
  }
  return pieces;
}

/**
 * Sends a cached page: 304, or the body with its fragments and per-reader fields spliced in,
 * compressed when the client takes it and a variant for these fragments exists (else one is
 * made for the next readers): brotli or gzip of the whole, or for pages with per-reader fields
 * gzip spliced from deflated stretches.
 */
export async function serveCached(
  request: FastifyRequest,
  reply: FastifyReply,
  served: { cache: PageCache; key: string; page: CachedPage; pieces: FragmentPieces; fillers: Readonly<Record<string, SlotFiller>> },
) {
  const { cache, key, page, pieces, fillers } = served;
  const etag = combineEtags(page.etag, pieces.etags);
  reply.code(page.status).headers(page.headers).header('etag', etag);
  if (notModified(request.headers, etag, page.headers['last-modified'])) return reply.code(304).send();
  if (hasFieldSlots(page.slots)) {
    const values = await fieldValues(page, { request, reply, fillers });
    const body = assemble(page, pieces.bodies, values);
    const deflated = page.deflated?.etag === etag ? page.deflated : undefined;
    if (!deflated) cache.track(deflateLater(cache.store, key, page, etag, sharedSegments(page, pieces.bodies)));
    else if (chooseEncoding(request.headers['accept-encoding'], { br: false, gzip: true })) {
      return reply.header('content-encoding', 'gzip').send(gzipSpliced(deflated.segments, values, body));
    }
    return reply.send(body);
  }
  const compressed = page.compressed?.etag === etag ? page.compressed : undefined;
  const encoding = chooseEncoding(request.headers['accept-encoding'], { br: compressed !== undefined, gzip: compressed !== undefined });
  if (compressed && encoding) return reply.header('content-encoding', encoding).send(encoding === 'br' ? compressed.br : compressed.gzip);
  const body = assemble(page, pieces.bodies);
  if (!compressed) cache.track(compressLater(cache.store, key, page, etag, body));
  return reply.send(body);
}
