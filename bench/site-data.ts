import type { Kysely } from 'kysely';
import { changePosts } from '../src/features/posts/index.js';
import { DEFAULT_SETTINGS } from '../src/features/site/index.js';
import type { DB } from '../src/storage/schema.js';
import { seededRandom as random } from '../src/lib/seeded-random.js';

/**
 * What bench/site.ts adds to the archive of generate.ts so every public page has its real
 * weight: categories (each post in one), and reader comments — a fifth of them on the 1,000
 * newest posts (the articles being read and argued over now), the rest spread over the archive;
 * nine in ten approved, all top-level. Each comment is dated after its post went out, as
 * readers write: most within days of it, one in ten any time since (see `commentTime`), never
 * after `end`; those older than the default IP retention period hold no address any more, as
 * the retention sweep leaves a real site. Deterministic; bulk multi-row inserts in large
 * transactions, so a million comments take well under two minutes on SQLite.
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
const DAY_MS = 86_400_000;
/** Most comments come within days of the article: exponential delays of this mean. */
const MEAN_DELAY_MS = 2 * DAY_MS;
/** The share of comments that come any time later (a reader finding an old article). */
const LATE_SHARE = 0.1;
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
  const endMs = options.end.getTime();
  const published = await publicationTimes(db, options.posts);
  const ipKeptFrom = new Date(endMs - DEFAULT_SETTINGS.comments.ipRetentionDays * DAY_MS).toISOString();
  let approved = 0;
  let id = 0;
  for (let first = 0; first < options.comments; first += COMMENTS_PER_TRANSACTION) {
    const last = Math.min(options.comments, first + COMMENTS_PER_TRANSACTION);
    await db.transaction().execute(async (trx) => {
      for (let from = first; from < last; from += COMMENTS_PER_INSERT) {
        const rows = [];
        for (let n = from; n < Math.min(last, from + COMMENTS_PER_INSERT); n++) {
          id++;
          let postId = next() < 0.2 ? options.posts - Math.floor(next() * Math.min(HOT_POSTS, options.posts)) : 1 + Math.floor(next() * options.posts);
          // Posts scheduled after `end` have no time a comment could have been written: the one before.
          while (postId > 1 && !(published[postId]! < endMs)) postId--;
          const status = next() < 0.9 ? 'approved' as const : next() < 0.5 ? 'pending' as const : 'spam' as const;
          if (status === 'approved') approved++;
          const at = new Date(commentTime(published[postId]!, endMs, next)).toISOString();
          rows.push({
            id, post_id: postId, parent_id: null, depth: 1, author_name: `Reader ${id % 5000}`, author_email: `reader${id % 5000}@example.org`,
            body: Array.from({ length: 12 + Math.floor(next() * 40) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' '),
            status, created_at: at, approved_at: status === 'approved' ? at : null, ip_hash: 'bench', ip: at > ipKeptFrom ? '203.0.113.7' : null, user_agent: 'bench',
          });
        }
        await trx.insertInto('comments').values(rows).execute();
      }
    });
  }
  return { comments: id, approved };
}

/** Each post's publication time in epoch ms, by id (ids 1…posts; NaN where none). */
async function publicationTimes(db: Kysely<DB>, posts: number): Promise<Float64Array> {
  const times = new Float64Array(posts + 1).fill(Number.NaN);
  const rows = await db.selectFrom('posts').select(['id', 'published_at']).where('id', '<=', posts).execute();
  for (const row of rows) if (row.published_at !== null) times[row.id] = Date.parse(row.published_at);
  return times;
}

/**
 * When a comment on an article published at `publishedMs` was written: a minute or more after
 * it, most within days (exponential, mean MEAN_DELAY_MS), LATE_SHARE of them at any time since;
 * always before `endMs` (a delay past it is drawn again within the time there was).
 */
export function commentTime(publishedMs: number, endMs: number, next: () => number): number {
  const since = Math.max(0, endMs - publishedMs - 60_000);
  const delay = next() < LATE_SHARE ? next() * since : -Math.log(1 - next()) * MEAN_DELAY_MS;
  return Math.min(endMs, publishedMs + 60_000 + Math.floor(delay <= since ? delay : next() * since));
}
