import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { toIso } from '../../lib/dates.js';
import { parseInput } from '../../lib/validate.js';
import type { DB } from '../../storage/schema.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { addRedirect } from '../redirects/index.js';
import { changeTerms } from './term-changes.js';
import { authorPath } from './paths.js';
import { resolveSlug, slugTaken, type TermDeps, termNameSchema, termSlugSchema, termTransaction, toCount } from './term-input.js';
import { EVERYTHING, thenInvalidate } from '../cache/index.js';

/** Author profiles (bylines) as the admin manages them. A post never ends up without an author. */

export const authorInputSchema = z.object({
  name: termNameSchema,
  slug: termSlugSchema,
  bio: z.string().trim().max(5000, 'Keep the bio under 5,000 characters').default(''),
});

export type AuthorAdminInput = z.input<typeof authorInputSchema>;

export interface AuthorListItem {
  id: number;
  name: string;
  slug: string;
  bio: string;
  /** Posts in their byline, trash excluded. */
  posts: number;
}

/**
 * What happens to the posts of a deleted author. `reassign`: every post gets author `to` in
 * their place. `trash`: posts they wrote alone go to the trash, credited to `to` so they can be
 * restored with a byline; posts written with others just lose them.
 */
export type AuthorDeletion = { posts: 'reassign' | 'trash'; to: number | null };

const TAKEN = 'Another author already uses this slug';

/** Every author with their post count, by name. */
export async function listAuthorsWithCounts(db: Kysely<DB>): Promise<AuthorListItem[]> {
  const rows = await authorsWithCounts(db).orderBy('name').orderBy('id').execute();
  return rows.map(toAuthorItem);
}

/** One author with their post count, or null. */
export async function findAuthorWithCount(db: Kysely<DB>, id: number): Promise<AuthorListItem | null> {
  const row = await authorsWithCounts(db).where('id', '=', id).executeTakeFirst();
  return row ? toAuthorItem(row) : null;
}

function authorsWithCounts(db: Kysely<DB>) {
  return db
    .selectFrom('authors')
    .select(['id', 'name', 'slug', 'bio'])
    .select((eb) =>
      eb
        .selectFrom('post_authors')
        .innerJoin('posts', 'posts.id', 'post_authors.post_id')
        .whereRef('post_authors.author_id', '=', 'authors.id')
        .where('posts.deleted_at', 'is', null)
        .select((sub) => sub.fn.countAll<number | string>().as('n'))
        .as('posts'),
    );
}

const toAuthorItem = (r: { id: number; name: string; slug: string; bio: string; posts: number | string | null }): AuthorListItem => ({
  id: r.id, name: r.name, slug: r.slug, bio: r.bio, posts: toCount(r.posts),
});

/** Creates an author profile; returns its id. Throws VALIDATION. */
export async function createAuthor(deps: TermDeps, input: AuthorAdminInput, actor: AuditActor): Promise<number> {
  const data = parseInput(authorInputSchema, input);
  const slug = resolveSlug(data.slug, data.name);
  return thenInvalidate(deps, [EVERYTHING], termTransaction(deps.db, TAKEN, async (trx) => {
    if (await slugTaken(trx, 'authors', slug, null)) throw new AppError('VALIDATION', { fields: { slug: TAKEN } });
    const now = toIso(deps.clock.now());
    const values = { name: data.name, slug, bio: data.bio, created_at: now, updated_at: now };
    const { id } = await trx.insertInto('authors').values(values).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'author.create', subject: `author:${id}`, ...actor, details: { slug } }, deps.clock.now());
    return id;
  }));
}

