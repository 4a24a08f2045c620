import { attrs, html, type SafeHtml } from '../../../../lib/html.js';
import type { FieldDiff, RevisionSummary } from '../../../posts/index.js';
import { csrfField } from '../../views/forms.js';
import { adminLayout, type AdminFrame } from '../../views/layout.js';
import { when } from './format.js';

export interface RevisionsView {
  post: { id: number; title: string };
  revisions: RevisionSummary[];
  timeZone: string;
  /** May restore (may edit the post). */
  canRestore: boolean;
}

const KIND_LABELS = { save: 'Saved', restore: 'Restored an older revision', autosave: 'Autosaved' } as const;

/** The revisions of a post, newest first, each with links to compare and a button to restore it. */
export function renderRevisions(frame: AdminFrame, view: RevisionsView): string {
  const { post, revisions } = view;
  return adminLayout(
    frame,
    `Revisions of “${post.title}”`,
    html`<h1>Revisions of “${post.title}”</h1>
<p><a href="/admin/posts/${post.id}/edit">Back to the post</a></p>
${revisions.length === 0 ? html`<p class="empty">No revisions yet: one is kept each time the post is saved.</p>` : html`
${revisions.length > 1 ? compareForm(view, revisions[1]!.id, revisions[0]!.id) : ''}
<table class="list revisions">
<caption>${revisions.length} revision${revisions.length === 1 ? '' : 's'}, newest first</caption>
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Title</th><th scope="col">Actions</th></tr></thead>
<tbody>${revisions.map((r, i) => html`<tr>
<td>${when(r.createdAt, view.timeZone)}</td><td>${r.userName}</td><td>${KIND_LABELS[r.kind]}${i === 0 ? ' (current)' : ''}</td><td>${r.title}</td>
<td class="row-actions">${revisions[i + 1] ? html`<a href="/admin/posts/${post.id}/revisions/compare?from=${revisions[i + 1]!.id}&amp;to=${r.id}">Compare with the one before</a>` : ''}
${view.canRestore && i > 0 ? restoreButton(frame, post.id, r) : ''}</td>
</tr>`)}</tbody>
</table>`}`,
    '/admin/posts',
  );
}

function restoreButton(frame: AdminFrame, postId: number, r: RevisionSummary): SafeHtml {
  return html`<form method="post" action="/admin/posts/${postId}/revisions/${r.id}/restore">${csrfField(frame.csrfToken)}<button type="submit" class="secondary small">Restore this revision<span class="visually-hidden"> (${r.createdAt})</span></button></form>`;
}

function compareForm(view: RevisionsView, from: number, to: number): SafeHtml {
  const options = (selected: number) => view.revisions.map((r) => html`<option${attrs({ value: String(r.id), selected: r.id === selected })}>#${r.id} · ${r.createdAt.slice(0, 16).replace('T', ' ')} UTC · ${r.userName}</option>`);
  return html`<form method="get" action="/admin/posts/${view.post.id}/revisions/compare" class="filters" aria-label="Compare two revisions">
<div class="field"><label for="from">Older revision</label><select id="from" name="from">${options(from)}</select></div>
<div class="field"><label for="to">Newer revision</label><select id="to" name="to">${options(to)}</select></div>
<button type="submit" class="secondary">Compare</button>
</form>`;
}

export interface CompareView extends RevisionsView {
  from: RevisionSummary;
  to: RevisionSummary;
  fields: FieldDiff[];
}

/** Two revisions side by side as a line diff of title, standfirst, body and post-script. */
export function renderCompare(frame: AdminFrame, view: CompareView): string {
  const { post, from, to } = view;
  return adminLayout(
    frame,
    `Compare revisions of “${post.title}”`,
    html`<h1>Compare revisions of “${post.title}”</h1>
<p><a href="/admin/posts/${post.id}/revisions">All revisions</a> · <a href="/admin/posts/${post.id}/edit">Back to the post</a></p>
${compareForm(view, from.id, to.id)}
<p class="diff-legend">From <strong>${from.userName}</strong>, ${when(from.createdAt, view.timeZone)} (lines marked <del>− removed</del>) to <strong>${to.userName}</strong>, ${when(to.createdAt, view.timeZone)} (lines marked <ins>+ added</ins>).</p>
${view.fields.map((field) => html`<section class="diff-field" aria-labelledby="diff-${field.field}">
<h2 id="diff-${field.field}">${field.label}${field.changed ? '' : html` <span class="unchanged">(unchanged)</span>`}</h2>
${field.changed ? html`<ol class="diff">${field.lines.map(diffLine)}</ol>` : ''}
</section>`)}
${view.canRestore ? html`<div class="actions">
${restoreLabelled(frame, post.id, from, 'Restore the older revision')}
${restoreLabelled(frame, post.id, to, 'Restore the newer revision')}
</div>` : ''}`,
    '/admin/posts',
  );
}

function restoreLabelled(frame: AdminFrame, postId: number, r: RevisionSummary, label: string): SafeHtml {
  return html`<form method="post" action="/admin/posts/${postId}/revisions/${r.id}/restore">${csrfField(frame.csrfToken)}<button type="submit" class="secondary">${label}</button></form>`;
}

function diffLine(line: FieldDiff['lines'][number]): SafeHtml {
  switch (line.kind) {
    case 'added':
      return html`<li class="added"><ins><span class="sign" aria-hidden="true">+ </span><span class="visually-hidden">Added: </span>${line.text || ' '}</ins></li>`;
    case 'removed':
      return html`<li class="removed"><del><span class="sign" aria-hidden="true">− </span><span class="visually-hidden">Removed: </span>${line.text || ' '}</del></li>`;
    case 'skipped':
      return html`<li class="skipped">… ${line.text} unchanged line${line.text === '1' ? '' : 's'} …</li>`;
    default:
      return html`<li class="same"><span class="sign" aria-hidden="true">  </span>${line.text || ' '}</li>`;
  }
}
