import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenUser } from '../../../test/admin.js';
import { givenAuthor, givenCategory } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { termCountsAndTruth } from '../../../test/term-counts.js';
import { termCounts } from '../../storage/migrations/0013-term-counts.js';
import type { TermKind } from '../../storage/schema.js';
import { updateSiteSettings } from '../site/index.js';
import { deleteAuthor } from './author-admin.js';
import { deleteCategory, updateCategory } from './category-admin.js';
import { savePost } from './editing.js';
import type { PostInput } from './input.js';
import { deletePostForGood, publishDuePosts, restorePost, trashPost, unpublishPost } from './publishing.js';
import { deleteTag, mergeTags } from './tag-admin.js';
import { countTermPosts, notYetTermQuery } from './term-counts.js';
import { upsertCategory } from './taxonomy.js';
import { createPost, updatePost } from './write.js';
import { seededRandom as random } from '../../lib/seeded-random.js';
import { sqlitePlan } from '../../../test/query-plan.js';

const REFUSALS = ['CONFLICT', 'VALIDATION', 'FORBIDDEN', 'NOT_FOUND'];

describe.each(DIALECTS)('the term counts on %s', (dialect) => {
  let t: TestApp;
  const db = () => t.ctx.database.db;
  const deps = () => ({ db: db(), clock: t.ctx.clock });
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-03-15T12:00:00Z' });
  });
  afterEach(async () => t.close());

  /** The subtree of a category as the tree stands (for the readers' correction). */
  async function subtree(id: number): Promise<number[]> {
    const rows = await db().selectFrom('categories').select(['id', 'parent_id']).execute();
    const ids = [id];
    for (let i = 0; i < ids.length; i++) for (const c of rows) if (c.parent_id === ids[i] && !ids.includes(c.id)) ids.push(c.id);
    return ids;
  }

  /** What a term page's total says, against a fresh count of the posts a reader sees there. */
  async function readersAgree(step: string) {
    const now = t.ctx.clock.now().toISOString();
    const terms: [TermKind, number[]][] = [
      ...(await db().selectFrom('categories').select('id').execute()).map((c) => ['category', [c.id]] as [TermKind, number[]]),
      ...(await db().selectFrom('tags').select('id').execute()).map((c) => ['tag', [c.id]] as [TermKind, number[]]),
      ...(await db().selectFrom('authors').select('id').execute()).map((c) => ['author', [c.id]] as [TermKind, number[]]),
    ];
    for (const [kind, [termId]] of terms) {
      const termIds = kind === 'category' ? await subtree(termId!) : [termId!];
      const link = kind === 'category' ? 'post_categories' : kind === 'tag' ? 'post_tags' : 'post_authors';
      const column = kind === 'category' ? 'category_id' : kind === 'tag' ? 'tag_id' : 'author_id';
      for (const language of [undefined, 'en', 'ru']) {
        const fresh = await db()
          .selectFrom('posts')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('status', '=', 'published').where('deleted_at', 'is', null).where('published_at', '<=', now)
          .where('id', 'in', db().selectFrom(link).select('post_id').where(column as 'tag_id', 'in', termIds))
          .$if(language !== undefined, (q) => q.where('language', '=', language!))
          .executeTakeFirstOrThrow();
        const total = await countTermPosts(db(), { now, kind, termId: termId!, termIds, ...(language ? { language } : {}) });
        expect(total, `${step}: ${kind} ${termId} (${language})`).toBe(Number(fresh.n));
      }
    }
  }

  it('always equal a fresh count through a random run of posts filed, refiled, published, trashed and scheduled, categories moved and deleted, tags merged and deleted, authors deleted', async () => {
    const next = random(dialect === 'sqlite' ? 90_001 : 90_002);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const some = <T>(items: readonly T[], most: number): T[] => [...new Set(Array.from({ length: Math.floor(next() * (most + 1)) }, () => pick(items)))];
    const editorId = await givenUser(t.ctx, 'editor');
    const editor = { id: editorId, name: 'The editor', email: 'editor@lantern.example', role: 'editor' as const, authorId: null };
    const actor = { userId: editorId, actor: editor.email };
    const authors = [await givenAuthor(t.ctx, 'Anna Keller'), await givenAuthor(t.ctx, 'Boris Lee'), await givenAuthor(t.ctx, 'Chen Wu')];
    // news > city > transport, news > courts; culture > books
    const news = await givenCategory(t.ctx, 'news');
    const city = await givenCategory(t.ctx, 'city', news);
    const categories = [news, city, await givenCategory(t.ctx, 'transport', city), await givenCategory(t.ctx, 'courts', news)];
    const culture = await givenCategory(t.ctx, 'culture');
    categories.push(culture, await givenCategory(t.ctx, 'books', culture));
    const tagNames = ['Trams', 'Budget', 'Council', 'Rivers'];
    const inputs = new Map<number, PostInput>();
    const when = () => `${pick([2025, 2026])}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-1${Math.floor(next() * 9)}T10:00:00Z`;
    const live = () => [...inputs.keys()];
    const liveAuthors = async () => (await db().selectFrom('authors').select('id').execute()).map((a) => a.id);
    const liveCategories = async () => (await db().selectFrom('categories').select('id').execute()).map((c) => c.id);
    const terms = async () => ({ authorIds: some(await liveAuthors(), 2), categoryIds: some(await liveCategories(), 3), tagNames: some(tagNames, 2) });
    const operations: [string, () => Promise<unknown>][] = [
      ['create', async () => {
        const input: PostInput = {
          title: `Story ${inputs.size + 1}`, language: pick(['en', 'ru']), status: pick(['published', 'published', 'draft', 'scheduled']),
          publishedAt: when(), ...(await terms()),
        };
        if (input.authorIds!.length === 0) input.authorIds = [pick(await liveAuthors())];
        inputs.set(await createPost(deps(), input), input);
      }],
      ['refile, retag, change byline or language', async () => {
        const id = pick(live());
        const input = { ...inputs.get(id)!, ...(await terms()), language: pick(['en', 'ru']) };
        if (input.authorIds!.length === 0) input.authorIds = [pick(await liveAuthors())];
        await updatePost(deps(), id, input);
        inputs.set(id, input);
      }],
      ['publish in the editor', async () => {
        const id = pick(live());
        const input = inputs.get(id)!;
        // Terms deleted since are left out, as the editor's form would.
        const existing = new Set(await liveCategories());
        const known = new Set(await liveAuthors());
        await savePost(deps(), {
          actor: editor, postId: id, action: 'publish',
          input: { ...input, publishedAt: undefined, categoryIds: (input.categoryIds ?? []).filter((c) => existing.has(c)), authorIds: (input.authorIds ?? []).filter((a) => known.has(a)) },
        });
      }],
      ['unpublish', () => unpublishPost(deps(), editor, pick(live()))],
      ['trash', () => trashPost(deps(), editor, pick(live()))],
      ['restore', () => restorePost(deps(), editor, pick(live()))],
      ['delete for good', async () => {
        const id = pick(live());
        await deletePostForGood(deps(), editor, id);
        inputs.delete(id);
      }],
      ['let time pass and run the sweep', async () => {
        t.clock.advance(Math.floor(next() * 200) * 86_400_000);
        await publishDuePosts(db(), t.ctx.clock.now());
      }],
      ['move a category under another parent', async () => {
        const all = await db().selectFrom('categories').select(['id', 'name', 'slug', 'description']).execute();
        const moving = pick(all);
        await updateCategory(deps(), moving.id, { name: moving.name, slug: moving.slug, description: moving.description, parentId: pick([null, ...all.map((c) => c.id)]) }, actor);
      }],
      ['move a category as an import does', async () => {
        const all = await db().selectFrom('categories').select(['id', 'name', 'slug']).execute();
        const moving = pick(all);
        const parentId = pick([null, ...all.map((c) => c.id)]);
        await db().transaction().execute((trx) => upsertCategory(trx, { slug: moving.slug, name: moving.name, parentId }, '2026-03-15T12:00:00.000Z'));
      }],
      ['delete a category, moving its posts or not', async () => {
        const all = await liveCategories();
        if (all.length < 3) return;
        await deleteCategory(deps(), pick(all), next() < 0.5 ? { posts: 'move', to: pick(all) } : { posts: 'detach' }, actor);
      }],
      ['merge tags', async () => {
        const all = (await db().selectFrom('tags').select('id').execute()).map((r) => r.id);
        await mergeTags(deps(), { sourceIds: some(all, 2), targetId: pick(all) }, actor);
      }],
      ['delete a tag', async () => deleteTag(deps(), pick((await db().selectFrom('tags').select('id').execute()).map((r) => r.id)), actor)],
      ['change the time zone', () => updateSiteSettings(deps(), { timeZone: pick(['UTC', 'Asia/Almaty', 'America/Los_Angeles']) })],
    ];
    for (let i = 0; i < 20; i++) await operations[0]![1]();
    for (let step = 0; step < 70; step++) {
      const [name, run] = step === 40 || step === 60
        ? ['delete an author', async () => {
          const all = await liveAuthors();
          if (all.length < 2) return;
          const gone = pick(all);
          await deleteAuthor(deps(), gone, step === 40 ? { posts: 'trash', to: all.find((a) => a !== gone)! } : { posts: 'reassign', to: all.find((a) => a !== gone)! }, actor);
        }] as const
        : pick(operations);
      if (live().length === 0 && name !== 'create') continue;
      // Refusals (unpublishing a draft, a category under its own child…) change nothing, as they should.
      await run().catch((error: unknown) => {
        if (!(error instanceof Error && 'code' in error && REFUSALS.includes(String(error.code)))) throw error;
      });
      const { table, truth } = await termCountsAndTruth(db());
      expect(table, `after step ${step}: ${name}`).toEqual(truth);
      if (step % 5 === 0) await readersAgree(`after step ${step}: ${name}`);
    }
    expect((await termCountsAndTruth(db())).table.length).toBeGreaterThan(0);
    await readersAgree('at the end');
  }, 240_000);

  it('count a post filed under a category and its sub-category once on the parent, and follow a sub-category moved elsewhere', async () => {
    const author = await givenAuthor(t.ctx);
    const news = await givenCategory(t.ctx, 'news');
    const city = await givenCategory(t.ctx, 'city', news);
    const culture = await givenCategory(t.ctx, 'culture');
    const base = { title: 'Tram strike', language: 'en', status: 'published' as const, publishedAt: '2026-03-01T10:00:00Z', authorIds: [author] };
    await createPost(deps(), { ...base, categoryIds: [news, city] });
    await createPost(deps(), { ...base, title: 'Night buses', categoryIds: [city] });
    const now = t.ctx.clock.now().toISOString();
    const total = async (id: number) => countTermPosts(db(), { now, kind: 'category', termId: id, termIds: await subtree(id) });
    expect([await total(news), await total(city), await total(culture)]).toEqual([2, 2, 0]);
    await updateCategory(deps(), city, { name: 'City', slug: 'city', parentId: culture }, { userId: await givenUser(t.ctx, 'editor'), actor: 'editor@lantern.example' });
    expect([await total(news), await total(city), await total(culture)]).toEqual([1, 2, 2]);
    const { table, truth } = await termCountsAndTruth(db());
    expect(table).toEqual(truth);
  });

  it('count a post stored as published with a future date only from its moment, and a scheduled one once the sweep publishes it', async () => {
    const author = await givenAuthor(t.ctx);
    const news = await givenCategory(t.ctx, 'news');
    const base = { title: 'Soon', language: 'en', authorIds: [author], categoryIds: [news], tagNames: ['Trams'] };
    await createPost(deps(), { ...base, status: 'published', publishedAt: '2026-04-02T08:00:00Z' });
    await createPost(deps(), { ...base, status: 'scheduled', publishedAt: '2026-04-03T08:00:00Z' });
    const tag = (await db().selectFrom('tags').select('id').executeTakeFirstOrThrow()).id;
    const totals = async () => {
      const now = t.ctx.clock.now().toISOString();
      return Promise.all([
        countTermPosts(db(), { now, kind: 'category', termId: news, termIds: [news] }),
        countTermPosts(db(), { now, kind: 'tag', termId: tag, termIds: [tag] }),
        countTermPosts(db(), { now, kind: 'author', termId: author, termIds: [author], language: 'en' }),
      ]);
    };
    expect(await totals()).toEqual([0, 0, 0]);
    t.clock.set('2026-04-02T08:00:00Z');
    expect(await totals()).toEqual([1, 1, 1]);
    t.clock.set('2026-04-03T09:00:00Z');
    expect(await totals()).toEqual([1, 1, 1]);
    await publishDuePosts(db(), t.ctx.clock.now());
    expect(await totals()).toEqual([2, 2, 2]);
  });

  it('are filled by the migration from the posts already there', async () => {
    const migration = termCounts(t.ctx.database.helpers);
    await migration.down(db());
    const author = await givenAuthor(t.ctx);
    const news = await givenCategory(t.ctx, 'news');
    const city = await givenCategory(t.ctx, 'city', news);
    const transport = await givenCategory(t.ctx, 'transport', city);
    const row = (slug: string, status: 'draft' | 'published', language: string, deletedAt: string | null = null) => ({
      guid: `urn:test:${slug}`, slug, title: slug, status, language, translation_group: null, published_at: '2026-02-03T10:00:00.000Z',
      local_year: 2026, local_month: 2, local_day: 3,
      standfirst: '', body_md: '', body_html: '', postscript_md: '', postscript_html: '', comment_status: 'open' as const,
      featured_image_url: '', featured_image_alt: '', featured_image_caption: '', created_at: '2026-02-03T10:00:00.000Z',
      updated_at: '2026-02-03T10:00:00.000Z', deleted_at: deletedAt,
    });
    const posts = await db().insertInto('posts').values([
      row('a', 'published', 'en'), row('b', 'published', 'ru'), row('c', 'draft', 'en'), row('d', 'published', 'en', '2026-03-01T00:00:00.000Z'),
    ]).returning('id').execute();
    const [a, b, c, d] = posts.map((p) => p.id) as [number, number, number, number];
    const tag = (await db().insertInto('tags').values({ slug: 'trams', name: 'Trams', created_at: '2026-02-03T10:00:00.000Z' }).returning('id').executeTakeFirstOrThrow()).id;
    await db().insertInto('post_categories').values([
      { post_id: a, category_id: news }, { post_id: a, category_id: transport }, { post_id: b, category_id: city },
      { post_id: c, category_id: city }, { post_id: d, category_id: news },
    ]).execute();
    await db().insertInto('post_tags').values([{ post_id: a, tag_id: tag }, { post_id: b, tag_id: tag }, { post_id: d, tag_id: tag }]).execute();
    await db().insertInto('post_authors').values([a, b, c, d].map((post_id) => ({ post_id, author_id: author, position: 0 }))).execute();
    await migration.up(db());
    const { table, truth } = await termCountsAndTruth(db());
    expect(table).toEqual(truth);
    const count = (kind: string, id: number, language: string) => table.find((r) => r.kind === kind && r.term_id === id && r.language === language)?.posts;
    expect([count('category', news, 'en'), count('category', news, 'ru'), count('category', city, 'en'), count('category', transport, 'en')]).toEqual([1, 1, 1, 1]);
    expect([count('tag', tag, 'en'), count('tag', tag, 'ru'), count('author', author, 'en')]).toEqual([1, 1, 1]);
  });
});

describe('the term counts on SQLite', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp('sqlite');
  });
  afterEach(async () => t.close());

  it('find the posts still to come with a seek on status and publication time, probing each one’s links', async () => {
    const db = t.ctx.database.db;
    for (const kind of ['category', 'tag', 'author'] as const) {
      for (const language of [undefined, 'ru']) {
        const compiled = notYetTermQuery(db, { now: '2026-06-15T12:00:00.000Z', kind, termId: 1, termIds: [1, 2, 3], ...(language ? { language } : {}) }).compile();
        const details = (await sqlitePlan(db, compiled)).join(' | ');
        expect(details, compiled.sql).toMatch(/SEARCH posts USING (COVERING )?INDEX posts_published \(status=\? AND published_at>\?\)/);
        expect(details, compiled.sql).not.toMatch(/SCAN/);
      }
    }
  });
});
