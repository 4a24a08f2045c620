import { html, type SafeHtml } from '../../../../lib/html.js';
import {
  canEditPost, mayAskForReview, mayManageTrash, mayPublish, type PostActor, type PostState, type SaveConflict,
} from '../../../posts/index.js';
import { csrfField } from '../../views/forms.js';
import type { AdminFrame } from '../../views/layout.js';
import { statusBadge, when } from './format.js';

/** Status, dates and links above the form of a saved post. */
export function postHeader(post: PostState, publicPath: string | null, timeZone: string): SafeHtml {
  return html`<div class="post-status">
<p>${statusBadge(post)}
${post.status === 'published' && post.publishedAt ? html` since ${when(post.publishedAt, timeZone)}` : ''}
${post.status === 'scheduled' && post.publishedAt ? html` for ${when(post.publishedAt, timeZone)}` : ''}
${post.reviewRequestedAt && post.status === 'draft' ? html` · review asked ${when(post.reviewRequestedAt, timeZone)}` : ''}
${post.lastSave ? html` · last saved by ${post.lastSave.userName}, ${when(post.lastSave.createdAt, timeZone)}` : ''}</p>
<p class="actions">
<a href="/admin/posts/${post.id}/preview">Preview as readers will see it</a>
<a href="/admin/posts/${post.id}/revisions">Revisions</a>
${publicPath && post.status === 'published' && !post.deletedAt ? html`<a href="${publicPath}">View on the site</a>` : ''}
</p>
</div>`;
}

/** The warning shown instead of saving over someone else's changes. */
export function conflictWarning(conflict: SaveConflict, postId: number, timeZone: string): SafeHtml {
  const who = conflict.changedBy ?? 'Someone';
  return html`<div class="warning conflict" role="alert">
<h2>${who} changed this post while you were editing</h2>
<p>${who} saved it at ${when(conflict.changedAt, timeZone)}. Your changes are <strong>not saved</strong> yet; they are still in the form below.</p>
<p>${conflict.compare ? html`<a href="/admin/posts/${postId}/revisions/compare?from=${conflict.compare.from}&amp;to=${conflict.compare.to}">Compare their version with the one you started from</a> · ` : ''}<a href="/admin/posts/${postId}/edit">Open their version (your changes are lost)</a></p>
<p>To replace their version with yours, press <strong>Save anyway</strong> at the bottom of the form.</p>
</div>`;
}

/** The buttons this user may press, each saying what it does. The first one is what Enter does. */
export function actionButtons(post: PostState | null, actor: PostActor, conflict: boolean): SafeHtml {
  const facts = post ?? { status: 'draft' as const, deletedAt: null, createdBy: actor.id, authorIds: [] };
  const status = post?.status ?? 'draft';
  const id = post?.id;
  const editor = mayPublish(actor);
  const save = status === 'draft' ? 'Save draft' : status === 'scheduled' ? 'Save changes' : 'Update';
  const editable = canEditPost(actor, facts);
  return html`${editable ? '' : html`<p class="hint">Only an editor can change this post now that it is ${status === 'scheduled' ? 'scheduled' : 'published'}.</p>`}
<div class="actions form-actions">
${editable ? html`<button type="submit" name="action" value="save">${save}</button>` : ''}
<button type="submit" class="secondary" formaction="/admin/posts/preview" formtarget="_blank">Preview</button>
${editor && status !== 'published' ? html`<button type="submit" name="action" value="publish">Publish</button>` : ''}
${editor && status !== 'published' ? html`<button type="submit" name="action" value="schedule" class="secondary">Schedule</button>` : ''}
${!editor && mayAskForReview(actor, facts) ? html`<button type="submit" name="action" value="submit" class="secondary">Submit for review</button>` : ''}
${editor && id && status !== 'draft' ? html`<button type="submit" class="secondary" formaction="/admin/posts/${id}/unpublish">${status === 'scheduled' ? 'Unschedule' : 'Unpublish'}</button>` : ''}
${id && mayManageTrash(actor) ? html`<button type="submit" class="danger" formaction="/admin/posts/${id}/trash">Move to trash</button>` : ''}
${conflict ? html`<button type="submit" name="overwrite" value="${post!.version}" class="danger">Save anyway</button>` : ''}
</div>`;
}

/** What a trashed post offers instead of its form. */
export function trashPanel(frame: AdminFrame, post: PostState, actor: PostActor): SafeHtml {
  return html`<div class="panel">
<p>This post is in the trash: readers cannot see it, and it cannot be edited until it is restored (as a draft).</p>
${mayManageTrash(actor) ? html`<div class="actions">
<form method="post" action="/admin/posts/${post.id}/restore">${csrfField(frame.csrfToken)}<button type="submit">Restore</button></form>
<form method="post" action="/admin/posts/${post.id}/delete" data-confirm="Delete this post for good? This cannot be undone.">${csrfField(frame.csrfToken)}<button type="submit" class="danger">Delete for good</button></form>
</div>` : ''}
</div>`;
}
