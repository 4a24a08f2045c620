import { html, type SafeHtml } from '../../../lib/html.js';
import { can } from '../../accounts/permissions.js';
import type { BlockEntry, CommentState, ModeratedComment } from '../../comments/index.js';
import { emptyForm, inputField, selectField, type FieldState, textareaField } from '../views/forms.js';
import type { AdminFrame } from '../views/layout.js';
import { postForm, screen, timeIn } from '../site/ui.js';

/** The moderation desk's pages: the queue by state, one comment, a commenter's history, blocks. */

const LABELS: Record<CommentState, string> = { pending: 'Pending', approved: 'Approved', spam: 'Spam', trash: 'Trash' };
const CURRENT = '/admin/comments';

export interface QueueView {
  status: CommentState;
  counts: Record<CommentState, number>;
  items: ModeratedComment[];
  page: number;
  totalPages: number;
  timeZone: string;
}

function tabs(view: { status?: CommentState; counts: Record<CommentState, number> }): SafeHtml {
  return html`<nav class="tabs" aria-label="Comments by state"><ul>${(Object.keys(LABELS) as CommentState[]).map(
    (s) => html`<li><a href="/admin/comments?status=${s}"${view.status === s ? html` aria-current="page"` : ''}>${LABELS[s]} <span class="count">(${view.counts[s]})</span></a></li>`,
  )}</ul></nav>`;
}

const excerpt = (body: string) => (body.length > 280 ? `${body.slice(0, 280)}…` : body);

function row(c: ModeratedComment, timeZone: string): SafeHtml {
  return html`<tr>
<td><input type="checkbox" name="ids[]" value="${c.id}" id="pick-${c.id}" aria-label="Select comment ${c.id} by ${c.authorName}"></td>
<td><strong>${c.authorName}</strong><br><a href="/admin/comments/history?email=${encodeURIComponent(c.authorEmail)}">${c.authorEmail || '(erased)'}</a>${c.ip ? html`<br><small>${c.ip}</small>` : ''}</td>
<td>${c.spamReason ? html`<p class="hint">Spam: ${c.spamReason}</p>` : ''}<p class="excerpt">${excerpt(c.body)}</p><p><a href="/admin/comments/${c.id}">Edit, reply or block</a></p></td>
<td>${c.postPath ? html`<a href="${c.postPath}#comment-${c.id}">${c.postTitle}</a>` : c.postTitle}</td>
<td>${timeIn(c.createdAt, timeZone)}</td>
</tr>`;
}

const ACTIONS = [
  { value: 'approve', label: 'Approve' }, { value: 'unapprove', label: 'Send back to pending' },
  { value: 'spam', label: 'Mark as spam' }, { value: 'trash', label: 'Move to trash' },
];

/** A table of comments with checkboxes, an action select and Apply. */
function bulkTable(frame: AdminFrame, items: ModeratedComment[], timeZone: string, back: string): SafeHtml {
  if (items.length === 0) return html`<p class="empty">No comments here.</p>`;
  return postForm(frame, '/admin/comments/bulk', html`<input type="hidden" name="back" value="${back}">
<div class="bulk">${selectField('action', 'With the selected comments', emptyForm(), ACTIONS)}<button type="submit">Apply</button></div>
<table class="list comments-queue">
<thead><tr><th scope="col">Select</th><th scope="col">Author</th><th scope="col">Comment</th><th scope="col">On</th><th scope="col">Sent</th></tr></thead>
<tbody>${items.map((c) => row(c, timeZone))}</tbody>
</table>`, 'bulk-form');
}

function pager(base: string, page: number, totalPages: number): SafeHtml {
  if (totalPages <= 1) return html``;
  return html`<nav aria-label="Pages"><ul class="pager">
${page > 1 ? html`<li><a href="${base}&amp;page=${page - 1}" rel="prev">Newer</a></li>` : ''}
<li>Page ${page} of ${totalPages}</li>
${page < totalPages ? html`<li><a href="${base}&amp;page=${page + 1}" rel="next">Older</a></li>` : ''}
</ul></nav>`;
}

export function renderQueue(frame: AdminFrame, view: QueueView): string {
  const back = `/admin/comments?status=${view.status}`;
  const settings = frame.user && can(frame.user.role, 'settings.manage') ? html` · <a href="/admin/comments/settings">Settings</a>` : '';
  return screen(frame, { title: `Comments: ${LABELS[view.status].toLowerCase()}`, current: CURRENT, actions: html`<a href="/admin/comments/blocks">Blocklist</a>${settings}` }, html`${tabs(view)}
${bulkTable(frame, view.items, view.timeZone, back)}
${pager(back, view.page, view.totalPages)}`);
}

export interface CommentPageView {
  comment: ModeratedComment;
  edit: FieldState;
  reply: FieldState;
  timeZone: string;
}

