import type { Kysely } from 'kysely';
import { changePosts } from '../src/features/posts/index.js';
import type { DB } from '../src/storage/schema.js';
import { seededRandom as random } from '../src/lib/seeded-random.js';

/**
 * What bench/site.ts adds to the archive of generate.ts so every public page has its real
 * weight: categories (each post in one), and reader comments — a fifth of them on the 1,000
 * newest posts (the articles being read and argued over now), the rest spread over the archive;
 * nine in ten approved, all top-level. Deterministic; bulk multi-row inserts in large
 * transactions, so a million comments take well under a minute on SQLite.
 */

export interface ExtrasOptions {
  posts: number;
  comments: number;
  /** Comments are dated up to this instant. */
  end: Date;
}

export const CATEGORIES = ['politics', 'city', 'courts', 'labour', 'climate', 'culture', 'transport', 'health', 'schools', 'housing', 'opinion', 'data'];
const HOT_POSTS = 1000;
const COMMENTS_PER_INSERT = 1000;
const COMMENTS_PER_TRANSACTION = 50_000;
const WORDS = 'agree council really think vote budget source river tram thanks report wrong numbers'.split(' ');

/** Categories and one category per post. */
export async function generateCategories(db: Kysely<DB>, options: { posts: number; end: Date }): Promise<number> {
  const now = options.end.toISOString();
  await db
    .insertInto('categories')
    .values(CATEGORIES.map((slug, i) => ({ id: i + 1, slug, name: slug[0]!.toUpperCase() + slug.slice(1), description: '', parent_id: null, created_at: now })))
    .execute();
  for (let first = 1; first <= options.posts; first += 50_000) {
    await db.transaction().execute(async (trx) => {
      for (let from = first; from < Math.min(first + 50_000, options.posts + 1); from += 2000) {
        const ids = Array.from({ length: Math.min(2000, options.posts - from + 1) }, (_, i) => from + i);
        // Through the term counts, as every writer of posts' terms goes.
        await changePosts(trx, ids, () =>
          trx.insertInto('post_categories').values(ids.map((id) => ({ post_id: id, category_id: 1 + (id % CATEGORIES.length) }))).execute());
      }
    });
  }
  return CATEGORIES.length;
}

/** `options.comments` comments over the posts (ids 1…posts, oldest first). Returns how many are approved. */
export async function generateComments(db: Kysely<DB>, options: ExtrasOptions): Promise<{ comments: number; approved: number }> {
  const next = random(1_000_003);
  const ip = '203.0.113.7';
  let approved = 0;
  let id = 0;
  for (let first = 0; first < options.comments; first += COMMENTS_PER_TRANSACTION) {
    const last = Math.min(options.comments, first + COMMENTS_PER_TRANSACTION);
    await db.transaction().execute(async (trx) => {
      for (let from = first; from < last; from += COMMENTS_PER_INSERT) {
        const rows = [];
        for (let n = from; n < Math.min(last, from + COMMENTS_PER_INSERT); n++) {
          id++;
          const postId = next() < 0.2 ? options.posts - Math.floor(next() * Math.min(HOT_POSTS, options.posts)) : 1 + Math.floor(next() * options.posts);
          const status = next() < 0.9 ? 'approved' as const : next() < 0.5 ? 'pending' as const : 'spam' as const;
          if (status === 'approved') approved++;
          const at = new Date(options.end.getTime() - Math.floor(next() * 86_400_000 * 30)).toISOString();
          rows.push({
            id, post_id: postId, parent_id: null, depth: 1, author_name: `Reader ${id % 5000}`, author_email: `reader${id % 5000}@example.org`,
            body: Array.from({ length: 12 + Math.floor(next() * 40) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' '),
            status, created_at: at, approved_at: status === 'approved' ? at : null, ip_hash: 'bench', ip, user_agent: 'bench',
          });
        }
        await trx.insertInto('comments').values(rows).execute();
      }
    });
  }
  return { comments: id, approved };
}
