import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock.js';
import type { DB } from '../../storage/schema.js';
import { authorTag, categoryTag, pageTags, type TagCollector, teaserTags, termTag } from '../cache/index.js';
import { listPublished } from '../posts/index.js';
import { archiveQuerySchema, interfaceLanguage } from './archive-query.js';
import { archivePagePath } from './date-paths.js';
import { dateRoutes } from './date-routes.js';
import type { SidebarFrameLoader } from './sidebar.js';
import { findAuthorSubject, findCategorySubject, findTagSubject, type TermPageSubject } from './terms.js';
import { renderTermPage } from './views.js';

export interface ArchiveRoutesDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Frames with the sidebar (see `withSidebar`). */
  frame: SidebarFrameLoader;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;

/**
 * Category (with child categories), tag and author pages, paginated WordPress-style, and the
 * date archives (see `dateRoutes`). Every archive takes `?lang=xx` to list one language only.
 */
export function archiveRoutes(deps: ArchiveRoutesDeps): FastifyPluginAsync {
  const kinds: [string, (db: Kysely<DB>, slug: string) => Promise<TermPageSubject | null>][] = [
    ['category', findCategorySubject],
    ['tag', findTagSubject],
    ['author', findAuthorSubject],
  ];
  return async (app) => {
    await app.register(dateRoutes(deps));
    for (const [prefix, find] of kinds) {
      const handler = async (slug: string, pageParam: string | undefined, language: string | undefined, tags: TagCollector) => {
        if (!SLUG.test(slug)) return null;
        if (pageParam !== undefined && !/^[1-9]\d{0,5}$/.test(pageParam)) return null;
        const page = pageParam === undefined ? 1 : Number(pageParam);
        const subject = await find(deps.db, slug);
        if (!subject) return null;
        const frame = await deps.frame(interfaceLanguage(language), { language });
        const perPage = frame.settings.postsPerPage;
        const { items, total } = await listPublished(deps.db, {
          ...subject.filter,
          language,
          now: deps.clock.now().toISOString(),
          page,
          perPage,
        });
        const totalPages = Math.max(1, Math.ceil(total / perPage));
        if (page > totalPages) return null;
        tags.add(...subjectTags(subject), ...teaserTags(items));
        return renderTermPage(frame, { subject, basePath: `/${prefix}/${slug}/`, language, posts: items, page, totalPages });
      };
      app.get<{ Params: { slug: string } }>(`/${prefix}/:slug/`, async (request, reply) => {
        const query = archiveQuerySchema.safeParse(request.query);
        const body = query.success ? await handler(request.params.slug, undefined, query.data.language, pageTags(request)) : null;
        return body ? reply.type('text/html; charset=utf-8').send(body) : reply.callNotFound();
      });
      app.get<{ Params: { slug: string; n: string } }>(`/${prefix}/:slug/page/:n/`, async (request, reply) => {
        const query = archiveQuerySchema.safeParse(request.query);
        if (!query.success) return reply.callNotFound();
        if (request.params.n === '1') {
          return reply.redirect(archivePagePath(`/${prefix}/${request.params.slug}/`, 1, query.data.language), 301);
        }
        const body = await handler(request.params.slug, request.params.n, query.data.language, pageTags(request));
        return body ? reply.type('text/html; charset=utf-8').send(body) : reply.callNotFound();
      });
    }
  };
}

/** A term page shows its subject (a category with its descendants, a tag, an author). */
function subjectTags(subject: TermPageSubject): string[] {
  const { categoryIds, tagId, authorId } = subject.filter;
  return [
    ...(categoryIds ?? []).map(categoryTag),
    ...(tagId !== undefined ? [termTag(tagId)] : []),
    ...(authorId !== undefined ? [authorTag(authorId)] : []),
  ];
}
