import type { Kysely } from 'kysely';
import { slugify } from '../../lib/slug.js';
import type { DB } from '../../storage/schema.js';
import { type PostActor, seesAllPosts } from './access.js';

/**
 * The user's author profile (users.author_id), created from their name the first time they
 * write a post. Runs in the caller's transaction; returns the author id.
 */
export async function ensureAuthorProfile(trx: Kysely<DB>, actor: PostActor, now: string): Promise<number> {
  const user = await trx.selectFrom('users').select('author_id').where('id', '=', actor.id).executeTakeFirst();
  if (user?.author_id != null) return user.author_id;
  const base = slugify(actor.name) || `author-${actor.id}`;
  let slug = base;
  for (let n = 2; await trx.selectFrom('authors').select('id').where('slug', '=', slug).executeTakeFirst(); n++) slug = `${base}-${n}`;
  const { id } = await trx
    .insertInto('authors')
    .values({ slug, name: actor.name, bio: '', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.updateTable('users').set({ author_id: id, updated_at: now }).where('id', '=', actor.id).execute();
  return id;
}

/**
 * The byline to save. Nobody chosen: the writer's own profile. Someone who may only write their
 * own posts always stays in the byline (so the post stays theirs); editors choose freely.
 */
export async function bylineFor(trx: Kysely<DB>, actor: PostActor, chosen: readonly number[], now: string): Promise<number[]> {
  if (chosen.length > 0 && seesAllPosts(actor)) return [...chosen];
  const own = await ensureAuthorProfile(trx, actor, now);
  return chosen.includes(own) ? [...chosen] : [own, ...chosen];
}
