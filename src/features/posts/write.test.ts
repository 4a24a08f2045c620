import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenAuthor, givenPost, givenSettings } from '../../../test/fixtures.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { AppError } from '../../errors.js';
import { createPost, updatePost } from './write.js';

async function validationFields(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('VALIDATION');
  return (error as AppError).details.fields as Record<string, string>;
}

describe.each(DIALECTS)('saving posts on %s', (dialect) => {
  let t: TestApp;
  let deps: { db: TestApp['ctx']['database']['db']; clock: TestApp['clock'] };
  let author: number;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
    deps = { db: t.ctx.database.db, clock: t.clock };
    author = await givenAuthor(t.ctx);
  });
  afterEach(async () => t.close());

  it('store the Markdown and its sanitised HTML side by side', async () => {
    const id = await givenPost(t.ctx, { body: 'Hello <script>alert(1)</script> **world**', authorIds: [author] });
    const row = await deps.db.selectFrom('posts').select(['body_md', 'body_html', 'guid']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.body_md).toBe('Hello <script>alert(1)</script> **world**');
    expect(row.body_html).toContain('<strong>world</strong>');
    expect(row.body_html).not.toContain('<script');
    expect(row.guid).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });

  it('name every bad field instead of saving a broken post', async () => {
    const fields = await validationFields(
      createPost(deps, { title: '', language: 'english', authorIds: [], slug: 'Bad Slug!', status: 'published' }),
    );
    expect(Object.keys(fields).sort()).toEqual(['authorIds', 'language', 'slug', 'title']);
    expect(fields.title).toBe('Enter a headline');
    expect(await deps.db.selectFrom('posts').select('id').execute()).toEqual([]);
  });

  it('suggest a slug from the title, transliterating Russian, and make it unique', async () => {
    const a = await givenPost(t.ctx, { title: 'Суд отложен', slug: '', authorIds: [author] });
    const b = await givenPost(t.ctx, { title: 'Суд отложен', slug: '', authorIds: [author] });
    const slugs = await deps.db.selectFrom('posts').select(['id', 'slug']).where('id', 'in', [a, b]).orderBy('id').execute();
    expect(slugs.map((s) => s.slug)).toEqual(['sud-otlozhen', 'sud-otlozhen-2']);
  });

  it('refuse a chosen slug that another post already uses', async () => {
    await givenPost(t.ctx, { slug: 'taken', authorIds: [author] });
    const fields = await validationFields(givenPost(t.ctx, { slug: 'taken', authorIds: [author] }));
    expect(fields.slug).toBe('Another post already uses this slug');
  });

  it('require a time for a scheduled post and keep it off the site until published', async () => {
    const fields = await validationFields(createPost(deps, { title: 'Later', language: 'en', authorIds: [author], status: 'scheduled' }));
    expect(fields.publishedAt).toBe('Choose when to publish');
    await givenPost(t.ctx, { title: 'Later', slug: 'later', status: 'scheduled', publishedAt: '2026-07-01T08:00:00Z', authorIds: [author] });
    expect((await t.app.inject('/2026/07/later/')).statusCode).toBe(404);
  });

  it('date a post published without a date at the moment of publishing', async () => {
    const id = await createPost(deps, { title: 'Now', language: 'en', authorIds: [author], status: 'published' });
    const row = await deps.db.selectFrom('posts').select(['published_at', 'local_year', 'local_month', 'local_day']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ published_at: '2026-06-15T12:00:00.000Z', local_year: 2026, local_month: 6, local_day: 15 });
  });

  it('keep trashed posts off the site', async () => {
    const id = await givenPost(t.ctx, { slug: 'binned', publishedAt: '2026-02-01T10:00:00Z', authorIds: [author] });
    await deps.db.updateTable('posts').set({ deleted_at: '2026-06-01T00:00:00.000Z' }).where('id', '=', id).execute();
    expect((await t.app.inject('/2026/02/binned/')).statusCode).toBe(404);
    expect((await t.app.inject('/')).body).not.toContain('/2026/02/binned/');
  });

  it('link translations into one group and refuse a translation in the same language', async () => {
    const en = await givenPost(t.ctx, { slug: 'en-version', authorIds: [author] });
    const ru = await givenPost(t.ctx, { slug: 'ru-version', language: 'ru', translationOf: en, authorIds: [author] });
    const de = await givenPost(t.ctx, { slug: 'de-version', language: 'de', translationOf: ru, authorIds: [author] });
    const groups = await deps.db.selectFrom('posts').select('translation_group').where('id', 'in', [en, ru, de]).execute();
    expect(new Set(groups.map((g) => g.translation_group)).size).toBe(1);
    expect(groups[0]!.translation_group).toBeTruthy();
    const fields = await validationFields(givenPost(t.ctx, { slug: 'en-again', language: 'en', translationOf: en, authorIds: [author] }));
    expect(fields.translationOf).toBe('A translation must be in another language');
  });

  it('move posts to their new local dates, with redirects, when the site time zone changes', async () => {
    await givenSettings(t.ctx, { timeZone: 'UTC' });
    await givenPost(t.ctx, { slug: 'month-end', publishedAt: '2025-01-31T23:30:00Z', authorIds: [author] });
    expect((await t.app.inject('/2025/01/month-end/')).statusCode).toBe(200);
    await givenSettings(t.ctx, { timeZone: 'Asia/Almaty' });
    expect((await t.app.inject('/2025/02/month-end/')).statusCode).toBe(200);
    const old = await t.app.inject('/2025/01/month-end/');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/2025/02/month-end/');
  });

  it('do not redirect when a draft changes slug', async () => {
    const input = { title: 'Draft', slug: 'draft-one', status: 'draft' as const, language: 'en', authorIds: [author] };
    const id = await createPost(deps, input);
    await updatePost(deps, id, { ...input, slug: 'draft-two' });
    expect(await deps.db.selectFrom('redirects').select('id').execute()).toEqual([]);
  });
});
