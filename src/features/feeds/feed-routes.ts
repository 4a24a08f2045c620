import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { FEED, pageTags } from '../cache/index.js';
import { renderAtom } from './atom.js';
import { FEED_CONTENT_TYPES, type FeedDocument, type FeedFormat } from './feed-model.js';
import { renderJsonFeed } from './json-feed.js';
import { loadPostFeed, type PostFeedDeps } from './post-feeds.js';
import { renderRss } from './rss.js';
import { sendCacheable } from './send.js';
import type { FeedSubjectKind } from './subjects.js';

const RENDERERS: Record<FeedFormat, (feed: FeedDocument) => string> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };

/** Where each format lives under `…/feed/`; `rss2/` is WordPress's other name for the RSS feed. */
export const SUFFIXES: readonly [string, FeedFormat][] = [['', 'rss'], ['rss2/', 'rss'], ['atom/', 'atom'], ['json/', 'json']];

/** Sends a feed in `format` with its validators, or 304 when the reader's copy is current. */
export function sendFeed(request: FastifyRequest, reply: FastifyReply, format: FeedFormat, feed: FeedDocument): FastifyReply {
  return sendCacheable(request, reply, {
    contentType: FEED_CONTENT_TYPES[format],
    model: { format, feed },
    newest: feed.updated,
    render: () => RENDERERS[format](feed),
  });
}

const PREFIXES: [FeedSubjectKind, string][] = [['site', ''], ['category', '/category/:slug'], ['tag', '/tag/:slug'], ['author', '/author/:slug']];

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;

/** `?lang=ru` narrows a feed to one language; anything malformed answers 404. Other parameters are ignored. */
const feedQuery = z.object({ lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/).optional() });

/**
 * The post feeds in RSS 2.0, Atom 1.0 and JSON Feed 1.1 at WordPress's addresses: `/feed/`,
 * `/feed/atom/`, `/feed/json/`, and the same under `/category/:slug/`, `/tag/:slug/` and
 * `/author/:slug/`; each takes `?lang=xx`. Conditional GET answers 304. The comment feeds
 * (`comment-feed-routes.ts`) are another source of `FeedDocument`, sent the same way.
 */
export function feedRoutes(deps: PostFeedDeps): FastifyPluginAsync {
  return async (app) => {
    for (const [kind, prefix] of PREFIXES) {
      for (const [suffix, format] of SUFFIXES) {
        app.get<{ Params: { slug?: string } }>(`${prefix}/feed/${suffix}`, async (request, reply) => {
          const query = feedQuery.safeParse(request.query);
          const slug = request.params.slug ?? '';
          if (!query.success || (kind !== 'site' && !SLUG.test(slug))) return reply.callNotFound();
          const feed = await loadPostFeed(deps, { kind, slug, ...(query.data.lang ? { language: query.data.lang } : {}) });
          if (!feed) return reply.callNotFound();
          pageTags(request).add(FEED);
          return sendFeed(request, reply, format, feed);
        });
      }
    }
  };
}
