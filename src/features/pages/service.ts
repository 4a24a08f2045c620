import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/dates.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { isSlug } from '../../lib/slug.js';
import { parseInput } from '../../lib/validate.js';
import type { DB } from '../../storage/schema.js';
import { loadSettings } from '../site/settings.js';

/** Paths the site itself uses; a page may not take them (`uploads`: imported media are served at /uploads/). */
const RESERVED_SLUGS = new Set([
  'admin', 'assets', 'author', 'category', 'tag', 'feed', 'page', 'search', 'webhooks', 'wp-admin',
  'wp-content', 'sitemap', 'donate', 'comments', 'api', 'uploads',
]);

export const pageInputSchema = z.object({
  slug: z
    .string()
    .trim()
    .refine(isSlug, 'Use lowercase letters, digits and hyphens only')
    .refine((s) => !RESERVED_SLUGS.has(s) && !/^\d+$/.test(s), 'This address is reserved; choose another'),
  title: z.string().trim().min(1, 'Enter a title').max(300, 'Keep the title under 300 characters'),
  body: z.string().max(2_000_000, 'The body is too long').default(''),
  status: z.enum(['draft', 'published'], { error: 'Choose draft or published' }).default('published'),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'Enter a language code such as en or ru'),
});

export type PageInput = z.input<typeof pageInputSchema>;
export type ValidPageInput = z.output<typeof pageInputSchema>;

/** The stored columns of a valid page, slug aside: the body is rendered and sanitised now. */
export async function pageValues(db: Kysely<DB>, data: ValidPageInput, now: string) {
  const settings = await loadSettings(db);
  return {
    title: data.title,
    body_md: data.body,
    body_html: renderMarkdown(data.body, { lang: data.language, siteUrl: settings.baseUrl }),
    status: data.status,
    language: data.language,
    updated_at: now,
  };
}

/** Creates or updates the page with this slug; returns its id. Throws VALIDATION. */
export async function upsertPage(deps: { db: Kysely<DB>; clock: Clock }, input: PageInput): Promise<number> {
  const data = parseInput(pageInputSchema, input);
  const now = toIso(deps.clock.now());
  const values = await pageValues(deps.db, data, now);
  const row = await deps.db
    .insertInto('pages')
    .values({ ...values, slug: data.slug, created_at: now })
    .onConflict((oc) => oc.column('slug').doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface PublicPage {
  slug: string;
  title: string;
  bodyHtml: string;
  language: string;
  updatedAt: string;
}

/** The published page with this slug, or null. */
export async function findPublishedPage(db: Kysely<DB>, slug: string): Promise<PublicPage | null> {
  const row = await db
    .selectFrom('pages')
    .select(['slug', 'title', 'body_html', 'language', 'updated_at'])
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row ? { slug: row.slug, title: row.title, bodyHtml: row.body_html, language: row.language, updatedAt: row.updated_at } : null;
}

/** Published pages for the site menu, oldest first (the order they were created). */
export async function listMenuPages(db: Kysely<DB>): Promise<{ title: string; slug: string; language: string }[]> {
  return db
    .selectFrom('pages')
    .select(['title', 'slug', 'language'])
    .where('status', '=', 'published')
    .orderBy('id')
    .limit(8)
    .execute();
}
