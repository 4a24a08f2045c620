/**
 * The page cache's memory: rendered responses by key, bounded by bytes, least recently used
 * first out, with an index from dependency tag to the keys that name it. No I/O, no clock:
 * callers say when an entry expires and what "now" is.
 */

/** One cached response. Bodies are Buffers so serving them copies nothing. */
export interface CachedPage {
  readonly status: number;
  /** Lower-case header names; what the route set, minus hop-by-hop and per-reader ones. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, or its parts around slots (see slots.ts); one part when it has none. */
  readonly parts: readonly Buffer[];
  /** What goes between `parts[i]` and `parts[i + 1]`: a per-reader field value or a shared fragment. */
  readonly slots: readonly Slot[];
  /**
   * The ETag of `parts` alone; the response's ETag when the page has no fragments, else the
   * hash of it with the fragments' (see `combineEtags`), so it changes with the sidebar.
   */
  readonly etag: string;
  /**
   * gzip and brotli variants of the whole body as it was for the ETag `etag` (fragments
   * spliced in), set asynchronously after storing or serving; none for pages with per-reader
   * fields (see `deflated`), and stale (unused) once a fragment changes, until compressed again.
   */
  compressed?: { readonly etag: string; readonly gzip: Buffer; readonly br: Buffer };
  /**
   * For pages with per-reader fields: the stretches between them deflated (gzip-splice.ts), for
   * the ETag `etag`; each reader's gzip body is made from them without compressing.
   */
  deflated?: { readonly etag: string; readonly segments: readonly Buffer[] };
  /** The ETag being compressed now, so concurrent requests start it once. */
  compressing?: string;
  readonly tags: readonly string[];
  /** Epoch ms after which the entry is not served. */
  readonly expiresAt: number;
}

/**
 * A hole in a cached body: a per-reader hidden field value, spliced in for each reader
 * (`original` was the rendered one), or a fragment shared by many pages (the sidebar), cached
 * on its own under `name` and `key` and spliced in when the page is served.
 */
export type Slot =
  | { readonly kind: 'field'; readonly field: string; readonly original: string }
  | { readonly kind: 'fragment'; readonly name: string; readonly key: string };

export interface PageStore {
  get(key: string, nowMs: number): CachedPage | undefined;
  set(key: string, page: CachedPage): void;
  /** Drops every entry naming one of `tags`; returns how many went. */
  invalidate(tags: Iterable<string>): number;
  clear(): void;
  /** Counts an entry's size again after its compressed variants changed; false when it is gone. */
  refit(key: string, page: CachedPage): boolean;
  readonly size: { entries: number; bytes: number };
}

/** Rough bytes an entry holds: bodies plus headers and bookkeeping. */
export function pageBytes(key: string, page: CachedPage): number {
  let bytes = 200 + key.length * 2;
  for (const part of page.parts) bytes += part.length;
  for (const [name, value] of Object.entries(page.headers)) bytes += (name.length + value.length) * 2;
  for (const tag of page.tags) bytes += tag.length * 2 + 40;
  if (page.compressed) bytes += page.compressed.gzip.length + page.compressed.br.length;
  for (const segment of page.deflated?.segments ?? []) bytes += segment.length;
  return bytes;
}

/** A store holding at most `maxBytes` (an entry larger than that is never kept). */
export function createPageStore(maxBytes: number): PageStore {
  const entries = new Map<string, { page: CachedPage; bytes: number }>();
  const byTag = new Map<string, Set<string>>();
  let bytes = 0;

  const remove = (key: string) => {
    const found = entries.get(key);
    if (!found) return;
    entries.delete(key);
    bytes -= found.bytes;
    for (const tag of found.page.tags) {
      const keys = byTag.get(tag);
      keys?.delete(key);
      if (keys && keys.size === 0) byTag.delete(tag);
    }
  };

  const evict = () => {
    // Map iteration order is insertion order, and `get` re-inserts: the first key is the LRU.
    for (const key of entries.keys()) {
      if (bytes <= maxBytes) return;
      remove(key);
    }
  };

  return {
    get(key, nowMs) {
      const found = entries.get(key);
      if (!found) return undefined;
      if (found.page.expiresAt <= nowMs) {
        remove(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, found);
      return found.page;
    },
    set(key, page) {
      remove(key);
      const size = pageBytes(key, page);
      if (size > maxBytes) return;
      entries.set(key, { page, bytes: size });
      bytes += size;
      for (const tag of page.tags) {
        let keys = byTag.get(tag);
        if (!keys) byTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
      evict();
    },
    refit(key, page) {
      const found = entries.get(key);
      if (!found || found.page !== page) return false;
      const size = pageBytes(key, page);
      bytes += size - found.bytes;
      found.bytes = size;
      evict();
      return entries.has(key);
    },
    invalidate(tags) {
      let dropped = 0;
      for (const tag of tags) {
        const keys = byTag.get(tag);
        if (!keys) continue;
        for (const key of [...keys]) {
          remove(key);
          dropped += 1;
        }
      }
      return dropped;
    },
    clear() {
      entries.clear();
      byTag.clear();
      bytes = 0;
    },
    get size() {
      return { entries: entries.size, bytes };
    },
  };
}
