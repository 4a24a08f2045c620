import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { COMMENT_FEED, FEED, pageTags } from '../cache/index.js';
import { type CommentFeedRequest, loadCommentFeed } from './comment-feeds.js';
import { sendFeed, SUFFIXES } from './feed-routes.js';
import type { PostFeedDeps } from './post-feeds.js';

// The same constrained parameters as the archive's date routes (features/archive/date-routes.ts),
// so find-my-way files these addresses beside /:year/:month/:slug/ without a clash.
const YEAR = ':year(^\\d{4}$)';
const MONTH = ':month(^\\d{2}$)';

/** An article's address: a real month, and a slug as posts have them. */
const articleParams = z.object({
  year: z.string().regex(/^\d{4}$/).transform(Number),
  month: z.string().regex(/^(0[1-9]|1[0-2])$/).transform(Number),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,199}$/),
});

/**
 * The comment feeds at WordPress's addresses: the whole site's at `/comments/feed/` and an
 * article's at `/:year/:month/:slug/feed/`, each also as `rss2/`, `atom/` and `json/` under it.
 * An address where readers cannot see an article answers 404.
 */
export function commentFeedRoutes(deps: PostFeedDeps): FastifyPluginAsync {
  return async (app) => {
    for (const [suffix, format] of SUFFIXES) {
      app.get(`/comments/feed/${suffix}`, async (request, reply) => {
        const feed = await loadCommentFeed(deps, { kind: 'site' });
        // Comment feeds show comments and the titles of their posts.
        pageTags(request).add(COMMENT_FEED, FEED);
        return feed ? sendFeed(request, reply, format, feed) : reply.callNotFound();
      });
      app.get(`/${YEAR}/${MONTH}/:slug/feed/${suffix}`, async (request, reply) => {
        const params = articleParams.safeParse(request.params);
        if (!params.success) return reply.callNotFound();
        const feedRequest: CommentFeedRequest = { kind: 'post', ...params.data };
        const feed = await loadCommentFeed(deps, feedRequest);
        pageTags(request).add(COMMENT_FEED, FEED);
        return feed ? sendFeed(request, reply, format, feed) : reply.callNotFound();
      });
    }
  };
}
