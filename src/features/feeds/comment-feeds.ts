import { messagesFor } from '../../i18n/index.js';
import { cleanText, type FeedComment, type FeedPost, findFeedPost, listFeedComments, renderCommentBody } from '../comments/index.js';
import { feedPath } from '../seo/index.js';
import { loadSettings, type Settings } from '../site/index.js';
import type { FeedDocument, FeedEntry } from './feed-model.js';
import type { PostFeedDeps } from './post-feeds.js';

/** Shown as `updated` by a feed with no entries, so that it stays the same between requests. */
const EMPTY_FEED_UPDATED = '1970-01-01T00:00:00.000Z';

/** The longest plain-text summary of a comment, in characters. */
const SUMMARY_LENGTH = 300;

/** Which comments a feed lists: the whole site's, or those of the article at /year/month/slug/. */
export type CommentFeedRequest = { kind: 'site' } | { kind: 'post'; year: number; month: number; slug: string };

/**
 * The feed of the most recently approved comments (settings.feedItems of them) on visible
 * posts, site-wide or of one article; null when no visible article lives at the address. Each
 * entry is "Comment on <post> by <name>", its id the post's GUID plus `#comment-N` (neither ever
 * changes), its link the comment's permalink, its content the comment's plain-text rendering.
 * The commenter's email, website and IP are never part of it.
 */
export async function loadCommentFeed(deps: PostFeedDeps, request: CommentFeedRequest): Promise<FeedDocument | null> {
  const now = deps.clock.now().toISOString();
  const settings = await loadSettings(deps.db);
  const post = request.kind === 'post' ? await findFeedPost(deps.db, request, now) : null;
  if (request.kind === 'post' && !post) return null;
  const comments = await listFeedComments(deps.db, { now, limit: settings.feedItems, ...(post ? { postId: post.id } : {}) });
  const entries = comments.map((c) => toEntry(c, settings.baseUrl));
  const base = settings.baseUrl;
  const pagePath = post ? post.path : '/';
  const feedsPath = post ? post.path : '/comments/';
  return {
    title: feedTitle(settings, post),
    publisher: settings.title,
    description: '',
    homeUrl: base + pagePath,
    feedUrls: { rss: base + feedPath(feedsPath, 'rss'), atom: base + feedPath(feedsPath, 'atom'), json: base + feedPath(feedsPath, 'json') },
    language: post ? post.language : settings.defaultLanguage,
    updated: entries.reduce((max, e) => (e.updated > max ? e.updated : max), entries.length ? '' : EMPTY_FEED_UPDATED),
    entries,
  };
}

function feedTitle(settings: Settings, post: FeedPost | null): string {
  if (!post) return messagesFor(settings.defaultLanguage).commentFeeds.siteTitle(settings.title);
  return `${settings.title} — ${messagesFor(post.language).commentFeeds.postTitle(post.title)}`;
}

function toEntry(comment: FeedComment, base: string): FeedEntry {
  const text = cleanText(comment.body).replace(/\s+/g, ' ').trim();
  return {
    id: `${comment.post.guid}#comment-${comment.id}`,
    url: `${base}/comments/${comment.id}/`,
    title: messagesFor(comment.post.language).commentFeeds.entryTitle(comment.post.title, comment.authorName),
    authors: [{ name: comment.authorName }],
    categories: [],
    published: comment.createdAt,
    updated: comment.updatedAt,
    summary: text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text,
    contentHtml: renderCommentBody(comment.body).value,
    image: null,
    language: comment.post.language,
  };
}
