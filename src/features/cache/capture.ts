import type { FastifyReply } from 'fastify';
import type { FragmentSource } from './fragments.js';
import { combineEtags, etagOf } from './negotiate.js';
import { cutSlots, hasFieldSlots } from './slots.js';
import type { CachedPage } from './store.js';
import { APPEALS, driveTag, MENU, SETTINGS } from './tags.js';

/** How long a cached page or fragment is served at most, even when nothing it shows changed (the calendar's "today"). */
export const PAGE_LIFETIME_MS = 5 * 60_000;

/** What shared caches (a CDN, nginx) may do with a public page: keep it a minute, revalidate with the ETag. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=30';
/** Pages that differ per reader (signed-in, pending comments, per-reader form fields). */
export const PRIVATE_CACHE_CONTROL = 'private, no-cache';

// Headers a cached page keeps; the rest (security headers, cookies, length) are per response.
const KEPT = ['content-type', 'etag', 'last-modified', 'content-language', 'link'];
const DRIVE_MARK = /<div class="drive-progress" data-drive="(\d{1,10})">/g;

/** The drives whose progress bars (funding/progress-view.ts, on drive pages and in appeals) are in `html`. */
function driveTags(html: string): string[] {
  return [...html.matchAll(DRIVE_MARK)].map((m) => driveTag(Number(m[1])));
}

/**
 * A fragment as the store keeps it: its body as the one part, tagged with what it shows. With
 * `keep` false, for a response that is not stored, no part (its ETag and tags only).
 */
export function fragmentEntry(body: string, source: FragmentSource, nowMs: number, keep = true): CachedPage {
  const tags = [...new Set([SETTINGS, ...source.tags, ...driveTags(body)])];
  // The ETag hashes the text as UTF-8, the bytes the store keeps.
  return { status: 200, headers: {}, parts: keep ? [Buffer.from(body)] : [], slots: [], etag: etagOf([body], false), tags, expiresAt: nowMs + PAGE_LIFETIME_MS };
}

/** A response in cacheable form, and the fragments cut out of it (by name and key). */
export interface Captured {
  page: CachedPage;
  fragments: { name: string; key: string; entry: CachedPage }[];
}

/**
 * The cacheable form of a response: kept headers plus validators, Vary and tag headers, body
 * cut at per-reader fields and, in HTML, at the marked fragments of `sources`. The page's own
 * tags leave out what only its fragments show (the sidebar); the Surrogate-Key header names
 * both, since a CDN keeps the page whole. With `keep` false (a response that will not be
 * stored) the page and fragments have no parts: encoding a large page as bytes cost more than
 * hashing it, and only the headers are used.
 */
export function capture(
  reply: FastifyReply,
  payload: string,
  routeTags: Set<string>,
  fields: ReadonlySet<string>,
  sources: Readonly<Record<string, FragmentSource>>,
  nowMs: number,
  keep = true,
): Captured {
  const headers: Record<string, string> = {};
  for (const name of KEPT) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  const tags = new Set(routeTags).add(SETTINGS);
  const isHtml = (headers['content-type'] ?? '').startsWith('text/html');
  const { parts, slots, fragments } = cutSlots(payload, fields, isHtml ? Object.keys(sources) : []);
  if (isHtml) {
    tags.add(MENU).add(APPEALS);
    // Drive progress bars in the frame's appeals mark their drive (funding/appeals/views.ts).
    for (const part of parts) for (const tag of driveTags(part)) tags.add(tag);
    // A fragment the page shows unmarked is part of the page.
    for (const [name, source] of Object.entries(sources)) {
      if (!fragments.some((f) => f.name === name)) for (const tag of source.tags) tags.add(tag);
    }
  }
  const cut = fragments.map((f) => ({ name: f.name, key: f.key, entry: fragmentEntry(f.body, sources[f.name]!, nowMs, keep) }));
  const weak = hasFieldSlots(slots);
  const buffers = keep ? parts.map((p) => Buffer.from(p)) : [];
  const own = cut.length === 0 && headers.etag ? headers.etag : etagOf(parts, weak);
  // Last-Modified would say nothing of when a fragment changed.
  if (cut.length) delete headers['last-modified'];
  const all = new Set(tags);
  for (const f of cut) for (const tag of f.entry.tags) all.add(tag);
  const list = [...all];
  Object.assign(headers, {
    etag: combineEtags(own, cut.map((f) => f.entry.etag)),
    vary: 'Accept-Encoding',
    // A CDN cannot tell readers apart: pages with per-reader fields, or a comment thread that a
    // reader with pending comments sees differently, are kept by this process only.
    'cache-control': weak || showsThread(tags) ? PRIVATE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL,
    'surrogate-key': list.join(' '),
    'cache-tag': list.join(','),
  });
  const page: CachedPage = { status: 200, headers, parts: buffers, slots, etag: own, tags: [...tags], expiresAt: nowMs + PAGE_LIFETIME_MS };
  return { page, fragments: cut };
}

/** Whether a page with these tags shows a comment thread (which differs for a reader with pending comments). */
export function showsThread(tags: Iterable<string>): boolean {
  for (const tag of tags) if (tag.startsWith('thread:')) return true;
  return false;
}
