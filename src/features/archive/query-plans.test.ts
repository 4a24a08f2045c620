import type { CompiledQuery, Kysely, KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenAuthor, givenCategory, givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, createTestDatabase, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { postgresPlan, type PostgresPlanNode, sqlitePlan } from '../../../test/query-plan.js';
import type { DialectName } from '../../storage/db.js';
import { isPreparedTemplate } from '../../storage/prepared.js';
import type { DB } from '../../storage/schema.js';
import { changePosts, SMALL_TERM } from '../posts/index.js';

/**
 * Every query a page runs, recorded as the app sends it, then explained: no query of the date
 * archives or of the sidebar (calendar, monthly list) may read the posts whole. Each access to
 * posts must be an index search bounded by a key, a local date, or a lower bound on the
 * publication time (the posts still to come, a date's window); the one walk allowed without
 * (newest first, stopping at its LIMIT, the home page's list) reads in index order. On
 * PostgreSQL, sequential scans are disabled, as a big table would make them costly (the planner
 * scans an empty test table otherwise), and that walk is not checked for a sort (on a few rows
 * the planner sorts instead of walking the index backwards). Dropping posts_archive fails this.
 * Prepared queries (storage/prepared.ts) are compiled once with placeholders and then sent with
 * executeQuery: they are recorded as sent, with the values they ran with.
 */

const READS_POSTS = /\b(from|join) "posts"/i;
/** A search condition that reads a bounded part of the posts. */
const BOUNDED = /local_year|slug|\bid\b|rowid|published_at ?>/;
/** A query that may walk the posts newest first because it stops at its LIMIT. */
const walksNewestFirst = (sql: string) => /order by "posts"."published_at" desc/i.test(sql) && /\blimit\b/i.test(sql);

async function sqliteProblems(db: Kysely<DB>, query: CompiledQuery): Promise<string[]> {
  const details = await sqlitePlan(db, query);
  const sorted = details.some((d) => d.startsWith('USE TEMP B-TREE FOR ORDER BY'));
  return details.filter((d) => {
    if (/^SCAN posts\b/.test(d)) return true;
    if (!/^SEARCH posts\b/.test(d)) return false;
    return !BOUNDED.test(d) && !(walksNewestFirst(query.sql) && !sorted);
  });
}

const nodesOf = (node: PostgresPlanNode): PostgresPlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

async function postgresProblems(db: Kysely<DB>, query: CompiledQuery): Promise<string[]> {
  const nodes = nodesOf(await postgresPlan(db, query));
  return nodes
    .filter((n) => n['Relation Name'] === 'posts' || n['Index Name']?.startsWith('posts_'))
    .filter((n) => n['Node Type'] !== 'Bitmap Heap Scan')
    .filter((n) => !BOUNDED.test(n['Index Cond'] ?? '') && !(n['Index Cond'] && walksNewestFirst(query.sql)))
    .map((n) => `${n['Node Type']} ${n['Index Name'] ?? ''} ${n['Index Cond'] ?? ''}`);
}

describe.each(DIALECTS)('archive pages on %s', (dialect: DialectName) => {
  let t: TestApp;
  let recording: CompiledQuery[] | null = null;
  let db: Kysely<DB>;
  beforeEach(async () => {
    const testDb = await createTestDatabase(dialect);
    const plain = testDb.database.db;
    const recorder: KyselyPlugin = {
      transformQuery: (args) => {
        const query = recording && plain.getExecutor().compileQuery(args.node, args.queryId);
        if (query && !isPreparedTemplate(query)) recording!.push(query);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const withRecorder = plain.withPlugin(recorder);
    // Kysely keeps its state in private fields: every other member is the instance's own, bound.
    db = new Proxy(withRecorder, {
      get: (target, key) => {
        if (key === 'executeQuery') {
          return (query: CompiledQuery, ...rest: []) => {
            recording?.push(query);
            return target.executeQuery(query, ...rest);
          };
        }
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    t = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z', database: { ...testDb, database: { ...testDb.database, db } } });
  });
  afterEach(async () => t.close());

  /** Requests `page` and returns its status and the queries it ran that read the posts. */
  const queriesOf = async (page: string): Promise<{ status: number; queries: CompiledQuery[] }> => {
    recording = [];
    const res = await t.app.inject(page);
    const queries = recording.filter((query) => /^\s*select/i.test(query.sql) && READS_POSTS.test(query.sql));
    recording = null;
    return { status: res.statusCode, queries };
  };
  const problemsOf = (query: CompiledQuery) => (dialect === 'sqlite' ? sqliteProblems(db, query) : postgresProblems(db, query));

  it('are read through index searches: no date archive, calendar or monthly list query scans the posts', async () => {
    await givenSettings(t.ctx, { postsPerPage: 1 });
    for (const [i, date] of ['2014-01-10', '2014-01-20', '2014-03-05', '2015-07-01', '2026-06-01'].entries()) {
      await givenPost(t.ctx, { slug: `story-${i}`, language: i % 2 ? 'ru' : 'en', publishedAt: `${date}T10:00:00Z` });
    }
    await givenPost(t.ctx, { status: 'scheduled', publishedAt: '2026-06-20T10:00:00Z' });
    const pages = ['/', '/2014/', '/2014/01/', '/2014/01/10/', '/2014/01/page/2/', '/2014/?lang=ru', '/2014/01/story-0/', '/2019/02/'];
    let explained = 0;
    for (const page of pages) {
      const { status, queries } = await queriesOf(page);
      expect([200, 404], page).toContain(status);
      for (const query of queries) {
        expect(await problemsOf(query), `${page}: ${query.sql}`).toEqual([]);
        explained++;
      }
    }
    // The pages did read the posts: the calendar, the counts of posts to come, the lists.
    expect(explained).toBeGreaterThan(pages.length * 2);
  });

  it('read small category, tag and author pages from their links, and large ones newest first through the index probing each post’s links', async () => {
    await givenSettings(t.ctx, { postsPerPage: 1 });
    const news = await givenCategory(t.ctx, 'news');
    const city = await givenCategory(t.ctx, 'city', news);
    const author = await givenAuthor(t.ctx, 'Anna Keller');
    for (const [i, date] of ['2014-01-10', '2014-01-20', '2015-07-01', '2026-06-01'].entries()) {
      await givenPost(t.ctx, { language: i % 2 ? 'ru' : 'en', publishedAt: `${date}T10:00:00Z`, categoryIds: i % 2 ? [city] : [news, city], tagNames: ['Trams'], authorIds: [author] });
    }
    await givenPost(t.ctx, { status: 'published', publishedAt: '2026-06-20T10:00:00Z', categoryIds: [city], tagNames: ['Trams'], authorIds: [author] });
    // An author with more posts than SMALL_TERM: their page walks the posts newest first instead.
    const prolific = await givenAuthor(t.ctx, 'Many Hands');
    const at = (i: number) => new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString();
    const rows = Array.from({ length: SMALL_TERM + 1 }, (_, i) => ({
      guid: `urn:test:many-${i}`, slug: `many-${i}`, title: `Many ${i}`, status: 'published' as const, language: 'en', translation_group: null,
      published_at: at(i), local_year: Number(at(i).slice(0, 4)), local_month: Number(at(i).slice(5, 7)), local_day: Number(at(i).slice(8, 10)),
      standfirst: '', body_md: '', body_html: '', postscript_md: '', postscript_html: '', comment_status: 'open' as const,
      featured_image_url: '', featured_image_alt: '', featured_image_caption: '', created_at: at(i), updated_at: at(i), deleted_at: null,
    }));
    await db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      await changePosts(trx, [], async () => {
        for (let i = 0; i < rows.length; i += 100) ids.push(...(await trx.insertInto('posts').values(rows.slice(i, i + 100)).returning('id').execute()).map((r) => r.id));
        await trx.insertInto('post_authors').values(ids.map((post_id) => ({ post_id, author_id: prolific, position: 0 }))).execute();
      }, { inserted: () => ids });
    });
    const pages = [
      '/category/news/', '/category/news/page/2/', '/category/city/?lang=ru', '/tag/trams/', '/tag/trams/page/3/', '/author/anna-keller/?lang=en',
      '/author/many-hands/', '/author/many-hands/page/400/?lang=en',
    ];
    let explained = 0;
    for (const page of pages) {
      const { status, queries } = await queriesOf(page);
      expect(status, page).toBe(200);
      for (const query of queries) {
        expect(query.sql, page).not.toMatch(/"posts"\."id" in \(select/i);
        expect(await problemsOf(query), `${page}: ${query.sql}`).toEqual([]);
        explained++;
      }
    }
    expect(explained).toBeGreaterThan(pages.length * 2);
  });
});
