import { pino } from 'pino';
import { type Kysely, sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { DEFAULT_SETTINGS, writeSettings } from '../src/features/site/index.js';
import { pad2 } from '../src/lib/dates.js';
import { createContext } from '../src/runtime.js';
import type { DB } from '../src/storage/schema.js';
import { generateArchive } from './generate.js';
import { CATEGORIES, generateComments, generateCategories } from './site-data.js';

/**
 * The large newsroom of bench/site.ts and bench/render-cost.ts: `posts` articles over `years`
 * years with categories and `comments` reader comments, written into a fresh SQLite file in
 * `dataDir` (then closed, so a server opens it as it would any site), and the pages to load.
 */

export interface SiteOptions {
  posts: number;
  comments: number;
  years: number;
  timeZone: string;
}

/** A visible English article among the newest (so with many comments), its day and category. */
/** A whole-number setting of a benchmark from the environment. */
export const envNumber = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/** The large site of issue 9, resized by BENCH_POSTS, BENCH_COMMENTS and BENCH_YEARS. */
export function siteOptionsFromEnv(): SiteOptions {
  return {
    posts: envNumber('BENCH_POSTS', 100_000),
    comments: envNumber('BENCH_COMMENTS', 1_000_000),
    years: envNumber('BENCH_YEARS', 20),
    timeZone: 'Europe/Brussels',
  };
}

export interface Sample {
  article: string;
  postId: number;
  day: string;
  category: string;
}

export interface Generation {
  posts: number; visible: number; comments: number; approvedComments: number; categories: number; years: number;
  postsMs: number; commentsMs: number; totalMs: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Generates the site up to `end` (deterministic for given options) and picks the sample pages. */
export async function generateSite(dataDir: string, options: SiteOptions, end: Date): Promise<{ generation: Generation; sample: Sample }> {
  const config = loadConfig({}, { port: 0, dataDir, logLevel: 'silent' });
  const ctx = await createContext(config, { migrate: true, log: pino({ level: 'silent' }) });
  const db = ctx.database.db;
  try {
    // A million rows into five indexes thrash SQLite's default 2 MB page cache: give this one
    // connection 256 MB while it loads (the server opens the file afresh, with the defaults).
    if (ctx.database.dialect === 'sqlite') await sql`pragma cache_size = -262144`.execute(db);
    await writeSettings(db, {
      title: 'The Bench Gazette', timeZone: options.timeZone, postsPerPage: 10,
      comments: { ...DEFAULT_SETTINGS.comments, perIpPerHour: 10_000, perEmailPerHour: 10_000 },
    });
    console.log(`Generating ${options.posts.toLocaleString('en')} posts over ${options.years} years and ${options.comments.toLocaleString('en')} comments …`);
    const t0 = performance.now();
    const archive = await generateArchive(db, { ...options, end });
    const postsMs = performance.now() - t0;
    await generateCategories(db, { posts: options.posts, end });
    const t1 = performance.now();
    const comments = await generateComments(db, { posts: options.posts, comments: options.comments, end });
    const commentsMs = performance.now() - t1;
    const totalMs = performance.now() - t0;
    console.log(`  posts ${Math.round(postsMs)} ms, comments ${Math.round(commentsMs)} ms, in all ${Math.round(totalMs)} ms`);
    const generation = { posts: options.posts, visible: archive.visible, comments: comments.comments, approvedComments: comments.approved,
      categories: CATEGORIES.length, years: options.years, postsMs: round(postsMs), commentsMs: round(commentsMs), totalMs: round(totalMs) };
    return { generation, sample: await pickSample(db, end.toISOString()) };
  } finally {
    await ctx.database.close();
  }
}

/** The sample pages of a generated site (the newest posts are those dated up to `now`). */
export async function pickSample(db: Kysely<DB>, now: string): Promise<Sample> {
  const row = await db
    .selectFrom('posts')
    .innerJoin('post_categories', 'post_categories.post_id', 'posts.id')
    .innerJoin('categories', 'categories.id', 'post_categories.category_id')
    .select(['posts.id', 'posts.slug', 'local_year', 'local_month', 'local_day', 'categories.slug as category'])
    .where('status', '=', 'published').where('deleted_at', 'is', null).where('published_at', '<=', now).where('language', '=', 'en')
    .where('comment_status', '=', 'open')
    .orderBy('posts.id', 'desc')
    .offset(10)
    .limit(1)
    .executeTakeFirstOrThrow();
  const month = `/${row.local_year}/${pad2(row.local_month!)}/`;
  return { article: `${month}${row.slug}/`, postId: row.id, day: `${month}${pad2(row.local_day!)}/`, category: `/category/${row.category}/` };
}
