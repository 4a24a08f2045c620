import type { FastifyPluginAsync } from 'fastify';
import { feedRoutes } from './feed-routes.js';
import type { PostFeedDeps } from './post-feeds.js';

export { feedRoutes } from './feed-routes.js';
export type { FeedDocument, FeedEntry, FeedFormat } from './feed-model.js';

/** Feeds: everything that tells machines what the site publishes. */
export function feedsPlugin(deps: PostFeedDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(feedRoutes(deps));
  };
}
