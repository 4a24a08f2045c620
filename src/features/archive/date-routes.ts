import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isValidDate } from '../../lib/dates.js';
import { pageTags } from '../cache/index.js';
import { articlePage } from '../posts/index.js';
import { archiveQuerySchema, interfaceLanguage } from './archive-query.js';
import { type DateArchiveDeps, dateArchivePage } from './date-archive.js';
import { archivePagePath, dateArchivePath } from './date-paths.js';

const digits = (n: number) => z.string().regex(new RegExp(`^\\d{${n}}$`)).transform(Number);

/** Year, month, day and page parameters of a date archive; the date must exist (no 30 February). */
const dateParamsSchema = z
  .object({
    year: digits(4),
    month: digits(2).optional(),
    day: digits(2).optional(),
    n: z.string().regex(/^[1-9]\d{0,5}$/).transform(Number).optional(),
  })
  .refine((d) => isValidDate(d.year, d.month ?? 1, d.day ?? 1));

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;

// Regex-constrained parameters: find-my-way tries them before the plain `/:slug/` of static
// pages, whose slugs are never all digits, so `/2014/` is a year and `/about/` a page.
const YEAR = ':year(^\\d{4}$)';
const MONTH = ':month(^\\d{2}$)';
const DAY = ':day(^\\d{2}$)';

type Params = Record<string, string>;

/**
 * Every date-shaped address: year, month and day archives with their `/page/N/`, and the
 * article at /:year/:month/:slug/. `/2014/01/15/` is the article whose slug is "15" when one
 * exists there (so every article stays reachable at its own address), else the day archive.
 */
export function dateRoutes(deps: DateArchiveDeps): FastifyPluginAsync {
  return async (app) => {
    const archive = (request: FastifyRequest, reply: FastifyReply) => serveDateArchive(deps, request, reply);
    for (const path of [`/${YEAR}/`, `/${YEAR}/${MONTH}/`]) {
      app.get(path, archive);
      app.get(`${path}page/:n/`, archive);
    }
    app.get(`/${YEAR}/${MONTH}/${DAY}/page/:n/`, archive);
    app.get(`/${YEAR}/${MONTH}/:slug/`, async (request, reply) => {
      const { slug, ...date } = request.params as Params;
      const parsed = dateParamsSchema.safeParse(date);
      if (!parsed.success || parsed.data.month === undefined || slug === undefined) return reply.callNotFound();
      const { year, month } = parsed.data;
      const articleDeps = { ...deps, frame: (lang?: string) => deps.frame(lang, { month: { year, month } }) };
      const article = SLUG.test(slug) ? await articlePage(articleDeps, { year, month, slug }, pageTags(request)) : null;
      if (article) return reply.type('text/html; charset=utf-8').send(article);
      if (/^\d{2}$/.test(slug)) return serveDateArchive(deps, request, reply, { ...date, day: slug });
      return reply.callNotFound();
    });
  };
}

/** Validates a date archive request, then answers with its page, a 301 for /page/1/, or 404. */
async function serveDateArchive(deps: DateArchiveDeps, request: FastifyRequest, reply: FastifyReply, params?: Params) {
  const parsedParams = dateParamsSchema.safeParse(params ?? request.params);
  const parsedQuery = archiveQuerySchema.safeParse(request.query);
  if (!parsedParams.success || !parsedQuery.success) return reply.callNotFound();
  const { n, ...date } = parsedParams.data;
  const { language } = parsedQuery.data;
  if (n === 1) return reply.redirect(archivePagePath(dateArchivePath(date), 1, language), 301);
  const body = await dateArchivePage(deps, { ...date, page: n ?? 1, language, interfaceLanguage: interfaceLanguage(language) }, pageTags(request));
  return body ? reply.type('text/html; charset=utf-8').send(body) : reply.callNotFound();
}
