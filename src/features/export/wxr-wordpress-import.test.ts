import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenEverySortOfRow } from '../../../test/export-site.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { importInto } from '../../../test/wordpress.js';
import type { DB } from '../../storage/schema.js';
import { exportWordPressToFile } from './commands.js';

/** What a move through WordPress's format must keep: posts, comments with their threads, terms. */
async function content(db: Kysely<DB>) {
  const posts = await db.selectFrom('posts').select(['id', 'slug', 'title', 'standfirst', 'published_at', 'deleted_at']).execute();
  const slugOf = new Map(posts.map((p) => [p.id, p.slug]));
  const comments = await db.selectFrom('comments').select(['id', 'parent_id', 'post_id', 'body', 'author_email', 'status']).execute();
  const bodyOf = new Map(comments.map((c) => [c.id, c.body]));
  const categories = await db.selectFrom('categories').select(['id', 'slug', 'parent_id']).execute();
  const catSlug = new Map(categories.map((c) => [c.id, c.slug]));
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    posts: sorted(posts.map((p) => [p.slug, p.title, p.standfirst, p.published_at, p.deleted_at !== null])),
    comments: sorted(comments.map((c) => [slugOf.get(c.post_id), c.body, c.author_email, c.status, c.parent_id ? bodyOf.get(c.parent_id) : null])),
    categories: sorted(categories.map((c) => [c.slug, c.parent_id ? catSlug.get(c.parent_id) : null])),
    tags: sorted((await db.selectFrom('tags').select(['slug', 'name']).execute()).map((t) => [t.slug, t.name])),
    postTags: sorted(
      (await db.selectFrom('post_tags').innerJoin('tags', 'tags.id', 'tag_id').select(['post_id', 'slug']).execute()).map((r) => [slugOf.get(r.post_id), r.slug]),
    ),
  };
}

describe.each(DIALECTS)('our WordPress export read by the WordPress importer on %s', { timeout: 240_000 }, (dialect) => {
  let source: TestApp;
  let target: TestApp;
  let dir: string;
  beforeAll(async () => {
    source = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
    target = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
    await givenEverySortOfRow(source.ctx);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-wxr-wp-'));
  }, 240_000);
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await source.close();
    await target.close();
  });

  it('brings the same posts, comments with their threads, categories with parents and tags into a new site', async () => {
    const file = path.join(dir, 'site.xml');
    await exportWordPressToFile(source.ctx.database, file);
    await importInto(target, file);
    const [before, after] = [await content(source.ctx.database.db), await content(target.ctx.database.db)];
    expect(after.categories).toEqual(before.categories);
    expect(after.tags).toEqual(before.tags);
    expect(after.posts).toEqual(before.posts);
    expect(after.postTags).toEqual(before.postTags);
    expect(after.comments).toEqual(before.comments);
  });
});
