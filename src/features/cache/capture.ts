import type { FastifyReply } from 'fastify';
import type { FragmentSource } from './fragments.js';
import { combineEtags, etagOf } from './negotiate.js';
import { cutSlots, hasFieldSlots } from './slots.js';
import type { CachedPage } from './store.js';
import { APPEALS, driveTag, MENU, SETTINGS } from './tags.js';
import type { Joined } from './utf8-join.js';

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
 * The last body of each fragment, encoded, with its ETag and drive tags: the sidebar (11 KB on
 * the bench site) is the same on most pages until something it shows changes, and every page
 * encoded, hashed and searched it again. By fragment name, the last body of each only.
 */
export type FragmentMemo = Map<string, { body: string; bytes: Buffer; etag: string; drives: string[] }>;

/**
 * A fragment as the store keeps it: its body as the one part, tagged with what it shows. With
 * `memo`, a body equal to the last one of that name reuses its bytes and ETag (the same text
 * is the same bytes, so the same ETag).
 */
export function fragmentEntry(name: string, body: string, source: FragmentSource, nowMs: number, memo?: FragmentMemo): CachedPage {
  let known = memo?.get(name);
  if (!known || known.body !== body) {
    const bytes = Buffer.from(body);
    // The ETag hashes the text as UTF-8, the bytes the store keeps.
    known = { body, bytes, etag: etagOf([bytes], false), drives: driveTags(body) };
    memo?.set(name, known);
  }
  const tags = [...new Set([SETTINGS, ...source.tags, ...known.drives])];
  return { status: 200, headers: {}, parts: [known.bytes], slots: [], etag: known.etag, tags, expiresAt: nowMs + PAGE_LIFETIME_MS };
}

/** A response in cacheable form, the fragments cut out of it (by name and key), and its body as bytes. */
export interface Captured {
  page: CachedPage;
  fragments: { name: string; key: string; entry: CachedPage }[];
  /** `payload` encoded as UTF-8, from the same bytes as `page` and `fragments`: what to send. */
  body: Buffer;
}

/** What `capture` cuts at and with what. */
export interface CaptureOptions {
  /** The per-reader form fields (slots.ts). */
  fields: ReadonlySet<string>;
  /** The fragments cut out of HTML pages, by name. */
  sources: Readonly<Record<string, FragmentSource>>;
  nowMs: number;
  /** Encodes the page (utf8-join.ts). */
  join: (pieces: readonly (string | Buffer)[]) => Joined;
  memo?: FragmentMemo;
  /** False for a response that will not be stored: the page then has no parts (its headers only). */
  keep: boolean;
}

/**
 * The cacheable form of a response: kept headers plus validators, Vary and tag headers, body
 * cut at per-reader fields and, in HTML, at the marked fragments of `sources`. The page's own
 * tags leave out what only its fragments show (the sidebar); the Surrogate-Key header names
 * both, since a CDN keeps the page whole. The page is encoded once: its parts are hashed as
 * bytes and put together again as the body to send, so neither the ETag nor the response
 * encodes the text again (nor counts its bytes for Content-Length).
 */
export function capture(reply: FastifyReply, payload: string, routeTags: Set<string>, how: CaptureOptions): Captured {
  const { fields, sources, nowMs, join, memo, keep } = how;
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
  const cut = fragments.map((f) => ({ name: f.name, key: f.key, entry: fragmentEntry(f.name, f.body, sources[f.name]!, nowMs, memo) }));
  // The page's bytes: its parts with what goes between them, each text encoded once.
  const pieces: (string | Buffer)[] = [parts[0]!];
  let fragment = 0;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    pieces.push(slot.kind === 'fragment' ? cut[fragment++]!.entry.parts[0]! : slot.original, parts[i + 1]!);
  }
  const { body, ranges } = join(pieces);
  const own = parts.map((_, i) => body.subarray(ranges[2 * i]!.start, ranges[2 * i]!.end));
  const weak = hasFieldSlots(slots);
  const ownEtag = cut.length === 0 && headers.etag ? headers.etag : etagOf(own, weak);
  // Last-Modified would say nothing of when a fragment changed.
  if (cut.length) delete headers['last-modified'];
  const all = new Set(tags);
  for (const f of cut) for (const tag of f.entry.tags) all.add(tag);
  const list = [...all];
  Object.assign(headers, {
    etag: combineEtags(ownEtag, cut.map((f) => f.entry.etag)),
    vary: 'Accept-Encoding',
    // A CDN cannot tell readers apart: pages with per-reader fields, or a comment thread that a
    // reader with pending comments sees differently, are kept by this process only.
    'cache-control': weak || showsThread(tags) ? PRIVATE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL,
    'surrogate-key': list.join(' '),
    'cache-tag': list.join(','),
  });
  // Stored parts are copies: views would keep the whole body (the fragments too) alive.
  const stored = keep ? (slots.length === 0 ? [body] : own.map((part) => Buffer.from(part))) : [];
  const page: CachedPage = { status: 200, headers, parts: stored, slots, etag: ownEtag, tags: [...tags], expiresAt: nowMs + PAGE_LIFETIME_MS };
  return { page, fragments: cut, body };
}

/** Whether a page with these tags shows a comment thread (which differs for a reader with pending comments). */
export function showsThread(tags: Iterable<string>): boolean {
  for (const tag of tags) if (tag.startsWith('thread:')) return true;
  return false;
}
