import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { capture, type FragmentMemo, PRIVATE_CACHE_CONTROL, showsThread } from './capture.js';
import { compressLater, deflateLater } from './compress.js';
import { type FragmentSource, fragmentStoreKey } from './fragments.js';
import { notModified } from './negotiate.js';
import type { PageCache } from './page-cache.js';
import { currentFragments, serveCached } from './serve.js';
import { hasFieldSlots, sharedSegments, type SlotFiller } from './slots.js';
import type { TagCollector } from './tags.js';
import { createUtf8Joiner } from './utf8-join.js';

export { PAGE_LIFETIME_MS, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from './capture.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The dependency tags collected for this response (see `pageTags`); null until one is added. */
    cacheTags: Set<string> | null;
    /** Set when the response came from the page cache. */
    cacheHit: boolean;
    /** The cache's generation when this request missed it; -1 when it did not look. */
    cacheGeneration: number;
  }
}

const SESSION_COOKIE = 'bs_session';
const PENDING_COMMENTS_COOKIE = 'bs_comments';

/** The collector of this request's tags; the route passes it to whatever renders the page. */
export function pageTags(request: FastifyRequest): TagCollector {
  return {
    add: (...tags) => {
      request.cacheTags ??= new Set();
      for (const tag of tags) request.cacheTags.add(tag);
    },
  };
}

export interface PageCacheHooks {
  /** Null when the app has no cache (responses still get validators and tag headers). */
  cache: PageCache | null;
  /** Per-reader hidden fields of cached pages, by field name (see slots.ts). */
  fillers: Readonly<Record<string, SlotFiller>>;
  /** The fragments pages mark (see fragments.ts), by name: cached apart and spliced in when serving. */
  fragments?: Readonly<Record<string, FragmentSource>>;
}

/**
 * Serves GET/HEAD from the page cache and stores the responses routes tagged (`pageTags`): only
 * 200s without cookies other than the CSRF one, never for a signed-in reader (whose pages may
 * differ) nor, on pages showing a comment thread, for one with pending comments. Adds ETag,
 * 304s, Cache-Control, Vary and Surrogate-Key/Cache-Tag to every tagged response. Install after
 * @fastify/cookie (so its Set-Cookie header is written when the store hook looks).
 */
export function installPageCache(app: FastifyInstance, hooks: PageCacheHooks): void {
  const { cache, fillers } = hooks;
  const sources = hooks.fragments ?? {};
  const fields = new Set(Object.keys(fillers));
  const memo: FragmentMemo = new Map();
  const join = createUtf8Joiner();
  app.decorateRequest('cacheTags', null);
  app.decorateRequest('cacheHit', false);
  app.decorateRequest('cacheGeneration', -1);

  if (cache?.enabled) {
    app.addHook('onRequest', async (request, reply) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || request.cookies[SESSION_COOKIE]) return;
      const key = cacheKey(request);
      const page = cache.lookup(key);
      const generation = cache.generation;
      const pieces = page && !(request.cookies[PENDING_COMMENTS_COOKIE] && showsThread(page.tags))
        ? await currentFragments(cache, page, sources, memo)
        : null;
      if (!page || !pieces) {
        cache.stats.misses += 1;
        request.cacheGeneration = generation;
        return;
      }
      cache.stats.hits += 1;
      request.cacheHit = true;
      return serveCached(request, reply, { cache, key, page, pieces, fillers });
    });
  }

  app.addHook('onSend', async (request, reply, payload) => {
    const tags = request.cacheTags;
    if (!tags || request.cacheHit || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
    if (personal(request, reply, tags)) {
      reply.header('cache-control', PRIVATE_CACHE_CONTROL);
      return payload;
    }
    const nowMs = cache ? cache.clock.now().getTime() : 0;
    // Not when a change was applied while this page rendered: it may predate the change.
    const keep = cache !== null && cache.enabled && request.cacheGeneration === cache.generation;
    const { page, fragments, body } = capture(reply, payload, tags, { fields, sources, nowMs, join, memo, keep });
    reply.headers(page.headers);
    if (keep) {
      const key = cacheKey(request);
      cache.store.set(key, page);
      cache.stats.stores += 1;
      for (const f of fragments) cache.store.set(fragmentStoreKey(f.name, f.key), f.entry);
      const etag = page.headers.etag!;
      if (hasFieldSlots(page.slots)) {
        const segments = sharedSegments(page, fragments.map((f) => f.entry.parts[0]!));
        cache.track(deflateLater(cache.store, key, page, etag, segments));
      } else {
        cache.track(compressLater(cache.store, key, page, etag, body));
      }
    }
    if (notModified(request.headers, page.headers.etag!, page.headers['last-modified'])) {
      reply.code(304);
      return '';
    }
    // The bytes the ETag was computed from: sending the text would encode it again.
    return body;
  });
}

/** Whether this reader's page differs from everyone's: signed in, other cookies, or pending comments shown. */
function personal(request: FastifyRequest, reply: FastifyReply, tags: Set<string>): boolean {
  if (request.cookies[SESSION_COOKIE] || request.session) return true;
  if (request.cookies[PENDING_COMMENTS_COOKIE] && showsThread(tags)) return true;
  const cookies = reply.getHeader('set-cookie');
  const list = cookies === undefined ? [] : Array.isArray(cookies) ? cookies : [String(cookies)];
  return list.some((cookie) => !cookie.startsWith('bs_csrf='));
}

/**
 * Path + query with its parameters sorted (HEAD shares GET's entry). Not the Host header: every
 * absolute URL a public page shows (canonical links, feeds, sitemaps, robots.txt, JSON-LD) is
 * built from the configured site URL, so one page serves every host name, and a request with a
 * forged Host (or X-Forwarded-Host) can neither put that name in what others get nor split the
 * cache into a copy per made-up name.
 */
export function cacheKey(request: FastifyRequest): string {
  const url = request.url;
  const q = url.indexOf('?');
  if (q === -1) return url;
  const query = url.slice(q + 1).split('&').filter(Boolean).sort().join('&');
  return `${url.slice(0, q)}${query ? `?${query}` : ''}`;
}
