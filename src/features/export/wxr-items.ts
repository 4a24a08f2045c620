import { pagePath, postPath } from '../posts/index.js';
import { itemTerm, type WxrTerms } from './wxr-channel.js';
import { rssDate, WP_NO_DATE, wpGmtDate, wpLocalDate } from './wxr-dates.js';
import { cdataElement, element, escapeXml } from './wxr-xml.js';

/** What every item needs to know about the site. */
export interface ItemContext {
  base: string;
  timeZone: string;
  terms: WxrTerms;
}

export interface WxrPost {
  id: number; guid: string; slug: string; title: string; standfirst: string; body_html: string; postscript_html: string;
  status: 'draft' | 'scheduled' | 'published'; published_at: string | null; local_year: number | null; local_month: number | null;
  comment_status: string; sticky: number; created_at: string; updated_at: string; deleted_at: string | null;
  review_requested_at: string | null;
}

export interface WxrComment {
  id: number; parent_id: number | null; author_name: string; author_email: string; author_url: string; ip: string | null;
  body: string; status: 'pending' | 'approved' | 'spam' | 'trash'; created_at: string; user_id: number | null;
  /** `comment`, `pingback` or `trackback` (absent before migration 0008). */
  kind?: string;
}

export interface WxrLinks {
  authorIds: number[];
  categoryIds: number[];
  tagIds: number[];
  comments: WxrComment[];
}

/** WordPress's post status: trash, publish, future (scheduled), pending (review asked) or draft. */
export function wpStatus(post: Pick<WxrPost, 'status' | 'deleted_at' | 'review_requested_at'>): string {
  if (post.deleted_at) return 'trash';
  if (post.status === 'published') return 'publish';
  if (post.status === 'scheduled') return 'future';
  return post.review_requested_at ? 'pending' : 'draft';
}

const APPROVED: Record<WxrComment['status'], string> = { approved: '1', pending: '0', spam: 'spam', trash: 'trash' };

/** The dates of an item: local and GMT; a draft never published has WordPress's zero GMT date. */
function dates(prefix: 'post_date' | 'post_modified', instant: string | null, fallback: string, timeZone: string): string {
  return (
    cdataElement(`wp:${prefix}`, wpLocalDate(instant ?? fallback, timeZone)) +
    cdataElement(`wp:${prefix}_gmt`, instant ? wpGmtDate(instant) : WP_NO_DATE)
  );
}

/** An `<item>` of type post: content:encoded is the rendered body, then the post-script after a rule. */
export function postItem(post: WxrPost, links: WxrLinks, ctx: ItemContext): string {
  const html = post.postscript_html ? `${post.body_html}\n<hr />\n${post.postscript_html}` : post.body_html;
  const link = post.status === 'published' ? `${ctx.base}${postPath(post)}` : `${ctx.base}/?p=${post.id}`;
  const creator = ctx.terms.authors.get(links.authorIds[0] ?? -1) ?? '';
  const terms = [
    ...links.categoryIds.map((id) => ctx.terms.categories.get(id)).filter((t) => t !== undefined).map((t) => itemTerm('category', t)),
    ...links.tagIds.map((id) => ctx.terms.tags.get(id)).filter((t) => t !== undefined).map((t) => itemTerm('post_tag', t)),
  ];
  return [
    '<item>',
    cdataElement('title', post.title),
    element('link', link),
    element('pubDate', rssDate(post.published_at ?? post.created_at)),
    cdataElement('dc:creator', creator),
    `<guid isPermaLink="false">${escapeXml(post.guid)}</guid>`,
    '<description></description>',
    cdataElement('content:encoded', html),
    cdataElement('excerpt:encoded', post.standfirst),
    element('wp:post_id', post.id),
    dates('post_date', post.published_at, post.created_at, ctx.timeZone),
    dates('post_modified', post.updated_at, post.updated_at, ctx.timeZone),
    cdataElement('wp:comment_status', post.comment_status),
    cdataElement('wp:ping_status', 'closed'),
    cdataElement('wp:post_name', post.slug),
    cdataElement('wp:status', wpStatus(post)),
    element('wp:post_parent', 0),
    element('wp:menu_order', 0),
    cdataElement('wp:post_type', 'post'),
    cdataElement('wp:post_password', ''),
    element('wp:is_sticky', post.sticky),
    ...terms,
    ...links.comments.map((c) => commentXml(c, ctx.timeZone)),
    '</item>',
    '',
  ].join('\n');
}

