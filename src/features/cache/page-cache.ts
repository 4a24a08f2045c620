import { randomUUID } from 'node:crypto';
import type { Logger } from '../../context.js';
import type { Clock } from '../../lib/clock.js';
import type { Listening, Notifications } from '../../storage/db.js';
import { type CachedPage, createPageStore, type PageStore } from './store.js';
import { EVERYTHING } from './tags.js';

/** The PostgreSQL channel invalidations travel on (suffixed with the schema by the dialect). */
export const INVALIDATION_CHANNEL = 'broadside_cache';

/** Stays under NOTIFY's 8000-byte payload limit, with room for the sender's id. */
const MAX_PAYLOAD = 7000;

/**
 * What services call after a change has committed: drops the cached pages naming any of `tags`
 * in this process at once (so the redirect after a POST never shows the old page), then tells
 * the other processes (PostgreSQL NOTIFY). Never throws: a failed NOTIFY is logged, since the
 * change itself is already saved.
 */
export interface Invalidator {
  invalidate(tags: readonly string[]): Promise<void>;
}

export interface PageCache {
  /** False with PAGE_CACHE=off: nothing is stored or served from memory (validators still are). */
  readonly enabled: boolean;
  readonly store: PageStore;
  /**
   * The page stored under `key` if it is still fresh. First drops every page when another
   * process wrote to the database without telling (SQLite: a CLI command; see
   * `Notifications.changedElsewhere`), so the next request after such a write shows it.
   */
  lookup(key: string): CachedPage | undefined;
  /**
   * Counts the invalidations this process applied: a page rendered while it moved may show
   * what was there before the change, so it is not stored.
   */
  readonly generation: number;
  readonly invalidator: Invalidator;
  readonly clock: Clock;
  /**
   * Counters for tests and the benchmark: pages served from memory, rendered, stored;
   * invalidations applied; fragments rendered again to serve a cached page.
   */
  readonly stats: { hits: number; misses: number; stores: number; invalidations: number; fragments: number };
  /** Registers work (compression) that tests may wait for with `settled`. */
  track(work: Promise<unknown>): void;
  /** Resolves when the compressions under way have finished. */
  settled(): Promise<void>;
  /** Starts hearing other processes' invalidations; after a lost connection, drops everything. */
  listen(): Promise<void>;
  stop(): Promise<void>;
}

export interface PageCacheOptions {
  enabled: boolean;
  maxBytes: number;
  clock: Clock;
  log: Logger;
  notifications: Notifications;
}

/** The cache of one process. */
export function createPageCache(options: PageCacheOptions): PageCache {
  const origin = randomUUID().slice(0, 8);
  const store = createPageStore(options.enabled ? options.maxBytes : 0);
  const pending = new Set<Promise<unknown>>();
  const stats = { hits: 0, misses: 0, stores: 0, invalidations: 0, fragments: 0 };
  let listening: Listening | null = null;

  const applyLocally = (tags: readonly string[]) => {
    stats.invalidations += 1;
    if (tags.includes(EVERYTHING)) store.clear();
    else store.invalidate(tags);
  };

  const invalidator: Invalidator = {
    invalidate: async (tags) => {
      if (tags.length === 0) return;
      applyLocally(tags);
      for (const chunk of payloads(origin, tags)) {
        await options.notifications.notify(INVALIDATION_CHANNEL, chunk).catch((error: unknown) => {
          options.log.error({ err: error }, 'could not tell the other processes about a change; their caches may be stale');
        });
      }
    },
  };

  return {
    enabled: options.enabled,
    store,
    lookup(key) {
      if (options.notifications.changedElsewhere()) {
        options.log.info('another process changed the database; dropping every cached page');
        applyLocally([EVERYTHING]);
      }
      return store.get(key, options.clock.now().getTime());
    },
    get generation() {
      return stats.invalidations;
    },
    invalidator,
    clock: options.clock,
    stats,
    track(work) {
      const done = work.catch(() => {}).finally(() => pending.delete(done));
      pending.add(done);
    },
    async settled() {
      while (pending.size) await Promise.all([...pending]);
    },
    async listen() {
      if (listening) return;
      listening = await options.notifications.listen(INVALIDATION_CHANNEL, {
        message: (payload) => {
          const [from, ...tags] = payload.split(' ');
          if (from !== origin && tags.length) applyLocally(tags);
        },
        reconnected: () => {
          options.log.warn('cache invalidation channel reconnected; dropping every cached page');
          applyLocally([EVERYTHING]);
        },
      });
    },
    async stop() {
      const open = listening;
      listening = null;
      await open?.stop();
    },
  };
}

/** `origin tag tag …` messages, each under NOTIFY's limit. */
function payloads(origin: string, tags: readonly string[]): string[] {
  const out: string[] = [];
  let current = origin;
  for (const tag of tags) {
    if (current.length + tag.length + 1 > MAX_PAYLOAD && current !== origin) {
      out.push(current);
      current = origin;
    }
    current += ` ${tag}`;
  }
  if (current !== origin) out.push(current);
  return out;
}

/**
 * Awaits `work` (a change that commits when it resolves), then tells `deps.invalidator` that
 * the pages tagged `tags` changed. Returns what `work` returned; nothing is told when it throws.
 */
export async function thenInvalidate<T>(deps: { invalidator?: Invalidator | undefined }, tags: readonly string[], work: Promise<T>): Promise<T> {
  const result = await work;
  await deps.invalidator?.invalidate(tags);
  return result;
}
