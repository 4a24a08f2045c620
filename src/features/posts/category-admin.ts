import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { toIso } from '../../lib/dates.js';
import { parseInput } from '../../lib/validate.js';
import type { DB } from '../../storage/schema.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { addRedirect } from '../redirects/index.js';
import { categoryPath } from './paths.js';
import { changeTerms } from './term-changes.js';
import { resolveSlug, slugTaken, type TermDeps, termNameSchema, termSlugSchema, termTransaction, toCount } from './term-input.js';
import { EVERYTHING, thenInvalidate } from '../cache/index.js';

/** Categories as the admin manages them: a tree, renames that redirect, deletes that say what happens to posts. */

export const categoryInputSchema = z.object({
  name: termNameSchema,
  slug: termSlugSchema,
  description: z.string().trim().max(2000, 'Keep the description under 2,000 characters').default(''),
  parentId: z.number().int().positive().nullable().default(null),
});

export type CategoryAdminInput = z.input<typeof categoryInputSchema>;

export interface CategoryNode {
  id: number;
  name: string;
  slug: string;
  description: string;
  parentId: number | null;
  /** 0 for a top-level category. */
  depth: number;
  /** Posts filed directly under it, trash excluded. */
  posts: number;
}

/** What happens to the posts of a deleted category. */
export type CategoryDeletion = { posts: 'move'; to: number | null } | { posts: 'detach' };

const TAKEN = 'Another category already uses this slug';
const CYCLE = 'A category cannot sit inside itself or one of its sub-categories';

/** Every category, parents before their children, siblings by name. */
export async function listCategoryTree(db: Kysely<DB>): Promise<CategoryNode[]> {
  const rows = await db
    .selectFrom('categories')
    .select(['id', 'name', 'slug', 'description', 'parent_id'])
    .select((eb) =>
      eb
        .selectFrom('post_categories')
        .innerJoin('posts', 'posts.id', 'post_categories.post_id')
        .whereRef('post_categories.category_id', '=', 'categories.id')
        .where('posts.deleted_at', 'is', null)
        .select((sub) => sub.fn.countAll<number | string>().as('n'))
        .as('posts'),
    )
    .orderBy('name')
    .orderBy('id')
    .execute();
  const nodes = rows.map((r) => ({ id: r.id, name: r.name, slug: r.slug, description: r.description, parentId: r.parent_id, posts: toCount(r.posts) }));
  const known = new Set(nodes.map((n) => n.id));
  const out: CategoryNode[] = [];
  const placed = new Set<number>();
  const visit = (parentId: number | null, depth: number) => {
    for (const node of nodes) {
      const parentHere = parentId === null ? node.parentId === null || !known.has(node.parentId) : node.parentId === parentId;
      if (!parentHere || placed.has(node.id)) continue;
      placed.add(node.id);
      out.push({ ...node, depth });
      visit(node.id, depth + 1);
    }
  };
  visit(null, 0);
  // A cycle written by hand would hide its members; show them at the top rather than lose them.
  for (const node of nodes) if (!placed.has(node.id)) out.push({ ...node, depth: 0 });
  return out;
}

/** Creates a category; returns its id. Throws VALIDATION (bad field, slug taken, unknown parent). */
export async function createCategory(deps: TermDeps, input: CategoryAdminInput, actor: AuditActor): Promise<number> {
  const data = parseInput(categoryInputSchema, input);
  const slug = resolveSlug(data.slug, data.name);
  return thenInvalidate(deps, [EVERYTHING], termTransaction(deps.db, TAKEN, async (trx) => {
    await checkSlugAndParent(trx, slug, data.parentId, null);
    const values = { name: data.name, slug, description: data.description, parent_id: data.parentId, created_at: toIso(deps.clock.now()) };
    const { id } = await trx.insertInto('categories').values(values).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'category.create', subject: `category:${id}`, ...actor, details: { slug } }, deps.clock.now());
    return id;
  }));
}

/**
 * Saves a category. Refuses a parent that is the category itself or one of its descendants.
 * A new slug makes the old category address redirect to the new one. Throws NOT_FOUND or VALIDATION.
 */
