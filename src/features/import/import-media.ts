import { toIso } from '../../lib/dates.js';
import { findMapped, remember } from './import-map.js';
import { oldPathOf, queryPath, redirectAll } from './old-urls.js';
import { postPath } from '../posts/index.js';
import type { RunContext } from './run-context.js';
import { count } from './summary.js';
import { mimeTypeOf } from './uploads.js';
import { wpInstant } from './wp-dates.js';
import type { WxrItem } from './wxr-records.js';

/** An attachment as a media record (one transaction), its file copied in when `--uploads` has it. */
export async function importAttachment(ctx: RunContext, item: WxrItem): Promise<void> {
  if ((await findMapped(ctx.db, ctx.source, 'attachment', item.id)) !== null) {
    count(ctx.summary.alreadyThere, 'attachment');
    return;
  }
  const oldUrl = item.attachmentUrl || item.guid;
  const now = toIso(ctx.clock.now());
  const size = /s:5:"width";i:(\d+);s:6:"height";i:(\d+);/.exec(item.meta.get('_wp_attachment_metadata') ?? '');
  const filePath = ctx.uploads?.filePathOf(oldUrl) ?? null;
  await ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('media')
      .values({
        url: ctx.uploads?.localUrl(oldUrl) ?? oldUrl,
        file_path: filePath,
        mime_type: mimeTypeOf(oldUrl),
        title: item.title,
        alt: (item.meta.get('_wp_attachment_image_alt') ?? '').trim(),
        caption: item.excerpt.trim(),
        parent_post_id: null,
        width: size ? Number(size[1]) : null,
        height: size ? Number(size[2]) : null,
        created_at: wpInstant(item.dateGmt, item.date, ctx.settings.timeZone) ?? now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await remember(trx, ctx.source, 'attachment', item.id, id, now);
  });
  count(ctx.summary.imported, 'attachment');
}

/**
 * After the items: each media record learns its post, and each old attachment page redirects to
 * that post (or to the copied file). Run on every import, so an interrupted one completes it.
 */
export async function linkAttachments(ctx: RunContext): Promise<void> {
  const now = toIso(ctx.clock.now());
  for (const attachment of ctx.scan.attachments.values()) {
    const mediaId = await findMapped(ctx.db, ctx.source, 'attachment', attachment.id);
    if (mediaId === null) continue;
    const parent = attachment.parent && attachment.parent !== '0' ? await parentPath(ctx, attachment.parent) : null;
    await ctx.db.transaction().execute(async (trx) => {
      if (parent) await trx.updateTable('media').set({ parent_post_id: parent.postId }).where('id', '=', mediaId).where('parent_post_id', 'is', null).execute();
      const media = await trx.selectFrom('media').select(['url', 'file_path']).where('id', '=', mediaId).executeTakeFirstOrThrow();
      const to = parent?.path ?? (media.file_path ? media.url : null);
      if (to) await redirectAll(trx, ctx, [oldPathOf(ctx, attachment.link), queryPath(ctx, 'attachment_id', attachment.id)], to, now);
    });
  }
}

/** The local post (or page) an attachment belongs to, and its public path when published. */
async function parentPath(ctx: RunContext, wpParent: string): Promise<{ postId: number | null; path: string | null } | null> {
  const postId = await findMapped(ctx.db, ctx.source, 'post', wpParent);
  if (postId !== null) {
    const post = await ctx.db.selectFrom('posts').select(['status', 'slug', 'local_year', 'local_month']).where('id', '=', postId).executeTakeFirst();
    return { postId, path: post?.status === 'published' ? postPath(post) : null };
  }
  const pageId = await findMapped(ctx.db, ctx.source, 'page', wpParent);
  if (pageId === null) return null;
  const page = await ctx.db.selectFrom('pages').select(['slug', 'status']).where('id', '=', pageId).executeTakeFirst();
  return { postId: null, path: page?.status === 'published' ? `/${page.slug}/` : null };
}
