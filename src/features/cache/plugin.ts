import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chooseEncoding, etagOf, notModified } from './negotiate.js';
import type { PageCache } from './page-cache.js';
import { compressLater } from './compress.js';
import { cutSlots, fillSlots, type SlotFiller } from './slots.js';
import type { CachedPage } from './store.js';
import { APPEALS, driveTag, MENU, SETTINGS, SIDEBAR, type TagCollector } from './tags.js';

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

/** How long a cached page is served at most, even when nothing it shows changed (the calendar's "today"). */
export const PAGE_LIFETIME_MS = 5 * 60_000;

/** What shared caches (a CDN, nginx) may do with a public page: keep it a minute, revalidate with the ETag. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=30';
/** Pages that differ per reader (signed-in, pending comments, per-reader form fields). */
export const PRIVATE_CACHE_CONTROL = 'private, no-cache';

const SESSION_COOKIE = 'bs_session';
const PENDING_COMMENTS_COOKIE = 'bs_comments';
// Headers a cached page keeps; the rest (security headers, cookies, length) are per response.
const KEPT = ['content-type', 'etag', 'last-modified', 'content-language', 'link'];
const DRIVE_MARK = /<div class="drive-progress" data-drive="(\d{1,10})">/g;

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
  const fields = new Set(Object.keys(fillers));
  app.decorateRequest('cacheTags', null);
  app.decorateRequest('cacheHit', false);
  app.decorateRequest('cacheGeneration', -1);

  if (cache?.enabled) {
    app.addHook('onRequest', async (request, reply) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || request.cookies[SESSION_COOKIE]) return;
      const page = cache.lookup(cacheKey(request));
      if (!page || (request.cookies[PENDING_COMMENTS_COOKIE] && showsThread(page.tags))) {
        cache.stats.misses += 1;
        request.cacheGeneration = cache.generation;
        return;
      }
      cache.stats.hits += 1;
      request.cacheHit = true;
      return serveCached(request, reply, page, fillers);
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
    const page = capture(reply, payload, tags, fields, cache);
    reply.headers(page.headers);
    // Not when a change was applied while this page rendered: it may predate the change.
    if (cache?.enabled && request.cacheGeneration === cache.generation) {
      const key = cacheKey(request);
      cache.store.set(key, page);
      cache.stats.stores += 1;
      if (page.slots.length === 0) cache.track(compressLater(cache.store, key, page));
    }
    if (notModified(request.headers, page.etag, page.headers['last-modified'])) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}

/** Sends a cached page: 304, or the body in the encoding the client takes, with its slots filled. */
async function serveCached(request: FastifyRequest, reply: FastifyReply, page: CachedPage, fillers: Readonly<Record<string, SlotFiller>>) {
  reply.code(page.status).headers(page.headers);
  if (notModified(request.headers, page.etag, page.headers['last-modified'])) return reply.code(304).send();
  if (page.slots.length) return reply.send(await fillSlots(request, reply, page, fillers));
  const encoding = chooseEncoding(request.headers['accept-encoding'], { br: page.br !== undefined, gzip: page.gzip !== undefined });
  if (encoding) return reply.header('content-encoding', encoding).send(encoding === 'br' ? page.br : page.gzip);
  return reply.send(page.parts[0]);
}

/** Whether this reader's page differs from everyone's: signed in, other cookies, or pending comments shown. */
function personal(request: FastifyRequest, reply: FastifyReply, tags: Set<string>): boolean {
  if (request.cookies[SESSION_COOKIE] || request.session) return true;
  if (request.cookies[PENDING_COMMENTS_COOKIE] && showsThread(tags)) return true;
  const cookies = reply.getHeader('set-cookie');
  const list = cookies === undefined ? [] : Array.isArray(cookies) ? cookies : [String(cookies)];
  return list.some((cookie) => !cookie.startsWith('bs_csrf='));
}

function showsThread(tags: Iterable<string>): boolean {
  for (const tag of tags) if (tag.startsWith('thread:')) return true;
  return false;
}

/** The cacheable form of a response: kept headers plus validators, Vary and tag headers, body cut at slots. */
function capture(reply: FastifyReply, payload: string, routeTags: Set<string>, fields: ReadonlySet<string>, cache: PageCache | null): CachedPage {
  const headers: Record<string, string> = {};
  for (const name of KEPT) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  const tags = new Set(routeTags).add(SETTINGS);
  if ((headers['content-type'] ?? '').startsWith('text/html')) {
    tags.add(SIDEBAR).add(MENU).add(APPEALS);
    // Drive progress bars in the frame's appeals mark their drive (funding/appeals/views.ts).
    for (const match of payload.matchAll(DRIVE_MARK)) tags.add(driveTag(Number(match[1])));
  }
  const { parts, slots } = cutSlots(payload, fields);
  const etag = headers.etag ?? etagOf(parts, slots.length > 0);
  const list = [...tags];
  Object.assign(headers, {
    etag,
    vary: 'Accept-Encoding',
    // A CDN cannot tell readers apart: pages with per-reader fields, or a comment thread that a
    // reader with pending comments sees differently, are kept by this process only.
    'cache-control': slots.length || showsThread(tags) ? PRIVATE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL,
    'surrogate-key': list.join(' '),
    'cache-tag': list.join(','),
  });
  const now = cache ? cache.clock.now().getTime() : 0;
  return { status: 200, headers, parts: parts.map((p) => Buffer.from(p)), slots, etag, tags: list, expiresAt: now + PAGE_LIFETIME_MS };
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
