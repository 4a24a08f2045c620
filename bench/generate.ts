import type { Kysely } from 'kysely';
import { changePosts } from '../src/features/posts/index.js';
import { localDateOf } from '../src/lib/dates.js';
import type { DB } from '../src/storage/schema.js';
import { seededRandom as random } from '../src/lib/seeded-random.js';

/**
 * Fills an empty, migrated database with a newsroom's archive for benchmarks: `posts` articles
 * spread evenly (with jitter) over `years` years up to `end`, four in five in English and the
 * rest in Russian, with a few drafts, trashed and scheduled posts mixed in, as a real archive has.
 * Deterministic for given options (seeded PRNG). Rows go in by bulk inserts, many to a
 * statement and thousands to a transaction, so 100,000 posts take seconds, not minutes.
 */

export interface GenerateOptions {
  posts: number;
  years: number;
  /** The newest post is just before this instant. */
  end: Date;
  /** The site's time zone, in which the local date parts are computed. */
  timeZone: string;
}

export interface Generated {
  posts: number;
  authors: number;
  /** Posts that count (published, their time come, not in the trash). */
  visible: number;
}

const AUTHORS = 25;
const ROWS_PER_INSERT = 500;
const ROWS_PER_TRANSACTION = 10_000;
const WORDS = 'court council strike river tram union hearing budget mayor verdict archive protest report city'.split(' ');

const phrase = (next: () => number, words: number) =>
  Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');

export async function generateArchive(db: Kysely<DB>, options: GenerateOptions): Promise<Generated> {
  const now = options.end.toISOString();
  await db
    .insertInto('authors')
    .values(Array.from({ length: AUTHORS }, (_, i) => ({
      id: i + 1, slug: `author-${i + 1}`, name: `Author ${i + 1}`, bio: '', created_at: now, updated_at: now,
    })))
    .execute();
  const next = random(20_140_101);
  const start = options.end.getTime() - options.years * 365.2425 * 86_400_000;
  const step = (options.end.getTime() - start) / options.posts;
  let visible = 0;
  for (let first = 1; first <= options.posts; first += ROWS_PER_TRANSACTION) {
    const last = Math.min(options.posts, first + ROWS_PER_TRANSACTION - 1);
    await db.transaction().execute(async (trx) => {
      for (let from = first; from <= last; from += ROWS_PER_INSERT) {
        const ids = Array.from({ length: Math.min(ROWS_PER_INSERT, last - from + 1) }, (_, i) => from + i);
        const rows = ids.map((id) => postRow(id, start + (id - 1 + next() * 0.9) * step, next, options.timeZone, now));
        visible += rows.filter((r) => r.status === 'published' && r.published_at! <= now && r.deleted_at === null).length;
        // Through the monthly and term counts, as every writer of posts goes.
        await changePosts(trx, [], async () => {
          await trx.insertInto('posts').values(rows).execute();
          await trx
            .insertInto('post_authors')
            .values(ids.map((id) => ({ post_id: id, author_id: 1 + Math.floor(next() * AUTHORS), position: 0 })))
            .execute();
        }, { inserted: () => ids });
      }
    });
  }
  return { posts: options.posts, authors: AUTHORS, visible };
}

function postRow(id: number, time: number, next: () => number, timeZone: string, now: string) {
  const roll = next();
  // 1.5 % drafts, 0.5 % trashed, 0.2 % scheduled a week ahead; the rest published.
  const status = roll < 0.015 ? 'draft' : roll < 0.017 ? 'scheduled' : 'published';
  const publishedAt = new Date(status === 'scheduled' ? Date.parse(now) + 7 * 86_400_000 : time).toISOString();
  const local = localDateOf(publishedAt, timeZone);
  const title = `${phrase(next, 6)} ${id}`;
  const body = `<p>${phrase(next, 60)}.</p><p>${phrase(next, 60)}.</p>`;
  return {
    id,
    guid: `urn:bench:${id}`,
    slug: `story-${id}`,
    title: title[0]!.toUpperCase() + title.slice(1),
    standfirst: `${phrase(next, 18)}.`,
    body_md: '',
    body_html: body,
    postscript_md: '',
    postscript_html: '',
    comment_status: 'open' as const,
    featured_image_url: '',
    featured_image_alt: '',
    featured_image_caption: '',
    translation_group: null,
    status: status as 'draft' | 'scheduled' | 'published',
    published_at: publishedAt,
    local_year: local.year,
    local_month: local.month,
    local_day: local.day,
    language: next() < 0.8 ? 'en' : 'ru',
    created_at: publishedAt,
    updated_at: publishedAt,
    deleted_at: roll > 0.995 ? now : null,
  };
}
