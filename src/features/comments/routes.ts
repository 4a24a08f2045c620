import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError, isAppError } from '../../errors.js';
import { messagesFor } from '../../i18n/index.js';
import { escapeHtml } from '../../lib/html.js';
import type { Clock } from '../../lib/clock.js';
import { cookieOptions } from '../../http/session.js';
import type { DB } from '../../storage/schema.js';
import type { Invalidator } from '../cache/index.js';
import { type FrameLoader, loadSettings } from '../site/index.js';
import { adjacentPosts, findPublishedPost, renderArticle } from '../posts/index.js';
import type { CommentDraft } from './model.js';
import { type SubmitResult, submitComment } from './rules.js';
import { idsFromPendingCookie, pendingCookieValue } from './secret.js';
import { loadCommentSection, type SectionDeps, type SectionRequest } from './section.js';
import { countApprovedComments, findCommentablePost, listThreadLinks } from './storage.js';
import { registerSubscriptionRoutes } from './subscription-routes.js';
import { commentFeedLinkTags } from './feed-links.js';
import { buildThreads, pageOfComment } from './thread.js';
import type { CommentFormState } from './views.js';

export interface CommentsRoutesDeps {
  db: Kysely<DB>;
  clock: Clock;
  frame: FrameLoader;
  /** Told when a comment readers can see is stored. */
  invalidator?: Invalidator | undefined;
}

/** The signed list of this browser's own comments, so it alone sees them while pending. */
export const OWN_COMMENTS_COOKIE = 'bs_comments';
const OWN_COOKIE_DAYS = 30;

const SLOT = /<!--comments:(\d{1,10})-->/;
const COUNT_SLOT = /<!--comment-count:(\d{1,10})-->/;
const FEEDS_SLOT = /<!--comment-feeds:(\d{1,10})-->/;

const sectionQuery = z.object({
  cpage: z.string().regex(/^[1-9]\d{0,5}$/).transform(Number).optional().catch(undefined),
  replytocom: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number).optional().catch(undefined),
  comment: z.literal('received').optional().catch(undefined),
});

/**
 * Fills the comment slots (see `commentSlots`): each teaser's count of comments, and on an
 * article page its comment feeds' autodiscovery links and the comment section for the visitor
 * asking: the article stays a pure function of the database, and the per-visitor part (their pending
 * comments, CSRF token, reply target, page) is added here. Must be installed before
 * @fastify/cookie's own onSend hook, so the CSRF cookie it may set is still written.
 */
export function installCommentSlots(app: FastifyInstance, deps: SectionDeps): void {
  app.addHook('onSend', async (request, reply, sent) => {
    if (typeof sent !== 'string') return sent;
    const payload = sent.includes('<!--teaser-comments:') ? await fillTeaserCounts(deps.db, sent) : sent;
    if (!payload.includes('<!--comment')) return payload;
    const match = SLOT.exec(payload);
    const query = sectionQuery.parse(request.query ?? {});
    const loaded = match
      ? await loadCommentSection(deps, Number(match[1]), {
          ownCookie: request.cookies[OWN_COMMENTS_COOKIE],
          page: query.cpage ?? 1,
          replyTo: query.replytocom ?? null,
          csrfToken: request.csrfToken(reply),
          ...(query.comment ? { notice: query.comment } : {}),
        })
      : null;
    if (loaded) reply.header('cache-control', 'private, no-cache');
    const feedsMatch = FEEDS_SLOT.exec(payload);
    const feedTags = feedsMatch ? await commentFeedLinkTags(deps, Number(feedsMatch[1]), loaded) : '';
    const countHtml = loaded ? `<a class="comment-count" href="#comments">${countText(loaded)}</a>` : '';
    // Each slot's first mark, found in the page as rendered (what is filled in is never searched).
    return fillSlots(payload, [
      [feedsMatch, feedTags],
      [COUNT_SLOT.exec(payload), loaded ? ` · ${countHtml}` : ''],
      [match, loaded ? loaded.section.value : ''],
    ]);
  });
}

/** `payload` with each match replaced by its text, in one pass over the page. */
function fillSlots(payload: string, fills: [RegExpExecArray | null, string][]): string {
  const found = fills.filter((f): f is [RegExpExecArray, string] => f[0] !== null).sort((a, b) => a[0].index - b[0].index);
  let out = '';
  let from = 0;
  for (const [m, text] of found) {
    out += payload.slice(from, m.index) + text;
    from = m.index + m[0].length;
  }
  return out + payload.slice(from);
}

const TEASER_SLOT = /<!--teaser-comments:(\d{1,10}):([a-zA-Z-]{2,20}):(\/[a-z0-9/-]{0,300})-->/g;

/** Replaces every teaser's slot with its count of approved comments, linking to them (one query). */
async function fillTeaserCounts(db: Kysely<DB>, payload: string): Promise<string> {
  const ids = [...payload.matchAll(TEASER_SLOT)].map((m) => Number(m[1]));
  const counts = await countApprovedComments(db, ids);
  return payload.replace(TEASER_SLOT, (_all, id: string, lang: string, path: string) =>
    ` · <a class="comment-count" href="${escapeHtml(path)}#comments">${escapeHtml(messagesFor(lang).comments.count(counts.get(Number(id)) ?? 0))}</a>`);
}

const countText = (loaded: { count: number; post: { language: string } }): string =>
  escapeHtml(messagesFor(loaded.post.language).comments.count(loaded.count));

