import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import { loadSettings } from '../site/index.js';
import { PROGRESS_EVERY, type ProgressListener, type SectionCounts } from './export-json.js';
import { Sink } from './sink.js';
import { channelHead, channelTerms } from './wxr-channel.js';
import { type ItemContext, mediaItem, pageItem, postItem, type WxrLinks, type WxrPost } from './wxr-items.js';

/** Posts read (with their links and comments) per round of queries. */
const PAGE = 200;

/**
 * Writes the site as a WordPress eXtended RSS 1.2 file that WordPress's importer reads: authors,
 * categories (with parents) and tags, then every post (trashed ones as `trash`) with its
 * comments, every page and every media record as an attachment. Pages and attachments get ids
 * after the largest post id, because WordPress keeps them all in one table. One read-only
 * transaction, streamed a page of posts at a time. Does not end `out`.
 */
export async function exportWordPress(db: Kysely<DB>, out: Writable, onProgress: ProgressListener = () => {}): Promise<SectionCounts> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const sink = new Sink(out);
      const settings = await loadSettings(trx);
      await sink.write(channelHead(settings));
      const { xml, terms } = await channelTerms(trx);
      await sink.write(xml);
      const ctx: ItemContext = { base: settings.baseUrl.replace(/\/+$/, ''), timeZone: settings.timeZone, terms };
      const counts: SectionCounts = { authors: terms.authors.size, categories: terms.categories.size, tags: terms.tags.size };
      counts.posts = await writePosts(trx, sink, ctx, onProgress);
      const lastPost = (await trx.selectFrom('posts').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0;
      const pages = await trx.selectFrom('pages').select(['id', 'slug', 'title', 'body_html', 'status', 'created_at', 'updated_at']).orderBy('id').execute();
      for (const page of pages) await sink.write(pageItem(page, Number(lastPost) + page.id, ctx));
      counts.pages = pages.length;
      const lastPage = Number(lastPost) + (pages.at(-1)?.id ?? 0);
      const media = await trx
        .selectFrom('media')
        .select(['id', 'url', 'mime_type', 'title', 'alt', 'caption', 'parent_post_id', 'created_at'])
        .orderBy('id')
        .execute();
      for (const m of media) await sink.write(mediaItem(m, lastPage + m.id, ctx));
      counts.media = media.length;
      await sink.write('</channel>\n</rss>\n');
      await sink.flush();
      return counts;
    });
}

async function writePosts(db: Kysely<DB>, sink: Sink, ctx: ItemContext, onProgress: ProgressListener): Promise<number> {
  const total = Number((await db.selectFrom('posts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  let done = 0;
  let after = 0;
  for (;;) {
    const posts: WxrPost[] = await db
      .selectFrom('posts')
      .select([
        'id', 'guid', 'slug', 'title', 'standfirst', 'body_html', 'postscript_html', 'status', 'published_at', 'local_year',
        'local_month', 'comment_status', 'sticky', 'created_at', 'updated_at', 'deleted_at', 'review_requested_at',
      ])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (!posts.length) return done;
    const links = await loadLinks(db, posts.map((p) => p.id));
    for (const post of posts) {
      await sink.write(postItem(post, links.get(post.id)!, ctx));
      if (++done % PROGRESS_EVERY === 0) onProgress({ section: 'posts', done, total });
    }
    after = posts.at(-1)!.id;
  }
}

/** Bylines, categories, tags and comments of a page of posts, by post id. */
async function loadLinks(db: Kysely<DB>, ids: number[]): Promise<Map<number, WxrLinks>> {
  const map = new Map<number, WxrLinks>(ids.map((id) => [id, { authorIds: [], categoryIds: [], tagIds: [], comments: [] }]));
  const [authors, categories, tags, comments] = await Promise.all([
    db.selectFrom('post_authors').select(['post_id', 'author_id']).where('post_id', 'in', ids).orderBy('post_id').orderBy('position').orderBy('author_id').execute(),
    db.selectFrom('post_categories').select(['post_id', 'category_id']).where('post_id', 'in', ids).orderBy('post_id').orderBy('category_id').execute(),
    db.selectFrom('post_tags').select(['post_id', 'tag_id']).where('post_id', 'in', ids).orderBy('post_id').orderBy('tag_id').execute(),
    db
      .selectFrom('comments')
      .select(['id', 'post_id', 'parent_id', 'author_name', 'author_email', 'author_url', 'ip', 'body', 'status', 'created_at', 'user_id', 'kind'])
      .where('post_id', 'in', ids)
      .orderBy('id')
      .execute(),
  ]);
  for (const a of authors) map.get(a.post_id)!.authorIds.push(a.author_id);
  for (const c of categories) map.get(c.post_id)!.categoryIds.push(c.category_id);
  for (const t of tags) map.get(t.post_id)!.tagIds.push(t.tag_id);
  for (const c of comments) map.get(c.post_id)!.comments.push(c);
  return map;
}
