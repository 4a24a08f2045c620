import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock.js';
import type { SafeHtml } from '../../lib/html.js';
import { createVersionedMemo, type VersionedMemo } from '../../lib/versioned-memo.js';
import type { DB } from '../../storage/schema.js';
import { loadSettings, type Settings } from '../site/index.js';
import type { PublicComment } from './model.js';
import { commentsOpen } from './rules.js';
import { commentSecret, formTokenFor, idsFromPendingCookie } from './secret.js';
import { type CommentablePost, findCommentablePost, listPostComments } from './storage.js';
import { buildThreads, findInThreads, pageOfComment, pageOfThreads } from './thread.js';
import { type CommentFormState, renderCommentList, renderCommentSection } from './views.js';

export interface SectionDeps {
  db: Kysely<DB>;
  clock: Clock;
  /**
   * Remembers each post's approved comments, and their rendered lists, while the data version
   * holds (see `commentsMemo`).
   */
  memo?: VersionedMemo<RememberedComments>;
  /** Remembers the settings and the comment secret while the data version holds. */
  basics?: VersionedMemo<SectionBasics>;
}

/** What every comment section reads besides its post: the settings and the comment secret. */
export interface SectionBasics {
  settings: Settings;
  secret: string;
}

/** A post's approved comments, and their lists rendered so far (by `listKey`). */
export interface RememberedComments {
  comments: PublicComment[];
  lists: Map<string, SafeHtml>;
}

/** The memos of `SectionDeps` (`memo` and `basics`), over the database's `dataVersion`. */
export function commentsMemos(dataVersion: () => string | null): Required<Pick<SectionDeps, 'memo' | 'basics'>> {
  return {
    // A hot article has hundreds of comments: keep the lists of a few dozen posts at most.
    memo: createVersionedMemo<RememberedComments>(dataVersion, 64),
    basics: createVersionedMemo<SectionBasics>(dataVersion, 1),
  };
}

// A post's lists for a few pages and reply targets at most (each is kept with its comments).
const MAX_LISTS = 16;

/** What one visitor's request adds to the comment section of a post. */
export interface SectionRequest {
  /** The signed pending-comments cookie, as sent. */
  ownCookie: string | undefined;
  /** `?cpage=N`; out-of-range pages show the nearest one. */
  page: number;
  /** `?replytocom=N`. */
  replyTo: number | null;
  form?: CommentFormState;
  notice?: 'received';
  /** The text of a comment refused because the thread closed meanwhile. */
  refused?: string;
  csrfToken: string;
}

/**
 * The comment section of a visible post (null when readers cannot see the post) and its count
 * of approved comments and whether it takes new ones, for this visitor: their own pending
 * comments marked, their form state.
 */
export async function loadCommentSection(
  deps: SectionDeps,
  postOrId: number | CommentablePost,
  request: SectionRequest,
): Promise<{ section: SafeHtml; count: number; post: CommentablePost; open: boolean; settings: Settings } | null> {
  const now = deps.clock.now();
  const readBasics = async () => {
    const [settings, secret] = await Promise.all([loadSettings(deps.db), commentSecret(deps.db)]);
    return { value: { settings, secret }, until: null };
  };
  const [{ settings, secret }, post] = await Promise.all([
    deps.basics ? deps.basics('basics', '', readBasics) : readBasics().then((loaded) => loaded.value),
    typeof postOrId === 'number' ? findCommentablePost(deps.db, postOrId, now.toISOString()) : postOrId,
  ]);
  if (!post) return null;
  const rules = settings.comments;
  const ownIds = idsFromPendingCookie(secret, request.ownCookie);
  // Only the approved comments, the same for every reader, are remembered.
  const read = async () => ({ value: { comments: await listPostComments(deps.db, post.id, ownIds), lists: new Map<string, SafeHtml>() }, until: null });
  const remembered = deps.memo && ownIds.length === 0 ? await deps.memo(String(post.id), now.toISOString(), read) : null;
  const comments = remembered ? remembered.comments : (await read()).value.comments;
  const count = comments.filter((c) => c.status === 'approved').length;
  const all = buildThreads(comments);
  const target = request.replyTo === null ? null : findInThreads(all, request.replyTo);
  // A reply form shown again (an error) stays on the page of the comment it answers.
  const wanted = request.form && target ? pageOfComment(all, target.id, rules.commentsPerPage) : Math.max(1, request.page);
  const { totalPages } = pageOfThreads(all, 1, rules.commentsPerPage);
  const page = Math.min(wanted, totalPages);
  const { threads } = pageOfThreads(all, page, rules.commentsPerPage);
  const open = commentsOpen(post, rules, now);
  const replyTo = target && target.status === 'approved' && target.depth < rules.threadDepth ? target : null;
  const view = {
    post, threads, count, page, totalPages, open, threadDepth: rules.threadDepth, honeypot: rules.honeypot, timeZone: settings.timeZone,
    replyTo: replyTo ? { id: replyTo.id, authorName: replyTo.authorName } : null,
    form: request.form ?? { values: {}, errors: {} },
    csrfToken: request.csrfToken,
    formToken: formTokenFor(secret, post.id, now),
    ...(request.notice ? { notice: request.notice } : {}),
    ...(request.refused ? { refused: request.refused } : {}),
  };
  // The settings and the post are the database's (so the memo's version covers them); `open` may
  // change with time alone, hence in the key.
  const listKey = `${page}|${open}|${rules.threadDepth}|${settings.timeZone}`;
  let list = remembered?.lists.get(listKey);
  if (!list) {
    list = renderCommentList(view);
    if (remembered && remembered.lists.size < MAX_LISTS) remembered.lists.set(listKey, list);
  }
  const section = renderCommentSection(view, list);
  return { section, count, post, open, settings };
}
