import type { Kysely } from 'kysely';
import { messagesFor } from '../../i18n/index.js';
import type { Clock } from '../../lib/clock.js';
import type { DB } from '../../storage/schema.js';
import { feedLinkTags } from '../../views/metadata.js';
import { feedLinks } from '../seo/index.js';
import { loadSettings, type Settings } from '../site/index.js';
import { commentsOpen } from './rules.js';
import { type CommentablePost, countApprovedComments, findCommentablePost } from './storage.js';

/** What the article's comment section already knows, when it was loaded for the same request. */
export interface KnownThread {
  post: CommentablePost;
  open: boolean;
  count: number;
  /** The settings it was loaded with. */
  settings: Settings;
}

/**
 * The `<link rel="alternate">` tags of an article's comment feeds (RSS, Atom, JSON Feed), or ''
 * when its comments are closed and it has none, or readers cannot see it. `known` saves the
 * queries when the comment section of the same post was loaded already.
 */
export async function commentFeedLinkTags(deps: { db: Kysely<DB>; clock: Clock }, postId: number, known: KnownThread | null): Promise<string> {
  const now = deps.clock.now();
  const same = known && known.post.id === postId ? known : null;
  const [settings, post] = same
    ? [same.settings, same.post]
    : await Promise.all([loadSettings(deps.db), findCommentablePost(deps.db, postId, now.toISOString())]);
  if (!post) return '';
  const thread = same ?? { open: commentsOpen(post, settings.comments, now), count: (await countApprovedComments(deps.db, [postId])).get(postId) ?? 0 };
  if (!thread.open && thread.count === 0) return '';
  const title = `${settings.title} — ${messagesFor(post.language).commentFeeds.postTitle(post.title)}`;
  return feedLinkTags(settings.baseUrl, feedLinks(title, post.path)).value;
}
