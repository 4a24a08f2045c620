import type { Kysely, Transaction } from 'kysely';
import { type Invalidator, MENU, pageTag, SITEMAP } from '../cache/index.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/dates.js';
import { slugify } from '../../lib/slug.js';
import { parseInput } from '../../lib/validate.js';
import { uniqueViolationAs } from '../../storage/errors.js';
import type { DB, PageStatus } from '../../storage/schema.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { addRedirect } from '../redirects/index.js';
import { type PageInput, pageInputSchema, pageValues, type ValidPageInput } from './service.js';

/** Pages as the admin edits them: by id, so the slug can change and the old address redirects. */

export interface PageDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Told after a change commits (pages are in every page's menu and in the sitemap). */
  invalidator?: Invalidator | undefined;
}

/** What a page shows in every page's menu (site/frame.ts): only published pages are listed. */
type MenuEntry = { slug: string; title: string; language: string; status: PageStatus };

/**
 * What a change to one page drops from the page cache: the page at its old and new address and
 * the sitemap, and every page only when the menu changes (a published page added, removed,
 * renamed or retitled). Correcting a page's text leaves the articles cached.
 */
function changedTags(before: MenuEntry | null, after: MenuEntry | null): string[] {
  const tags = new Set([SITEMAP]);
  for (const side of [before, after]) if (side) tags.add(pageTag(side.slug));
  const listed = (entry: MenuEntry | null) => (entry?.status === 'published' ? `${entry.slug}\n${entry.title}\n${entry.language}` : null);
  if (listed(before) !== listed(after)) tags.add(MENU);
  return [...tags];
}

/** Runs `work`, then tells the invalidator the tags it returned with its result. */
async function invalidating<T>(deps: PageDeps, work: Promise<{ result: T; tags: string[] }>): Promise<T> {
  const { result, tags } = await work;
  await deps.invalidator?.invalidate(tags);
  return result;
}

export interface AdminPage {
  id: number;
  slug: string;
  title: string;
  body: string;
  status: PageStatus;
  language: string;
  updatedAt: string;
}

const TAKEN = { slug: 'Another page already uses this address' };

/** Every page, drafts included, by title. */
export async function listPagesForAdmin(db: Kysely<DB>): Promise<AdminPage[]> {
  const rows = await db.selectFrom('pages').select(COLUMNS).orderBy('title').orderBy('id').execute();
  return rows.map(toAdminPage);
}

/** The page with this id, or null. */
export async function findPageForAdmin(db: Kysely<DB>, id: number): Promise<AdminPage | null> {
  const row = await db.selectFrom('pages').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toAdminPage(row) : null;
}

/** Creates a page (slug from the title when left blank); returns its id. Throws VALIDATION. */
export async function createPage(deps: PageDeps, input: PageInput, actor: AuditActor): Promise<number> {
  const data = validate(input);
  return invalidating(deps, inTransaction(deps.db, async (trx) => {
    if (await slugTaken(trx, data.slug, null)) throw new AppError('VALIDATION', { fields: TAKEN });
    const now = toIso(deps.clock.now());
    const values = await pageValues(trx, data, now);
    const { id } = await trx.insertInto('pages').values({ ...values, slug: data.slug, created_at: now }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'page.create', subject: `page:${id}`, ...actor, details: { slug: data.slug, status: data.status } }, deps.clock.now());
    return { result: id, tags: changedTags(null, { ...values, slug: data.slug }) };
  }));
}

/**
 * Saves a page. A new slug on a page that was and stays published makes the old address
 * redirect (301) to the new one. Throws NOT_FOUND or VALIDATION.
 */
export async function updatePage(deps: PageDeps, id: number, input: PageInput, actor: AuditActor): Promise<void> {
  const data = validate(input);
  await invalidating(deps, inTransaction(deps.db, async (trx) => {
    const before = await trx.selectFrom('pages').select(['slug', 'status', 'title', 'language']).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { page: id });
    if (await slugTaken(trx, data.slug, id)) throw new AppError('VALIDATION', { fields: TAKEN });
    const now = toIso(deps.clock.now());
    const values = await pageValues(trx, data, now);
    await trx.updateTable('pages').set({ ...values, slug: data.slug }).where('id', '=', id).execute();
    const renamed = before.slug !== data.slug;
    if (renamed && before.status === 'published' && data.status === 'published') await addRedirect(trx, `/${before.slug}/`, `/${data.slug}/`, now);
    const details = renamed ? { from: before.slug, to: data.slug } : { slug: data.slug, status: data.status };
    await recordAudit(trx, { action: renamed ? 'page.rename' : 'page.update', subject: `page:${id}`, ...actor, details }, deps.clock.now());
    return { result: undefined, tags: changedTags(before, { ...values, slug: data.slug }) };
  }));
}

/** Deletes a page for good; its address then answers 404. Throws NOT_FOUND. */
export async function deletePage(deps: PageDeps, id: number, actor: AuditActor): Promise<void> {
  await invalidating(deps, deps.db.transaction().execute(async (trx) => {
    const page = await trx.selectFrom('pages').select(['slug', 'title', 'status', 'language']).where('id', '=', id).executeTakeFirst();
    if (!page) throw new AppError('NOT_FOUND', { page: id });
    await trx.deleteFrom('pages').where('id', '=', id).execute();
    await recordAudit(trx, { action: 'page.delete', subject: `page:${id}`, ...actor, details: { slug: page.slug, title: page.title } }, deps.clock.now());
    return { result: undefined, tags: changedTags(page, null) };
  }));
}

const COLUMNS = ['id', 'slug', 'title', 'body_md', 'status', 'language', 'updated_at'] as const;

function toAdminPage(row: { id: number; slug: string; title: string; body_md: string; status: PageStatus; language: string; updated_at: string }): AdminPage {
  return { id: row.id, slug: row.slug, title: row.title, body: row.body_md, status: row.status, language: row.language, updatedAt: row.updated_at };
}

function validate(input: PageInput): ValidPageInput {
  const slug = input.slug.trim() || slugify(input.title ?? '');
  return parseInput(pageInputSchema, { ...input, slug });
}

async function slugTaken(trx: Transaction<DB>, slug: string, selfId: number | null): Promise<boolean> {
  let query = trx.selectFrom('pages').select('id').where('slug', '=', slug);
  if (selfId !== null) query = query.where('id', '!=', selfId);
  return Boolean(await query.executeTakeFirst());
}

/** One transaction; a slug taken by a concurrent save becomes the same field error as the check inside. */
const inTransaction = <T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> =>
  uniqueViolationAs(TAKEN, () => db.transaction().execute(work));
