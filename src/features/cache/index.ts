/**
 * The page cache: rendered public responses kept in memory with the tags of what they show,
 * dropped precisely when a service reports a change (and, on PostgreSQL, when another process
 * does). See plugin.ts for what is cached and for whom, tags.ts for the tags, fragments.ts for
 * the sidebar cached apart and spliced into pages.
 */
export { createPageCache, INVALIDATION_CHANNEL, type Invalidator, type PageCache, thenInvalidate } from './page-cache.js';
export { cacheKey, installPageCache, pageTags, PAGE_LIFETIME_MS, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from './plugin.js';
export { fragmentKeyPart, type FragmentSource, markFragment, SIDEBAR_FRAGMENT } from './fragments.js';
export type { SlotFiller } from './slots.js';
export * from './tags.js';