const text = (max: number) => z.string().max(max).default('');
const commentForm = z.object({
  postId: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number),
  parentId: z.string().regex(/^(|[1-9]\d{0,9})$/).default('').transform((v) => (v ? Number(v) : null)),
  name: text(1000),
  email: text(1000),
  url: text(2000),
  body: text(200_000),
  notify: z.literal('on').optional(),
  website2: text(1000),
  formToken: text(200),
});

/**
 * POST /comments/: a reader's comment; answers 303 to it (or to a notice), or the form again.
 * Also the comment permalinks of mail (/comments/N/) and the subscription links.
 */
export function commentsRoutes(deps: CommentsRoutesDeps): FastifyPluginAsync {
  return async (app) => {
    registerSubscriptionRoutes(app, deps);

    // The permalink in mail: /comments/N/ → the article, on the right page, at the comment.
    app.get<{ Params: { id: string } }>('/comments/:id/', async (request, reply) => {
      const id = /^[1-9]\d{0,9}$/.test(request.params.id) ? Number(request.params.id) : 0;
      const location = id ? await commentLocation(deps, id) : null;
      return location ? reply.redirect(location, 303) : reply.callNotFound();
    });

    app.post('/comments/', async (request, reply) => {
      const parsed = commentForm.safeParse(request.body ?? {});
      if (!parsed.success) throw new AppError('BAD_REQUEST');
      const form = parsed.data;
      const draft: CommentDraft = {
        postId: form.postId, parentId: form.parentId, name: form.name, email: form.email, url: form.url,
        body: form.body, notifyReplies: form.notify === 'on', trap: form.website2, formToken: form.formToken,
      };
      try {
        const outcome = await submitComment(deps, draft, { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') });
        return await redirectToComment(deps, request, reply, outcome);
      } catch (error) {
        if (isAppError(error, 'FORBIDDEN') && error.details.reason === 'comments closed') {
          // Closed while they wrote: the article (saying so) with their text to keep, not an error page.
          return rerender(deps, request, reply, draft, { values: {}, errors: {} }, error.status, draft.body);
        }
        if (!isAppError(error, 'VALIDATION') && !isAppError(error, 'RATE_LIMITED')) throw error;
        const state: CommentFormState = {
          values: { name: form.name, email: form.email, url: form.url, body: form.body, ...(form.notify ? { notify: 'on' } : {}) },
          errors: (error.details.fields ?? {}) as CommentFormState['errors'],
        };
        return rerender(deps, request, reply, draft, state, error.status);
      }
    });
  };
}

async function redirectToComment(deps: CommentsRoutesDeps, request: FastifyRequest, reply: FastifyReply, outcome: SubmitResult) {
  const { post, secret } = outcome;
  if (outcome.status === 'spam') return reply.redirect(`${post.path}?comment=received#comments`, 303);
  const own = [...idsFromPendingCookie(secret, request.cookies[OWN_COMMENTS_COOKIE]), outcome.id];
  reply.setCookie(OWN_COMMENTS_COOKIE, pendingCookieValue(secret, own), cookieOptions(request, OWN_COOKIE_DAYS * 86_400));
  return reply.redirect(await addressOf(deps, post, outcome.id, own, outcome.settings.comments.commentsPerPage), 303);
}

/** The article address of a comment: its page of threads and its anchor. */
async function addressOf(
  deps: CommentsRoutesDeps, post: { id: number; path: string }, id: number, own: number[], perPage?: number,
): Promise<string> {
  const [links, commentsPerPage] = await Promise.all([
    listThreadLinks(deps.db, post.id, own), perPage ?? loadSettings(deps.db).then((s) => s.comments.commentsPerPage),
  ]);
  const page = pageOfComment(buildThreads(links), id, commentsPerPage);
  return `${post.path}${page > 1 ? `?cpage=${page}` : ''}#comment-${id}`;
}

/** Where an approved comment of a visible post is read, or null. */
async function commentLocation(deps: CommentsRoutesDeps, id: number): Promise<string | null> {
  const row = await deps.db.selectFrom('comments').select(['post_id']).where('id', '=', id).where('status', '=', 'approved').executeTakeFirst();
  const post = row ? await findCommentablePost(deps.db, row.post_id, deps.clock.now().toISOString()) : null;
  return post ? addressOf(deps, post, id, []) : null;
}

/** The article again with the form as the reader left it and the errors by the fields. */
async function rerender(
  deps: CommentsRoutesDeps, request: FastifyRequest, reply: FastifyReply,
  draft: CommentDraft, form: CommentFormState, status: number, refused?: string,
) {
  const sectionRequest: SectionRequest = {
    ownCookie: request.cookies[OWN_COMMENTS_COOKIE], page: 1, replyTo: draft.parentId, form, csrfToken: request.csrfToken(reply),
    ...(refused ? { refused } : {}),
  };
  const loaded = await loadCommentSection(deps, draft.postId, sectionRequest);
  if (!loaded) throw new AppError('NOT_FOUND');
  const now = deps.clock.now().toISOString();
  const post = await findPublishedPost(deps.db, { ...loaded.post.address, now });
  if (!post) throw new AppError('NOT_FOUND');
  const [frame, adjacent] = await Promise.all([deps.frame(post.language), adjacentPosts(deps.db, post, now)]);
  const page = renderArticle(frame, { post, ...adjacent, comments: { count: loaded.count, section: loaded.section } });
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page);
}