/** A `<wp:comment>`: threaded by `wp:comment_parent`, status as WordPress's `comment_approved`. */
export function commentXml(c: WxrComment, timeZone: string): string {
  return (
    `<wp:comment>${element('wp:comment_id', c.id)}${cdataElement('wp:comment_author', c.author_name)}` +
    `${cdataElement('wp:comment_author_email', c.author_email)}${element('wp:comment_author_url', c.author_url)}` +
    `${cdataElement('wp:comment_author_IP', c.ip ?? '')}${cdataElement('wp:comment_date', wpLocalDate(c.created_at, timeZone))}` +
    `${cdataElement('wp:comment_date_gmt', wpGmtDate(c.created_at))}${cdataElement('wp:comment_content', c.body)}` +
    `${cdataElement('wp:comment_approved', APPROVED[c.status])}${cdataElement('wp:comment_type', c.kind ?? 'comment')}` +
    `${element('wp:comment_parent', c.parent_id ?? 0)}${element('wp:comment_user_id', 0)}</wp:comment>`
  );
}

export interface WxrPage {
  id: number; slug: string; title: string; body_html: string; status: 'draft' | 'published'; created_at: string; updated_at: string;
}

/** An `<item>` of type page. `wpId` keeps page ids apart from post ids (WordPress has one id space). */
export function pageItem(page: WxrPage, wpId: number, ctx: ItemContext): string {
  return [
    '<item>',
    cdataElement('title', page.title),
    element('link', `${ctx.base}${pagePath(page.slug)}`),
    element('pubDate', rssDate(page.created_at)),
    cdataElement('dc:creator', ''),
    `<guid isPermaLink="false">${escapeXml(`${ctx.base}/?page_id=${wpId}`)}</guid>`,
    '<description></description>',
    cdataElement('content:encoded', page.body_html),
    cdataElement('excerpt:encoded', ''),
    element('wp:post_id', wpId),
    dates('post_date', page.created_at, page.created_at, ctx.timeZone),
    dates('post_modified', page.updated_at, page.updated_at, ctx.timeZone),
    cdataElement('wp:comment_status', 'closed'),
    cdataElement('wp:ping_status', 'closed'),
    cdataElement('wp:post_name', page.slug),
    cdataElement('wp:status', page.status === 'published' ? 'publish' : 'draft'),
    element('wp:post_parent', 0),
    element('wp:menu_order', 0),
    cdataElement('wp:post_type', 'page'),
    cdataElement('wp:post_password', ''),
    element('wp:is_sticky', 0),
    '</item>',
    '',
  ].join('\n');
}

export interface WxrMedia {
  id: number; url: string; mime_type: string; title: string; alt: string; caption: string; parent_post_id: number | null; created_at: string;
}

/** An `<item>` of type attachment: WordPress downloads `wp:attachment_url` when told to fetch attachments. */
export function mediaItem(media: WxrMedia, wpId: number, ctx: ItemContext): string {
  const url = /^https?:\/\//i.test(media.url) ? media.url : `${ctx.base}${media.url.startsWith('/') ? '' : '/'}${media.url}`;
  return [
    '<item>',
    cdataElement('title', media.title),
    element('link', url),
    element('pubDate', rssDate(media.created_at)),
    cdataElement('dc:creator', ''),
    `<guid isPermaLink="false">${escapeXml(url)}</guid>`,
    '<description></description>',
    cdataElement('content:encoded', ''),
    cdataElement('excerpt:encoded', media.caption),
    element('wp:post_id', wpId),
    dates('post_date', media.created_at, media.created_at, ctx.timeZone),
    cdataElement('wp:post_name', `attachment-${media.id}`),
    cdataElement('wp:status', 'inherit'),
    element('wp:post_parent', media.parent_post_id ?? 0),
    cdataElement('wp:post_type', 'attachment'),
    cdataElement('wp:post_mime_type', media.mime_type),
    cdataElement('wp:attachment_url', url),
    `<wp:postmeta>${cdataElement('wp:meta_key', '_wp_attachment_image_alt')}${cdataElement('wp:meta_value', media.alt)}</wp:postmeta>`,
    '</item>',
    '',
  ].join('\n');
}
