import type { FastifyPluginAsync } from 'fastify';
import { commentFeedRoutes } from './comment-feed-routes.js';
import { feedRoutes } from './feed-routes.js';
import { sitemapRoutes } from './sitemap-routes.js';
import type { SitemapDeps } from './sitemaps.js';

export { feedRoutes } from './feed-routes.js';
export type { FeedDocument, FeedEntry, FeedFormat } from './feed-model.js';
export { robotsTxt, sitemapRoutes } from './sitemap-routes.js';
export { MAX_URLS_PER_SITEMAP, type SitemapDeps } from './sitemaps.js';

/**
 * Feeds (of posts and of comments), sitemaps and robots.txt: everything that tells machines what the site publishes.
 * `deps.pageSize` (URLs per sitemap) is for tests; it defaults to the protocol's 50,000.
 */
export function feedsPlugin(deps: SitemapDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(feedRoutes(deps));
    await app.register(commentFeedRoutes(deps));
    await app.register(sitemapRoutes(deps));
  };
}
