import { messagesFor } from '../../i18n/index.js';
import { attrs, html, type SafeHtml } from '../../lib/html.js';
import type { CommentErrorCode } from './rules.js';
import { renderCommentBody } from './text.js';
import type { ThreadNode } from './thread.js';

/**
 * The comment section under an article: the threads as nested ordered lists with permalinks
 * (`#comment-N`), pagination of top-level threads, and the form (`#respond`), which works
 * without JavaScript. Nothing here ever receives a commenter's email.
 */

export interface CommentFormState {
  values: Partial<Record<'name' | 'email' | 'url' | 'body' | 'notify', string>>;
  errors: Partial<Record<'name' | 'email' | 'url' | 'body', CommentErrorCode>>;
}

export interface CommentSectionView {
  post: { id: number; path: string; language: string };
  /** Approved comments, and this browser's own pending ones (marked as awaiting moderation). */
  threads: ThreadNode[];
  count: number;
  page: number;
  totalPages: number;
  open: boolean;
  threadDepth: number;
  /** Whether the form carries the honeypot field (settings.comments.honeypot). */
  honeypot: boolean;
  timeZone: string;
  /** The comment being answered (`?replytocom=N`), when it can be. */
  replyTo: { id: number; authorName: string } | null;
  form: CommentFormState;
  csrfToken: string;
  formToken: string;
  notice?: 'received';
  /** What a reader sent after the thread closed: shown back to them (the form is gone). */
  refused?: string;
}

/**
 * The section; `list` is `renderCommentList(view)` when the caller remembers it (it depends
 * only on the threads, the post, the page, `open`, `threadDepth` and `timeZone`).
 */
export function renderCommentSection(view: CommentSectionView, list: SafeHtml = renderCommentList(view)): SafeHtml {
  const t = messagesFor(view.post.language).comments;
  return html`<section class="comments" id="comments" aria-labelledby="comments-heading">
<h2 id="comments-heading">${t.count(view.count)}</h2>
${view.notice === 'received' ? html`<p class="comment-notice" role="status">${t.received}</p>` : ''}
${list}
${commentPages(view)}
${view.open ? (view.count === 0 ? html`<p class="comments-empty">${t.beFirst}</p>` : '') : html`<p class="comments-closed">${t.closed}</p>`}
${!view.open && view.refused ? html`<div class="comment-notice" role="alert"><p>${t.closedBeforeSent}</p><blockquote class="comment-kept">${renderCommentBody(view.refused)}</blockquote></div>` : ''}
${view.open ? commentForm(view) : ''}
</section>`;
}

/** The threads of the page shown, as a list; empty when there are none. */
export function renderCommentList(view: Pick<CommentSectionView, 'post' | 'threads' | 'page' | 'open' | 'threadDepth' | 'timeZone'>): SafeHtml {
  return view.threads.length ? html`<ol class="comment-list">${view.threads.map((node) => commentItem(node, view))}</ol>` : html``;
}

// One formatter per locale and zone: building one per comment was most of a page's render time.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function commentDateFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

type ListView = Parameters<typeof renderCommentList>[0];

function commentItem(node: ThreadNode, view: ListView): SafeHtml {
  const t = messagesFor(view.post.language).comments;
  const c = node.comment;
  const name = c.authorUrl ? html`<a href="${c.authorUrl}" rel="nofollow ugc noopener">${c.authorName}</a>` : c.authorName;
  const when = commentDateFormat(messagesFor(view.post.language).locale, view.timeZone).format(new Date(c.createdAt));
  const canReply = view.open && c.status === 'approved' && c.depth < view.threadDepth;
  return html`<li id="comment-${c.id}" class="comment${c.status === 'pending' ? ' pending' : ''}${c.isStaff ? ' staff' : ''}">
<article class="comment-card" aria-labelledby="comment-${c.id}-author">
<p class="comment-meta"><span class="comment-author" id="comment-${c.id}-author">${name}</span>${c.isStaff ? html` <span class="comment-staff">(${t.staff})</span>` : ''}
<a class="comment-permalink" href="#comment-${c.id}" title="${t.permalink(c.authorName)}"><time datetime="${c.createdAt}">${when}</time></a></p>
${c.status === 'pending' ? html`<p class="comment-awaiting">${t.awaitingModeration}</p>` : ''}
<div class="comment-body">${renderCommentBody(c.body)}</div>
${canReply ? html`<p class="comment-reply"><a href="${replyHref(view, c.id)}" aria-label="${t.replyTo(c.authorName)}">${t.reply}</a></p>` : ''}
</article>
${node.replies.length ? html`<ol class="comment-children">${node.replies.map((r) => commentItem(r, view))}</ol>` : ''}
</li>`;
}