/** Saves an author; a new slug makes the old author address redirect to the new one. Throws NOT_FOUND or VALIDATION. */
export async function updateAuthor(deps: TermDeps, id: number, input: AuthorAdminInput, actor: AuditActor): Promise<void> {
  const data = parseInput(authorInputSchema, input);
  const slug = resolveSlug(data.slug, data.name);
  await thenInvalidate(deps, [EVERYTHING], termTransaction(deps.db, TAKEN, async (trx) => {
    const before = await trx.selectFrom('authors').select('slug').where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { author: id });
    if (await slugTaken(trx, 'authors', slug, id)) throw new AppError('VALIDATION', { fields: { slug: TAKEN } });
    const now = toIso(deps.clock.now());
    await trx.updateTable('authors').set({ name: data.name, slug, bio: data.bio, updated_at: now }).where('id', '=', id).execute();
    const renamed = before.slug !== slug;
    if (renamed) await addRedirect(trx, authorPath(before.slug), authorPath(slug), now);
    const details = renamed ? { from: before.slug, to: slug } : { slug };
    await recordAudit(trx, { action: renamed ? 'author.rename' : 'author.update', subject: `author:${id}`, ...actor, details }, deps.clock.now());
  }));
}

/**
 * Deletes an author in one transaction, doing `choice` with their posts (see AuthorDeletion).
 * Throws NOT_FOUND, or VALIDATION when posts need another author and `to` names none.
 */
export async function deleteAuthor(deps: TermDeps, id: number, choice: AuthorDeletion, actor: AuditActor): Promise<{ reassigned: number; trashed: number }> {
  return thenInvalidate(deps, [EVERYTHING], deps.db.transaction().execute(async (trx) => {
    const author = await trx.selectFrom('authors').select('slug').where('id', '=', id).executeTakeFirst();
    if (!author) throw new AppError('NOT_FOUND', { author: id });
    const byline = bylineOf(trx, id);
    const [all, alone] = [await count(byline.all), await count(byline.alone)];
    const moving = choice.posts === 'reassign' ? all : alone;
    const target = moving > 0 ? await otherAuthor(trx, id, choice.to) : null;
    const now = toIso(deps.clock.now());
    // One count of the moves, trashing included: the author's posts change what they and the target count.
    await changeTerms(trx, 'author', [id], async () => {
      if (choice.posts === 'trash') {
        await trx.updateTable('posts').set({ deleted_at: now }).where('id', 'in', byline.alone.select('post_id')).where('deleted_at', 'is', null).execute();
        if (target) await trx.updateTable('post_authors').set({ author_id: target.id }).where('author_id', '=', id).where('post_id', 'not in', byline.withOthers).execute();
      } else if (target) {
        const already = trx.selectFrom('post_authors').select('post_id').where('author_id', '=', target.id);
        await trx.deleteFrom('post_authors').where('author_id', '=', id).where('post_id', 'in', already).execute();
        await trx.updateTable('post_authors').set({ author_id: target.id }).where('author_id', '=', id).execute();
        await addRedirect(trx, authorPath(author.slug), authorPath(target.slug), now);
      }
      // Rows still naming the author (co-written posts, with `trash`) go with it (ON DELETE CASCADE).
      await trx.deleteFrom('authors').where('id', '=', id).execute();
    });
    const result = { reassigned: choice.posts === 'reassign' ? all : 0, trashed: choice.posts === 'trash' ? alone : 0 };
    const details = { slug: author.slug, posts: choice.posts, ...(target ? { to: target.slug } : {}), ...result };
    await recordAudit(trx, { action: 'author.delete', subject: `author:${id}`, ...actor, details }, deps.clock.now());
    return result;
  }));
}

/** The byline rows of an author: all of them, and those of posts nobody else wrote. */
function bylineOf(trx: Transaction<DB>, authorId: number) {
  const withOthers = trx.selectFrom('post_authors').select('post_id').where('author_id', '!=', authorId);
  const all = trx.selectFrom('post_authors').where('author_id', '=', authorId);
  return { all, alone: all.where('post_id', 'not in', withOthers), withOthers };
}

async function count(rows: ReturnType<typeof bylineOf>['all']): Promise<number> {
  const { n } = await rows.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return toCount(n);
}

async function otherAuthor(trx: Transaction<DB>, deletedId: number, to: number | null): Promise<{ id: number; slug: string }> {
  const target = to === null || to === deletedId ? undefined : await trx.selectFrom('authors').select(['id', 'slug']).where('id', '=', to).executeTakeFirst();
  if (!target) throw new AppError('VALIDATION', { fields: { to: 'Choose another author to credit the posts to' } });
  return target;
}
