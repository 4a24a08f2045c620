import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import { pageTag, pageTags } from '../cache/index.js';
import type { FrameLoader } from '../site/frame.js';
import { findPublishedPage } from './service.js';
import { renderPage } from './views.js';

/** Static pages at /:slug/. */
export function pagesRoutes(deps: { db: Kysely<DB>; frame: FrameLoader }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { slug: string } }>('/:slug/', async (request, reply) => {
      const slug = request.params.slug;
      if (!/^[a-z0-9][a-z0-9-]{0,199}$/.test(slug)) return reply.callNotFound();
      const page = await findPublishedPage(deps.db, slug);
      if (!page) return reply.callNotFound();
      const frame = await deps.frame(page.language);
      pageTags(request).add(pageTag(page.slug));
      return reply.type('text/html; charset=utf-8').send(renderPage(frame, page));
    });
  };
}