export async function updateCategory(deps: TermDeps, id: number, input: CategoryAdminInput, actor: AuditActor): Promise<void> {
  const data = parseInput(categoryInputSchema, input);
  const slug = resolveSlug(data.slug, data.name);
  await thenInvalidate(deps, [EVERYTHING], termTransaction(deps.db, TAKEN, async (trx) => {
    const before = await trx.selectFrom('categories').select(['slug', 'parent_id']).where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { category: id });
    await checkSlugAndParent(trx, slug, data.parentId, id);
    const save = () => trx.updateTable('categories').set({ name: data.name, slug, description: data.description, parent_id: data.parentId }).where('id', '=', id).execute();
    // A move changes what its old and new ancestors count.
    await (before.parent_id === data.parentId ? save() : changeTerms(trx, 'category', [id], save));
    const renamed = before.slug !== slug;
    if (renamed) await addRedirect(trx, categoryPath(before.slug), categoryPath(slug), toIso(deps.clock.now()));
    const details = renamed ? { from: before.slug, to: slug } : { slug };
    await recordAudit(trx, { action: renamed ? 'category.rename' : 'category.update', subject: `category:${id}`, ...actor, details }, deps.clock.now());
  }));
}

/**
 * Deletes a category in one transaction. Its posts move to another category (and its address
 * redirects there) or just lose it; its sub-categories move up to its parent. Returns how many
 * posts were filed under it. Throws NOT_FOUND or VALIDATION (no valid category to move to).
 */
export async function deleteCategory(deps: TermDeps, id: number, choice: CategoryDeletion, actor: AuditActor): Promise<{ posts: number }> {
  return thenInvalidate(deps, [EVERYTHING], deps.db.transaction().execute(async (trx) => {
    const category = await trx.selectFrom('categories').select(['slug', 'parent_id']).where('id', '=', id).executeTakeFirst();
    if (!category) throw new AppError('NOT_FOUND', { category: id });
    const target = choice.posts === 'move' ? await moveTarget(trx, id, choice.to) : null;
    const filed = await changeTerms(trx, 'category', [id], async () => {
      const filed = await trx.selectFrom('post_categories').select('post_id').where('category_id', '=', id).execute();
      if (target) {
        const already = trx.selectFrom('post_categories').select('post_id').where('category_id', '=', target.id);
        await trx.deleteFrom('post_categories').where('category_id', '=', id).where('post_id', 'in', already).execute();
        await trx.updateTable('post_categories').set({ category_id: target.id }).where('category_id', '=', id).execute();
        await addRedirect(trx, categoryPath(category.slug), categoryPath(target.slug), toIso(deps.clock.now()));
      }
      await trx.updateTable('categories').set({ parent_id: category.parent_id }).where('parent_id', '=', id).execute();
      await trx.deleteFrom('categories').where('id', '=', id).execute();
      return filed;
    });
    const details = { slug: category.slug, posts: filed.length, ...(target ? { movedTo: target.slug } : { postsLoseIt: true }) };
    await recordAudit(trx, { action: 'category.delete', subject: `category:${id}`, ...actor, details }, deps.clock.now());
    return { posts: filed.length };
  }));
}

async function moveTarget(trx: Transaction<DB>, deletedId: number, to: number | null): Promise<{ id: number; slug: string }> {
  const target = to === null || to === deletedId ? undefined : await trx.selectFrom('categories').select(['id', 'slug']).where('id', '=', to).executeTakeFirst();
  if (!target) throw new AppError('VALIDATION', { fields: { to: 'Choose another category to move the posts to' } });
  return target;
}

async function checkSlugAndParent(trx: Transaction<DB>, slug: string, parentId: number | null, selfId: number | null): Promise<void> {
  if (await slugTaken(trx, 'categories', slug, selfId)) throw new AppError('VALIDATION', { fields: { slug: TAKEN } });
  if (parentId === null) return;
  const all = await trx.selectFrom('categories').select(['id', 'parent_id']).execute();
  const parentOf = new Map(all.map((c) => [c.id, c.parent_id]));
  if (!parentOf.has(parentId)) throw new AppError('VALIDATION', { fields: { parentId: 'Choose a parent from the list' } });
  // Walk up from the chosen parent: meeting this category means the change would close a loop.
  let current: number | null | undefined = parentId;
  for (let steps = 0; current != null && steps <= all.length; steps++) {
    if (current === selfId) throw new AppError('VALIDATION', { fields: { parentId: CYCLE } });
    current = parentOf.get(current);
  }
}
