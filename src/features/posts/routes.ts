import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../../lib/clock.js';
import { commentsTag, HOME, NO_TAGS, pageTags, postTag, type TagCollector, teaserTags, threadTag } from '../cache/index.js';
import type { DB } from '../../storage/schema.js';
import type { FrameLoader } from '../site/frame.js';
import { adjacentPosts, findPublishedPost, listPublished } from './read.js';
import { renderArticle, renderHome } from './views.js';

export interface PostsRoutesDeps {
  db: Kysely<DB>;
  clock: Clock;
  frame: FrameLoader;
}

const pageParams = z.object({ n: z.string().regex(/^[1-9]\d{0,5}$/).transform(Number) });

/**
 * The home page (with /page/N/). The article page at /:year/:month/:slug/ is served by
 * `articlePage`, called from the archive feature, which owns every date-shaped address
 * (`/2014/01/15/` may be a day archive or an article whose slug is "15").
 */
export function postsRoutes(deps: PostsRoutesDeps): FastifyPluginAsync {
  return async (app) => {
    const home = async (page: number, tags: TagCollector) => {
      const frame = await deps.frame();
      const perPage = frame.settings.postsPerPage;
      const { items, total } = await listPublished(deps.db, { now: deps.clock.now().toISOString(), page, perPage });
      tags.add(HOME, ...teaserTags(items));
      const totalPages = Math.max(1, Math.ceil(total / perPage));
      if (page > totalPages) return null;
      return renderHome(frame, { posts: items, page, totalPages });
    };

    app.get('/', async (request, reply) => {
      return reply.type('text/html; charset=utf-8').send(await home(1, pageTags(request)));
    });

    app.get('/page/:n/', async (request, reply) => {
      const params = pageParams.safeParse(request.params);
      if (!params.success) return reply.callNotFound();
      if (params.data.n === 1) return reply.redirect('/', 301);
      const body = await home(params.data.n, pageTags(request));
      return body ? reply.type('text/html; charset=utf-8').send(body) : reply.callNotFound();
    });
  };
}

/**
 * The article page at /:year/:month/:slug/ (year and month in the site time zone, already
 * checked to be a real month), or null when no published post lives there. `tags` hears what
 * the page shows: the post, its comment thread, and its neighbours' titles.
 */
export async function articlePage(
  deps: PostsRoutesDeps,
  params: { year: number; month: number; slug: string },
  tags: TagCollector = NO_TAGS,
): Promise<string | null> {
  const now = deps.clock.now().toISOString();
  const post = await findPublishedPost(deps.db, { ...params, now });
  if (!post) return null;
  const [frame, adjacent] = await Promise.all([deps.frame(post.language), adjacentPosts(deps.db, post, now)]);
  tags.add(postTag(post.id), commentsTag(post.id), threadTag(post.id));
  for (const near of [adjacent.previous, adjacent.next]) if (near) tags.add(postTag(near.id));
  return renderArticle(frame, { post, ...adjacent });
}