const pageHref = (path: string, page: number) => (page === 1 ? `${path}#comments` : `${path}?cpage=${page}#comments`);

function replyHref(view: ListView, id: number): string {
  return `${view.post.path}?${view.page > 1 ? `cpage=${view.page}&` : ''}replytocom=${id}#respond`;
}

function commentPages(view: CommentSectionView): SafeHtml {
  if (view.totalPages <= 1) return html``;
  const t = messagesFor(view.post.language).comments;
  return html`<nav class="comment-pages" aria-label="${t.pages}"><ul>
${view.page > 1 ? html`<li><a href="${pageHref(view.post.path, view.page - 1)}" rel="prev">${t.olderComments}</a></li>` : ''}
${view.page < view.totalPages ? html`<li><a href="${pageHref(view.post.path, view.page + 1)}" rel="next">${t.newerComments}</a></li>` : ''}
</ul></nav>`;
}

function commentForm(view: CommentSectionView): SafeHtml {
  const t = messagesFor(view.post.language).comments;
  const { values, errors } = view.form;
  const errorList = (Object.entries(errors) as [string, CommentErrorCode][]).filter((e) => e[1]);
  return html`<div id="respond" class="comment-respond">
<h3 id="reply-title">${view.replyTo ? t.replyTo(view.replyTo.authorName) : t.leaveComment}${
    view.replyTo ? html` <small><a href="${view.post.path}#respond">${t.cancelReply}</a></small>` : ''
  }</h3>
${errorList.length ? html`<div class="error-summary" role="alert"><p>${t.errorSummary}</p><ul>${errorList.map(
  ([field, code]) => html`<li><a href="#comment-${field}">${t.errors[code]}</a></li>`,
)}</ul></div>` : ''}
<form method="post" action="/comments/" class="comment-form" aria-labelledby="reply-title">
<input type="hidden" name="_csrf" value="${view.csrfToken}">
<input type="hidden" name="postId" value="${view.post.id}">
<input type="hidden" name="parentId" value="${view.replyTo?.id ?? ''}">
<input type="hidden" name="formToken" value="${view.formToken}">
<p class="comment-notes" id="comment-email-note">${t.emailNote}</p>
${field('name', t.name, view, { required: true, autocomplete: 'name', maxlength: 100 })}
${field('email', t.email, view, { required: true, type: 'email', autocomplete: 'email', maxlength: 254, note: true })}
${field('url', t.website, view, { type: 'url', autocomplete: 'url', maxlength: 500 })}
<div class="field${errors.body ? ' has-error' : ''}">
<label for="comment-body">${t.comment} <span class="required">${t.required}</span></label>
<textarea id="comment-body" name="body" rows="8" required${attrs(describedBy('body', view))}>${values.body ?? ''}</textarea>
${fieldError('body', view)}
</div>
${view.honeypot ? html`<div class="comment-trap" aria-hidden="true"><label for="comment-trap">${t.trap}</label><input type="text" id="comment-trap" name="website2" value="" tabindex="-1" autocomplete="off"></div>` : ''}
<div class="field checkbox"><input type="checkbox" id="comment-notify" name="notify" value="on"${attrs({ checked: values.notify === 'on' })}> <label for="comment-notify">${t.notifyReplies}</label></div>
<p><button type="submit">${t.submit}</button></p>
</form>
</div>`;
}

type Field = 'name' | 'email' | 'url' | 'body';

function describedBy(name: Field, view: CommentSectionView, note = false) {
  const error = view.form.errors[name];
  const ids = [note ? 'comment-email-note' : '', error ? `comment-${name}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || null, 'aria-invalid': error ? 'true' : null };
}

function fieldError(name: Field, view: CommentSectionView): SafeHtml {
  const code = view.form.errors[name];
  return code ? html`<p class="field-error" id="comment-${name}-error">${messagesFor(view.post.language).comments.errors[code]}</p>` : html``;
}

function field(
  name: Exclude<Field, 'body'>, label: string, view: CommentSectionView,
  options: { required?: boolean; type?: string; autocomplete: string; maxlength: number; note?: boolean },
): SafeHtml {
  const t = messagesFor(view.post.language).comments;
  return html`<div class="field${view.form.errors[name] ? ' has-error' : ''}">
<label for="comment-${name}">${label}${options.required ? html` <span class="required">${t.required}</span>` : ''}</label>
<input${attrs({
    type: options.type ?? 'text', id: `comment-${name}`, name, value: view.form.values[name] ?? '',
    required: options.required ?? false, autocomplete: options.autocomplete, maxlength: options.maxlength,
    ...describedBy(name, view, options.note),
  })}>
${fieldError(name, view)}
</div>`;
}
