import { languageName } from '../../../../i18n/index.js';
import { attrs, html, type SafeHtml } from '../../../../lib/html.js';
import type { AdminPostSummary } from '../../../posts/index.js';
import { csrfField } from '../../views/forms.js';
import { adminLayout, type AdminFrame } from '../../views/layout.js';
import { statusBadge, when } from './format.js';

export interface PostListFilter {
  status?: string;
  author?: string;
  category?: string;
  language?: string;
  q?: string;
}

export interface PostListView {
  filter: PostListFilter;
  items: AdminPostSummary[];
  total: number;
  page: number;
  totalPages: number;
  authors: { id: number; name: string }[];
  categories: { id: number; name: string; depth: number }[];
  languages: string[];
  timeZone: string;
  /** Editors: every post, editable whatever its status, and the trash. */
  editor: boolean;
}

const STATUS_CHOICES = [
  ['', 'All but the trash'], ['draft', 'Drafts'], ['review', 'Waiting for review'], ['scheduled', 'Scheduled'],
  ['published', 'Published'], ['trash', 'Trash'],
] as const;

/** The list of posts with its filters, status badges and pagination. */
export function renderPostList(frame: AdminFrame, view: PostListView): string {
  return adminLayout(
    frame,
    view.filter.status === 'trash' ? 'Trash' : 'Posts',
    html`<div class="page-head"><h1>${view.filter.status === 'trash' ? 'Trash' : 'Posts'}</h1>
<a class="button" href="/admin/posts/new">Write a new post</a></div>
${filters(view)}
${view.items.length === 0
    ? html`<p class="empty">No posts match. <a href="/admin/posts">Show all posts</a></p>`
    : html`<table class="list posts-list">
<caption>${view.total} post${view.total === 1 ? '' : 's'}${view.totalPages > 1 ? ` · page ${view.page} of ${view.totalPages}` : ''}</caption>
<thead><tr><th scope="col">Title</th><th scope="col">Authors</th><th scope="col">Status</th><th scope="col">Date</th><th scope="col">Language</th></tr></thead>
<tbody>${view.items.map((post) => row(frame, view, post))}</tbody>
</table>`}
${pages(view)}`,
    '/admin/posts',
  );
}

function select(name: string, label: string, current: string | undefined, choices: readonly (readonly [string, string])[]): SafeHtml {
  return html`<div class="field"><label for="filter-${name}">${label}</label>
<select id="filter-${name}" name="${name}">${choices.map(([value, text]) => html`<option${attrs({ value, selected: (current ?? '') === value })}>${text}</option>`)}</select></div>`;
}

function filters(view: PostListView): SafeHtml {
  const f = view.filter;
  const statuses = view.editor ? STATUS_CHOICES : STATUS_CHOICES.filter(([value]) => value !== 'trash');
  return html`<form method="get" action="/admin/posts" class="filters" role="search" aria-label="Filter posts">
<div class="field"><label for="filter-q">Search titles</label><input type="search" id="filter-q" name="q"${attrs({ value: f.q ?? '' })}></div>
${select('status', 'Status', f.status, statuses)}
${select('author', 'Author', f.author, [['', 'Any author'], ...view.authors.map((a) => [String(a.id), a.name] as const)])}
${select('category', 'Category', f.category, [['', 'Any category'], ...view.categories.map((c) => [String(c.id), `${'— '.repeat(c.depth)}${c.name}`] as const)])}
${select('language', 'Language', f.language, [['', 'Any language'], ...view.languages.map((l) => [l, `${languageName(l, 'en')} (${l})`] as const)])}
<button type="submit" class="secondary">Filter</button>
</form>`;
}

function row(frame: AdminFrame, view: PostListView, post: AdminPostSummary): SafeHtml {
  const editable = !post.deletedAt && (view.editor || post.status === 'draft');
  const title = post.title || '(no title)';
  return html`<tr>
<td>${editable ? html`<a href="/admin/posts/${post.id}/edit">${title}</a>` : html`<a href="/admin/posts/${post.id}/preview">${title}</a>`}
${post.status === 'published' && !post.deletedAt ? html`<br><a class="small" href="${post.path}">View on the site<span class="visually-hidden">: ${title}</span></a>` : ''}
${post.deletedAt && view.editor ? trashActions(frame, post, title) : ''}</td>
<td>${post.authors.join(', ')}</td>
<td>${statusBadge(post)}</td>
<td>${dateOf(post, view.timeZone)}</td>
<td>${post.language}</td>
</tr>`;
}

function dateOf(post: AdminPostSummary, timeZone: string): SafeHtml {
  if (post.deletedAt) return html`Trashed ${when(post.deletedAt, timeZone)}`;
  if (post.status !== 'draft' && post.publishedAt) return when(post.publishedAt, timeZone);
  if (post.reviewRequestedAt) return html`Review asked ${when(post.reviewRequestedAt, timeZone)}`;
  return html`Saved ${when(post.updatedAt, timeZone)}`;
}

function trashActions(frame: AdminFrame, post: AdminPostSummary, title: string): SafeHtml {
  return html`<div class="row-actions">
<form method="post" action="/admin/posts/${post.id}/restore">${csrfField(frame.csrfToken)}<button type="submit" class="secondary small">Restore<span class="visually-hidden"> ${title}</span></button></form>
<form method="post" action="/admin/posts/${post.id}/delete" data-confirm="Delete this post for good? This cannot be undone.">${csrfField(frame.csrfToken)}<button type="submit" class="danger small">Delete for good<span class="visually-hidden"> ${title}</span></button></form>
</div>`;
}

function pages(view: PostListView): SafeHtml {
  if (view.totalPages <= 1) return html``;
  const link = (page: number) => {
    const params = new URLSearchParams(Object.entries(view.filter).filter((e): e is [string, string] => Boolean(e[1])));
    if (page > 1) params.set('page', String(page));
    const query = params.toString();
    return `/admin/posts${query ? `?${query}` : ''}`;
  };
  return html`<nav class="pagination" aria-label="Pages of posts">
${view.page > 1 ? html`<a href="${link(view.page - 1)}" rel="prev">← Newer</a>` : ''}
<span>Page ${view.page} of ${view.totalPages}</span>
${view.page < view.totalPages ? html`<a href="${link(view.page + 1)}" rel="next">Older →</a>` : ''}
</nav>`;
}
