import { html } from '../../../lib/html.js';
import type { AdminPage } from '../../pages/index.js';
import { errorSummary, type FieldState, inputField, selectField, textareaField } from '../views/forms.js';
import type { AdminFrame } from '../views/layout.js';
import { backLink, postForm, screen, timeIn } from './ui.js';

const CURRENT = '/admin/pages';
const LABELS = { title: 'Title', slug: 'Slug', body: 'Body (Markdown)', language: 'Language', status: 'Status' };

export function renderPageList(frame: AdminFrame, pages: AdminPage[], timeZone: string): string {
  return screen(
    frame,
    { title: 'Pages', current: CURRENT, actions: html`<a class="button" href="/admin/pages/new">New page</a>` },
    pages.length === 0
      ? html`<p>No pages yet. Pages hold what does not change often: about us, contact, how we are funded.</p>`
      : html`<table class="list">
<thead><tr><th scope="col">Title</th><th scope="col">Address</th><th scope="col">Language</th><th scope="col">Status</th><th scope="col">Updated</th></tr></thead>
<tbody>
${pages.map(
  (p) => html`<tr>
<td><a href="/admin/pages/${p.id}">${p.title}</a></td>
<td>${p.status === 'published' ? html`<a href="/${p.slug}/">/${p.slug}/</a>` : html`/${p.slug}/`}</td>
<td>${p.language}</td>
<td><span class="status status-${p.status}">${p.status === 'published' ? 'Published' : 'Draft'}</span></td>
<td>${timeIn(p.updatedAt, timeZone)}</td>
</tr>`,
)}
</tbody>
</table>`,
  );
}

/** The form to create a page (`page` null) or edit one; keeps what was typed and shows each error by its field. */
export function renderPageForm(frame: AdminFrame, state: FieldState, page: AdminPage | null): string {
  const action = page ? `/admin/pages/${page.id}` : '/admin/pages/new';
  const slugHint = page
    ? 'The page’s address, /slug/. If you change it, the old address will redirect here.'
    : 'The page’s address, /slug/. Leave it blank to make one from the title.';
  return screen(
    frame,
    { title: page ? `Edit page: ${page.title}` : 'New page', current: CURRENT },
    html`${errorSummary(state, LABELS)}
${postForm(
  frame,
  action,
  html`${inputField('title', LABELS.title, state, { required: true, maxlength: 300 })}
${inputField('slug', LABELS.slug, state, { hint: slugHint, maxlength: 200 })}
${textareaField('body', LABELS.body, state, { rows: 16 })}
${inputField('language', LABELS.language, state, { required: true, hint: 'A language code such as en or ru.', maxlength: 20 })}
${selectField('status', LABELS.status, state, [
  { value: 'draft', label: 'Draft (not on the site)' },
  { value: 'published', label: 'Published' },
])}
<div class="actions"><button type="submit">${page ? 'Save page' : 'Create page'}</button> ${backLink(CURRENT)}
${page ? html`<a class="danger-link" href="/admin/pages/${page.id}/delete">Delete this page</a>` : ''}</div>`,
)}`,
  );
}

export function renderPageDelete(frame: AdminFrame, page: AdminPage): string {
  return screen(
    frame,
    { title: `Delete the page “${page.title}”?`, current: CURRENT },
    html`<div class="panel">
<p>The page and its address <strong>/${page.slug}/</strong> will be gone: visitors will get “page not found”. This cannot be undone.</p>
${postForm(frame, `/admin/pages/${page.id}/delete`, html`<div class="actions"><button type="submit" class="danger">Delete page</button> ${backLink(`/admin/pages/${page.id}`, 'Keep it')}</div>`, 'confirm')}
</div>`,
  );
}
