import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenEverySortOfRow } from '../../../test/export-site.js';
import { buildTestApp, DIALECTS, type TestApp } from '../../../test/helpers.js';
import { all, parseXml, textOf, type XmlNode } from '../../../test/xml-tree.js';
import { loadSettings } from '../site/index.js';
import { exportWordPressToFile } from './commands.js';
import { wpLocalDate } from './wxr-dates.js';

describe.each(DIALECTS)('the WordPress (WXR 1.2) export on %s', { timeout: 180_000 }, (dialect) => {
  let t: TestApp;
  let file: string;
  let channel: XmlNode;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { now: '2026-06-15T12:00:00Z' });
    await givenEverySortOfRow(t.ctx);
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'export-wxr-')), 'site.xml');
    await exportWordPressToFile(t.ctx.database, file);
    channel = all(parseXml(fs.readFileSync(file, 'utf8')), 'channel')[0]!;
  }, 180_000);
  afterAll(async () => {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    await t.close();
  });
  const items = (type: string) => all(channel, 'item').filter((i) => textOf(i, 'wp:post_type') === type);

  it('is well-formed XML by xmllint, with the WXR version and the site’s addresses', async () => {
    expect(() => execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' })).not.toThrow();
    const settings = await loadSettings(t.ctx.database.db);
    expect(textOf(channel, 'wp:wxr_version')).toBe('1.2');
    expect(textOf(channel, 'wp:base_site_url')).toBe(settings.baseUrl.replace(/\/+$/, ''));
    expect(textOf(channel, 'wp:base_blog_url')).toBe(settings.baseUrl.replace(/\/+$/, ''));
    expect(textOf(channel, 'title')).toBe(settings.title);
  });

  it('lists every author, category with its parent (parents first) and tag', async () => {
    const db = t.ctx.database.db;
    expect(all(channel, 'wp:author').map((a) => textOf(a, 'wp:author_login'))).toEqual(
      (await db.selectFrom('authors').select('slug').orderBy('id').execute()).map((a) => a.slug),
    );
    const categories = all(channel, 'wp:category').map((c) => [textOf(c, 'wp:category_nicename'), textOf(c, 'wp:category_parent')]);
    expect(categories).toHaveLength((await db.selectFrom('categories').select('id').execute()).length);
    const child = categories.findIndex(([slug]) => slug === 'zz-child');
    expect(categories[child]).toEqual(['zz-child', 'zz-parent']);
    expect(categories.findIndex(([slug]) => slug === 'zz-parent')).toBeLessThan(child);
    expect(all(channel, 'wp:tag').map((tag) => [textOf(tag, 'wp:tag_slug'), textOf(tag, 'wp:tag_name')])).toEqual(
      (await db.selectFrom('tags').select(['slug', 'name']).orderBy('id').execute()).map((tag) => [tag.slug, tag.name]),
    );
    expect(all(channel, 'wp:tag').map((tag) => textOf(tag, 'wp:tag_name'))).toContain('ζ-tag');
  });

  it('has every post with its status, dates, slug, standfirst, rendered body, terms and comments', async () => {
    const db = t.ctx.database.db;
    const posts = await db.selectFrom('posts').selectAll().orderBy('id').execute();
    const xmlPosts = items('post');
    expect(xmlPosts.map((i) => Number(textOf(i, 'wp:post_id')))).toEqual(posts.map((p) => p.id));
    expect(new Set(xmlPosts.map((i) => textOf(i, 'wp:status')))).toEqual(new Set(['publish', 'draft', 'future', 'trash']));
    const { timeZone } = await loadSettings(db);
    for (const [n, post] of posts.entries()) {
      const item = xmlPosts[n]!;
      expect(textOf(item, 'title')).toBe(post.title);
      expect(textOf(item, 'wp:post_name')).toBe(post.slug);
      expect(textOf(item, 'excerpt:encoded')).toBe(post.standfirst);
      expect(textOf(item, 'content:encoded')!.startsWith(post.body_html)).toBe(true);
      if (post.published_at) {
        expect(textOf(item, 'wp:post_date_gmt')).toBe(post.published_at.slice(0, 19).replace('T', ' '));
        expect(textOf(item, 'wp:post_date')).toBe(wpLocalDate(post.published_at, timeZone));
      } else {
        expect(textOf(item, 'wp:post_date_gmt')).toBe('0000-00-00 00:00:00');
      }
      const tags = await db.selectFrom('post_tags').innerJoin('tags', 'tags.id', 'post_tags.tag_id').select('slug').where('post_id', '=', post.id).orderBy('tag_id').execute();
      const cats = await db.selectFrom('post_categories').innerJoin('categories', 'categories.id', 'category_id').select('slug').where('post_id', '=', post.id).orderBy('category_id').execute();
      const terms = all(item, 'category').map((c) => `${c.attributes.domain}:${c.attributes.nicename}`);
      expect(terms).toEqual([...cats.map((c) => `category:${c.slug}`), ...tags.map((tag) => `post_tag:${tag.slug}`)]);
    }
    const comments = await db.selectFrom('comments').selectAll().orderBy('id').execute();
    const xmlComments = xmlPosts.flatMap((i) => all(i, 'wp:comment'));
    expect(xmlComments.map((c) => [Number(textOf(c, 'wp:comment_id')), Number(textOf(c, 'wp:comment_parent')), textOf(c, 'wp:comment_approved')])).toEqual(
      comments.map((c) => [c.id, c.parent_id ?? 0, { approved: '1', pending: '0', spam: 'spam', trash: 'trash' }[c.status]]),
    );
    // A `]]>` in a comment survives the CDATA section intact, as do emails and non-Latin text.
    expect(xmlComments.map((c) => textOf(c, 'wp:comment_content'))).toEqual(comments.map((c) => c.body));
    expect(xmlComments.map((c) => textOf(c, 'wp:comment_author_email'))).toEqual(comments.map((c) => c.author_email));
  });

  it('has the pages and media as items whose ids do not collide with the posts’', async () => {
    const db = t.ctx.database.db;
    const pages = items('page');
    expect(pages.map((p) => textOf(p, 'wp:post_name'))).toEqual((await db.selectFrom('pages').select('slug').orderBy('id').execute()).map((p) => p.slug));
    const attachments = items('attachment');
    expect(attachments.map((a) => textOf(a, 'wp:attachment_url'))).toEqual([expect.stringMatching(/^https?:\/\/.*\/media\/2026\/06\/фото\.jpg$/)]);
    const ids = all(channel, 'item').map((i) => textOf(i, 'wp:post_id'));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
