import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser } from '../../../test/admin.js';
import { givenAuthor } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { archiveMonths } from '../../storage/migrations/0006-archive-months.js';
import { updateSiteSettings } from '../site/index.js';
import { deleteAuthor } from './author-admin.js';
import { savePost } from './editing.js';
import type { PostInput } from './input.js';
import { countVisiblePosts, findMonthWithVisiblePosts, listMonthCounts, notYetCountsQuery } from './month-counts.js';
import { deletePostForGood, publishDuePosts, restorePost, trashPost, unpublishPost } from './publishing.js';
import { createPost, updatePost } from './write.js';
import { seededRandom as random } from '../../lib/seeded-random.js';
import { sqlitePlan } from '../../../test/query-plan.js';

describe.each(DIALECTS)('the monthly counts on %s', (dialect) => {
  let t: TestApp;
  const db = () => t.ctx.database.db;
  const deps = () => ({ db: db(), clock: t.ctx.clock });
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-03-15T12:00:00Z' });
  });
  afterEach(async () => t.close());

  /** The table, and what a fresh count(*) over posts says it must be. */
  async function tableAndTruth() {
    const table = await db().selectFrom('archive_months').select(['language', 'year', 'month', 'posts']).orderBy('language').orderBy('year').orderBy('month').execute();
    const truth = await db()
      .selectFrom('posts')
      .select(['language', 'local_year as year', 'local_month as month', (eb) => eb.fn.countAll<number | string>().as('posts')])
      .where('status', '=', 'published')
      .where('deleted_at', 'is', null)
      .groupBy(['language', 'local_year', 'local_month'])
      .orderBy('language').orderBy('local_year').orderBy('local_month')
      .execute();
    return { table: table.map((r) => ({ ...r, posts: Number(r.posts) })), truth: truth.map((r) => ({ ...r, posts: Number(r.posts) })) };
  }

  /** What readers see now, from the table, against the same from the posts themselves. */
  async function readersAgree(step: string) {
    const now = t.ctx.clock.now().toISOString();
    for (const language of [undefined, 'en', 'ru']) {
      const visible = await db()
        .selectFrom('posts')
        .select(['local_year as year', 'local_month as month', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('status', '=', 'published').where('deleted_at', 'is', null).where('published_at', '<=', now)
        .$if(language !== undefined, (q) => q.where('language', '=', language!))
        .groupBy(['local_year', 'local_month']).orderBy('local_year', 'desc').orderBy('local_month', 'desc')
        .execute();
      const expected = visible.map((r) => ({ year: r.year!, month: r.month!, count: Number(r.n) }));
      const filter = { now, ...(language ? { language } : {}) };
      expect(await listMonthCounts(db(), filter), `${step}: monthly list (${language})`).toEqual(expected);
      expect(await countVisiblePosts(db(), filter), `${step}: total (${language})`).toBe(expected.reduce((sum, m) => sum + m.count, 0));
      const probe = expected[Math.floor(expected.length / 2)];
      if (probe) {
        const older = expected.find((m) => m.year * 12 + m.month < probe.year * 12 + probe.month) ?? null;
        const before = await findMonthWithVisiblePosts(db(), { ...filter, year: probe.year, month: probe.month, direction: 'before' });
        expect(before, `${step}: previous month (${language})`).toEqual(older && { year: older.year, month: older.month });
        const inYear = expected.filter((m) => m.year === probe.year).reduce((sum, m) => sum + m.count, 0);
        expect(await countVisiblePosts(db(), { ...filter, year: probe.year }), `${step}: year total`).toBe(inYear);
        expect(await countVisiblePosts(db(), { ...filter, year: probe.year, month: probe.month }), `${step}: month total`).toBe(probe.count);
      }
    }
  }

  it('always equal a fresh count of the posts through a random run of publishing, scheduling, trashing, deleting, redating and time-zone changes', async () => {
    const next = random(dialect === 'sqlite' ? 20_261_127 : 20_261_128);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const editorId = await givenUser(t.ctx, 'editor');
    const editor = { id: editorId, name: 'The editor', email: 'editor@lantern.example', role: 'editor' as const, authorId: null };
    const actor = { userId: editorId, actor: editor.email };
    const authors = [await givenAuthor(t.ctx, 'Anna Keller'), await givenAuthor(t.ctx, 'Boris Lee')];
    const inputs = new Map<number, PostInput>();
    // Instants near month ends and starts, so a new time zone moves posts between months.
    const when = () => {
      const month = 1 + Math.floor(next() * 12);
      const year = pick([2025, 2026, 2027]);
      const [day, time] = next() < 0.5 ? ['01', pick(['00:30', '06:00', '11:30'])] : [`${new Date(Date.UTC(year, month, 0)).getUTCDate()}`, pick(['13:00', '18:30', '23:30'])];
      return `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}T${time}:00Z`;
    };
    const live = () => [...inputs.keys()];
    const operations: [string, () => Promise<unknown>][] = [
      ['create', async () => {
        const input: PostInput = {
          title: `Story ${inputs.size + 1}`, language: pick(['en', 'ru']), status: pick(['published', 'published', 'draft', 'scheduled']),
          publishedAt: when(), authorIds: [pick(authors)],
        };
        inputs.set(await createPost(deps(), input), input);
      }],
      ['redate or change language', async () => {
        const id = pick(live());
        const input = { ...inputs.get(id)!, publishedAt: when(), language: pick(['en', 'ru']) };
        await updatePost(deps(), id, input);
        inputs.set(id, input);
      }],
      ['publish in the editor', async () => {
        const id = pick(live());
        const input = inputs.get(id)!;
        await savePost(deps(), { actor: editor, postId: id, input: { ...input, publishedAt: undefined }, action: 'publish' });
      }],
      ['unpublish', () => unpublishPost(deps(), editor, pick(live()))],
      ['trash', () => trashPost(deps(), editor, pick(live()))],
      ['restore', () => restorePost(deps(), editor, pick(live()))],
      ['delete for good', async () => {
        const id = pick(live());
        await deletePostForGood(deps(), editor, id);
        inputs.delete(id);
      }],
      ['change the time zone', () => updateSiteSettings(deps(), { timeZone: pick(['UTC', 'Asia/Almaty', 'America/Los_Angeles', 'Pacific/Kiritimati']) })],
      ['let time pass and run the sweep', async () => {
        t.clock.advance(Math.floor(next() * 120) * 86_400_000);
        await publishDuePosts(db(), t.ctx.clock.now());
      }],
    ];
    for (let i = 0; i < 25; i++) await operations[0]![1]();
    for (let step = 0; step < 70; step++) {
      const [name, run] = step === 50 ? ['delete an author, trashing their posts', async () => {
        const { trashed } = await deleteAuthor(deps(), authors[1]!, { posts: 'trash', to: null }, actor);
        expect(trashed).toBeGreaterThan(0);
      }] as const : pick(operations);
      if (live().length === 0 && name !== 'create') continue;
      // Refusals (unpublishing a draft, restoring what is not in the trash…) change nothing, as they should.
      await run().catch((error: unknown) => {
        if (!(error instanceof Error && 'code' in error && ['CONFLICT', 'VALIDATION', 'FORBIDDEN'].includes(String(error.code)))) throw error;
      });
      const { table, truth } = await tableAndTruth();
      expect(table, `after step ${step}: ${name}`).toEqual(truth);
      await readersAgree(`after step ${step}: ${name}`);
    }
    expect((await tableAndTruth()).table.length).toBeGreaterThan(0);
    // A hundred-odd steps, each checked against fresh counts: slow on a busy machine.
  }, 180_000);

  it('are filled by the migration from the posts already there', async () => {
    const migration = archiveMonths(t.ctx.database.helpers);
    await migration.down(db());
    const row = (slug: string, status: 'draft' | 'published', at: string, language: string, deletedAt: string | null = null) => ({
      guid: `urn:test:${slug}`, slug, title: slug, status, language, translation_group: null, published_at: at,
      local_year: Number(at.slice(0, 4)), local_month: Number(at.slice(5, 7)), local_day: Number(at.slice(8, 10)),
      standfirst: '', body_md: '', body_html: '', postscript_md: '', postscript_html: '', comment_status: 'open' as const,
      featured_image_url: '', featured_image_alt: '', featured_image_caption: '', created_at: at, updated_at: at, deleted_at: deletedAt,
    });
    await db().insertInto('posts').values([
      row('a', 'published', '2024-02-29T10:00:00.000Z', 'en'),
      row('b', 'published', '2024-02-03T10:00:00.000Z', 'en'),
      row('c', 'published', '2024-02-03T11:00:00.000Z', 'ru'),
      row('d', 'draft', '2024-02-04T10:00:00.000Z', 'en'),
      row('e', 'published', '2024-03-01T10:00:00.000Z', 'en', '2024-03-02T00:00:00.000Z'),
      row('f', 'published', '2030-01-01T10:00:00.000Z', 'en'),
    ]).execute();
    await migration.up(db());
    const { table, truth } = await tableAndTruth();
    expect(table).toEqual([
      { language: 'en', year: 2024, month: 2, posts: 2 },
      { language: 'en', year: 2030, month: 1, posts: 1 },
      { language: 'ru', year: 2024, month: 2, posts: 1 },
    ]);
    expect(table).toEqual(truth);
    expect(await listMonthCounts(db(), { now: t.ctx.clock.now().toISOString() })).toEqual([{ year: 2024, month: 2, count: 3 }]);
  });

  it('count a post stored as published with a future date only from its moment, and a scheduled one once the sweep publishes it', async () => {
    const author = await givenAuthor(t.ctx);
    const base = { title: 'Soon', language: 'en', authorIds: [author] };
    await createPost(deps(), { ...base, status: 'published', publishedAt: '2026-04-02T08:00:00Z' });
    await createPost(deps(), { ...base, status: 'scheduled', publishedAt: '2026-04-03T08:00:00Z' });
    const april = () => listMonthCounts(db(), { now: t.ctx.clock.now().toISOString() });
    expect(await april()).toEqual([]);
    t.clock.set('2026-04-02T08:00:00Z');
    expect(await april()).toEqual([{ year: 2026, month: 4, count: 1 }]);
    t.clock.set('2026-04-03T09:00:00Z');
    expect(await april()).toEqual([{ year: 2026, month: 4, count: 1 }]);
    await publishDuePosts(db(), t.ctx.clock.now());
    expect(await april()).toEqual([{ year: 2026, month: 4, count: 2 }]);
  });
});

describe('the monthly counts on SQLite', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp('sqlite');
  });
  afterEach(async () => t.close());

  it('find the posts still to come with a seek on status and publication time, never a scan of the posts', async () => {
    const db = t.ctx.database.db;
    for (const filter of [{ now: '2026-06-15T12:00:00.000Z' }, { now: '2026-06-15T12:00:00.000Z', language: 'ru' }]) {
      const compiled = notYetCountsQuery(db, filter).compile();
      const details = (await sqlitePlan(db, compiled)).join(' | ');
      expect(details, compiled.sql).toMatch(/SEARCH posts USING COVERING INDEX posts_published \(status=\? AND published_at>\?\)/);
      expect(details, compiled.sql).not.toMatch(/SCAN posts/);
    }
  });
});
