import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../../lib/clock.js';
import { isValidDate } from '../../lib/dates.js';
import type { DB } from '../../storage/schema.js';
import type { FrameLoader } from '../site/frame.js';
import { adjacentPosts, findPublishedPost, listPublished } from './read.js';
import { renderArticle, renderHome } from './views.js';

export interface PostsRoutesDeps {
  db: Kysely<DB>;
  clock: Clock;
  frame: FrameLoader;
}

const articleParams = z.object({
  year: z.string().regex(/^\d{4}$/).transform(Number),
  month: z.string().regex(/^\d{2}$/).transform(Number),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,199}$/),
});

const pageParams = z.object({ n: z.string().regex(/^[1-9]\d{0,5}$/).transform(Number) });

/** The home page (with /page/N/) and the article page at /:year/:month/:slug/. */
export function postsRoutes(deps: PostsRoutesDeps): FastifyPluginAsync {
  return async (app) => {
    const home = async (page: number) => {
      const frame = await deps.frame();
      const perPage = frame.settings.postsPerPage;
      const { items, total } = await listPublished(deps.db, { now: deps.clock.now().toISOString(), page, perPage });
      const totalPages = Math.max(1, Math.ceil(total / perPage));
      if (page > totalPages) return null;
      return renderHome(frame, { posts: items, page, totalPages });
    };

    app.get('/', async (_request, reply) => {
      return reply.type('text/html; charset=utf-8').send(await home(1));
    });

    app.get('/page/:n/', async (request, reply) => {
      const params = pageParams.safeParse(request.params);
      if (!params.success) return reply.callNotFound();
      if (params.data.n === 1) return reply.redirect('/', 301);
      const body = await home(params.data.n);
      return body ? reply.type('text/html; charset=utf-8').send(body) : reply.callNotFound();
    });

    app.get('/:year/:month/:slug/', async (request, reply) => {
      const params = articleParams.safeParse(request.params);
      if (!params.success || !isValidDate(params.data.year, params.data.month)) return reply.callNotFound();
      const now = deps.clock.now().toISOString();
      const post = await findPublishedPost(deps.db, { ...params.data, now });
      if (!post) return reply.callNotFound();
      const [frame, adjacent] = await Promise.all([deps.frame(post.language), adjacentPosts(deps.db, post, now)]);
      return reply.type('text/html; charset=utf-8').send(renderArticle(frame, { post, ...adjacent }));
    });
  };
}