export function renderCommentPage(frame: AdminFrame, view: CommentPageView): string {
  const c = view.comment;
  return screen(frame, { title: `Comment by ${c.authorName}`, current: CURRENT, actions: html`<a href="/admin/comments?status=${c.status}">Back to the queue</a>` }, html`
<p>${LABELS[c.status]} · sent ${timeIn(c.createdAt, view.timeZone)} on ${c.postPath ? html`<a href="${c.postPath}#comment-${c.id}">${c.postTitle}</a>` : c.postTitle}${c.editedAt ? html` · edited ${timeIn(c.editedAt, view.timeZone)}` : ''}</p>
<p><a href="/admin/comments/history?email=${encodeURIComponent(c.authorEmail)}">Everything from ${c.authorEmail || 'this commenter'}</a>${c.ip ? html` · IP ${c.ip}` : ''}</p>
${postForm(frame, '/admin/comments/bulk', html`<input type="hidden" name="ids[]" value="${c.id}"><input type="hidden" name="back" value="/admin/comments/${c.id}">
<div class="bulk">${selectField('action', 'Change state', emptyForm(), ACTIONS)}<button type="submit">Apply</button></div>`, 'inline')}
<section aria-labelledby="edit-heading"><h2 id="edit-heading">Edit</h2>
${postForm(frame, `/admin/comments/${c.id}`, html`${inputField('name', 'Name', view.edit, { required: true, maxlength: 100 })}
${inputField('email', 'Email', view.edit, { type: 'email', required: true })}
${inputField('url', 'Website', view.edit, { type: 'url' })}
${textareaField('body', 'Comment', view.edit, { rows: 8, required: true })}
<p><button type="submit">Save changes</button></p>`)}</section>
<section aria-labelledby="reply-heading"><h2 id="reply-heading">Reply</h2>
${c.status === 'pending' ? html`<p class="hint">Publishing a reply approves this comment too.</p>` : ''}
${postForm(frame, `/admin/comments/${c.id}/reply`, html`${textareaField('reply', 'Your reply, published at once under your name', view.reply, { rows: 5, required: true })}
<p><button type="submit">Publish reply</button></p>`)}</section>
<section aria-labelledby="block-heading"><h2 id="block-heading">Block</h2>
<p>Later comments from a blocked email or IP address go straight to spam.</p>
${postForm(frame, `/admin/comments/${c.id}/block`, html`<input type="hidden" name="kind" value="email"><button type="submit">Block this email address</button>`, 'inline')}
${postForm(frame, `/admin/comments/${c.id}/block`, html`<input type="hidden" name="kind" value="ip"><button type="submit">Block this IP address</button>`, 'inline')}
</section>`);
}

export interface HistoryView {
  email: string;
  items: ModeratedComment[];
  timeZone: string;
  /** Admins may export and erase. */
  privacy: boolean;
}

export function renderHistory(frame: AdminFrame, view: HistoryView): string {
  const back = `/admin/comments/history?email=${encodeURIComponent(view.email)}`;
  return screen(frame, { title: `Comments from ${view.email}`, current: CURRENT }, html`
${bulkTable(frame, view.items, view.timeZone, back)}
${view.privacy ? html`<section aria-labelledby="privacy-heading"><h2 id="privacy-heading">Privacy request</h2>
<p><a href="/admin/comments/export?email=${encodeURIComponent(view.email)}" download>Export everything stored about ${view.email} (JSON)</a></p>
${postForm(frame, '/admin/comments/erase', html`<input type="hidden" name="email" value="${view.email}">
${selectField('mode', 'Erase this commenter', emptyForm(), [
  { value: 'anonymise', label: 'Anonymise: keep the text as “Anonymous”, clear email, website and IP' },
  { value: 'delete', label: 'Delete every comment from this address' },
])}
<p><button type="submit" class="danger">Erase</button></p>`)}</section>` : ''}`);
}

export function renderBlocks(frame: AdminFrame, blocks: BlockEntry[], form: FieldState): string {
  return screen(frame, { title: 'Comment blocklist', current: CURRENT }, html`
<p>A comment that contains a blocked word, or comes from a blocked email, domain (<code>@example.com</code>) or IP address, goes to spam. IP addresses are kept as a keyed hash.</p>
${blocks.length ? html`<table class="list"><thead><tr><th scope="col">Kind</th><th scope="col">Value</th><th scope="col">Note</th><th scope="col">Remove</th></tr></thead><tbody>
${blocks.map((b) => html`<tr><td>${b.kind}</td><td>${b.kind === 'ip' ? html`<span class="hint">(hashed)</span>` : b.value}</td><td>${b.note}</td>
<td>${postForm(frame, `/admin/comments/blocks/${b.id}/delete`, html`<button type="submit" class="link">Remove</button>`, 'inline')}</td></tr>`)}
</tbody></table>` : html`<p class="empty">Nothing is blocked.</p>`}
<h2>Add to the blocklist</h2>
${postForm(frame, '/admin/comments/blocks', html`${selectField('kind', 'Kind', form, [
  { value: 'word', label: 'Word or phrase' }, { value: 'email', label: 'Email or @domain' }, { value: 'ip', label: 'IP address' },
])}
${inputField('value', 'Value', form, { required: true, maxlength: 200 })}
<p><button type="submit">Block</button></p>`)}`);
}
