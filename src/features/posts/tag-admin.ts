import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { toIso } from '../../lib/dates.js';
import { parseInput } from '../../lib/validate.js';
import type { DB } from '../../storage/schema.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { addRedirect } from '../redirects/index.js';
import { tagPath } from './paths.js';
import { changeTerms } from './term-changes.js';
import { resolveSlug, slugTaken, type TermDeps, termNameSchema, termSlugSchema, termTransaction, toCount } from './term-input.js';
import { EVERYTHING, thenInvalidate } from '../cache/index.js';

/** Tags as the admin manages them: renames and merges that redirect, deletes that just untag. */

export const tagInputSchema = z.object({ name: termNameSchema, slug: termSlugSchema });

export type TagAdminInput = z.input<typeof tagInputSchema>;

export interface TagListItem {
  id: number;
  name: string;
  slug: string;
  /** Posts carrying the tag, trash excluded. */
  posts: number;
}

const TAKEN = 'Another tag already uses this slug';

/** Every tag with its post count, by name. */
export async function listTagsWithCounts(db: Kysely<DB>): Promise<TagListItem[]> {
  const rows = await tagsWithCounts(db).orderBy('name').orderBy('id').execute();
  return rows.map(toTagItem);
}

/** One tag with its post count, or null. */
export async function findTagWithCount(db: Kysely<DB>, id: number): Promise<TagListItem | null> {
  const row = await tagsWithCounts(db).where('id', '=', id).executeTakeFirst();
  return row ? toTagItem(row) : null;
}

function tagsWithCounts(db: Kysely<DB>) {
  return db
    .selectFrom('tags')
    .select(['id', 'name', 'slug'])
    .select((eb) =>
      eb
        .selectFrom('post_tags')
        .innerJoin('posts', 'posts.id', 'post_tags.post_id')
        .whereRef('post_tags.tag_id', '=', 'tags.id')
        .where('posts.deleted_at', 'is', null)
        .select((sub) => sub.fn.countAll<number | string>().as('n'))
        .as('posts'),
    );
}

const toTagItem = (r: { id: number; name: string; slug: string; posts: number | string | null }): TagListItem => ({ id: r.id, name: r.name, slug: r.slug, posts: toCount(r.posts) });

/** Creates a tag; returns its id. Throws VALIDATION. */
export async function createTag(deps: TermDeps, input: TagAdminInput, actor: AuditActor): Promise<number> {
  const data = parseInput(tagInputSchema, input);
  const slug = resolveSlug(data.slug, data.name);
  return thenInvalidate(deps, [EVERYTHING], termTransaction(deps.db, TAKEN, async (trx) => {
    if (await slugTaken(trx, 'tags', slug, null)) throw new AppError('VALIDATION', { fields: { slug: TAKEN } });
    const { id } = await trx.insertInto('tags').values({ name: data.name, slug, created_at: toIso(deps.clock.now()) }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'tag.create', subject: `tag:${id}`, ...actor, details: { slug } }, deps.clock.now());
    return id;
  }));
}

/** Saves a tag; a new slug makes the old tag address redirect to the new one. Throws NOT_FOUND or VALIDATION. */
export async function updateTag(deps: TermDeps, id: number, input: TagAdminInput, actor: AuditActor): Promise<void> {
  const data = parseInput(tagInputSchema, input);
  const slug = resolveSlug(data.slug, data.name);
  await thenInvalidate(deps, [EVERYTHING], termTransaction(deps.db, TAKEN, async (trx) => {
    const before = await trx.selectFrom('tags').select('slug').where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { tag: id });
    if (await slugTaken(trx, 'tags', slug, id)) throw new AppError('VALIDATION', { fields: { slug: TAKEN } });
    await trx.updateTable('tags').set({ name: data.name, slug }).where('id', '=', id).execute();
    const renamed = before.slug !== slug;
    if (renamed) await addRedirect(trx, tagPath(before.slug), tagPath(slug), toIso(deps.clock.now()));
    const details = renamed ? { from: before.slug, to: slug } : { slug };
    await recordAudit(trx, { action: renamed ? 'tag.rename' : 'tag.update', subject: `tag:${id}`, ...actor, details }, deps.clock.now());
  }));
}

/**
 * Merges tags into one, in one transaction: every post of a merged tag gets the target tag,
 * the merged tags are deleted and their addresses redirect to the target's. Returns how many
 * tags were merged. Throws VALIDATION when no other existing tag is chosen or the target is unknown.
 */
export async function mergeTags(deps: TermDeps, input: { sourceIds: number[]; targetId: number | null }, actor: AuditActor): Promise<{ merged: number }> {
  const sourceIds = [...new Set(input.sourceIds)].filter((id) => id !== input.targetId);
  return thenInvalidate(deps, [EVERYTHING], deps.db.transaction().execute(async (trx) => {
    const target = input.targetId === null ? undefined : await trx.selectFrom('tags').select(['id', 'slug']).where('id', '=', input.targetId).executeTakeFirst();
    if (!target) throw new AppError('VALIDATION', { fields: { targetId: 'Choose the tag to merge into' } });
    const sources = sourceIds.length ? await trx.selectFrom('tags').select(['id', 'slug']).where('id', 'in', sourceIds).execute() : [];
    if (sources.length === 0) throw new AppError('VALIDATION', { fields: { sourceIds: 'Choose at least one other tag to merge' } });
    const now = toIso(deps.clock.now());
    await changeTerms(trx, 'tag', sources.map((s) => s.id), async () => {
      for (const source of sources) {
        const tagged = trx.selectFrom('post_tags').select('post_id').where('tag_id', '=', target.id);
        await trx.deleteFrom('post_tags').where('tag_id', '=', source.id).where('post_id', 'in', tagged).execute();
        await trx.updateTable('post_tags').set({ tag_id: target.id }).where('tag_id', '=', source.id).execute();
        await trx.deleteFrom('tags').where('id', '=', source.id).execute();
        await addRedirect(trx, tagPath(source.slug), tagPath(target.slug), now);
      }
    });
    const details = { into: target.slug, merged: sources.map((s) => s.slug) };
    await recordAudit(trx, { action: 'tag.merge', subject: `tag:${target.id}`, ...actor, details }, deps.clock.now());
    return { merged: sources.length };
  }));
}

/** Deletes a tag; its posts simply lose it. Throws NOT_FOUND. */
export async function deleteTag(deps: TermDeps, id: number, actor: AuditActor): Promise<void> {
  await thenInvalidate(deps, [EVERYTHING], deps.db.transaction().execute(async (trx) => {
    const tag = await trx.selectFrom('tags').select('slug').where('id', '=', id).executeTakeFirst();
    if (!tag) throw new AppError('NOT_FOUND', { tag: id });
    const { n } = await trx.selectFrom('post_tags').select((eb) => eb.fn.countAll<number | string>().as('n')).where('tag_id', '=', id).executeTakeFirstOrThrow();
    await changeTerms(trx, 'tag', [id], async () => {
      await trx.deleteFrom('post_tags').where('tag_id', '=', id).execute();
      await trx.deleteFrom('tags').where('id', '=', id).execute();
    });
    await recordAudit(trx, { action: 'tag.delete', subject: `tag:${id}`, ...actor, details: { slug: tag.slug, posts: toCount(n) } }, deps.clock.now());
  }));
}
