import { html } from '../../../lib/html.js';
import type { AuthorListItem } from '../../posts/index.js';
import { errorSummary, type FieldState, inputField, selectField, textareaField } from '../views/forms.js';
import type { AdminFrame } from '../views/layout.js';
import { plural } from './shared.js';
import { backLink, postForm, radioGroup, screen } from './ui.js';

const CURRENT = '/admin/authors';
const LABELS = { name: 'Name', slug: 'Slug', bio: 'Bio', posts: 'Their posts', to: 'Other author' };

export function renderAuthorList(frame: AdminFrame, authors: AuthorListItem[]): string {
  return screen(
    frame,
    { title: 'Authors', current: CURRENT, actions: html`<a class="button" href="/admin/authors/new">New author</a>` },
    authors.length === 0
      ? html`<p>No authors yet. Every post needs at least one.</p>`
      : html`<table class="list">
<thead><tr><th scope="col">Name</th><th scope="col">Address</th><th scope="col">Posts</th></tr></thead>
<tbody>
${authors.map((a) => html`<tr><td><a href="/admin/authors/${a.id}">${a.name}</a></td><td><a href="/author/${a.slug}/">/author/${a.slug}/</a></td><td>${a.posts}</td></tr>`)}
</tbody>
</table>`,
  );
}

/** Create (`author` null) or edit an author profile. */
export function renderAuthorForm(frame: AdminFrame, state: FieldState, author: AuthorListItem | null): string {
  const slugHint = author ? 'Their page is at /author/slug/. If you change it, the old address will redirect here.' : 'Their page is at /author/slug/. Leave it blank to make one from the name.';
  return screen(
    frame,
    { title: author ? `Edit author: ${author.name}` : 'New author', current: CURRENT },
    html`${errorSummary(state, LABELS)}
${postForm(
  frame,
  author ? `/admin/authors/${author.id}` : '/admin/authors/new',
  html`${inputField('name', LABELS.name, state, { required: true, maxlength: 120 })}
${inputField('slug', LABELS.slug, state, { hint: slugHint, maxlength: 200 })}
${textareaField('bio', LABELS.bio, state, { rows: 5, hint: 'Shown on their author page.' })}
<div class="actions"><button type="submit">${author ? 'Save author' : 'Create author'}</button> ${backLink(CURRENT)}
${author ? html`<a class="danger-link" href="/admin/authors/${author.id}/delete">Delete this author</a>` : ''}</div>`,
)}`,
  );
}

/** Asks what happens to the author's posts: another author takes them, or they go to the trash. */
export function renderAuthorDelete(frame: AdminFrame, state: FieldState, author: AuthorListItem, others: AuthorListItem[]): string {
  const choice = others.length === 0
    ? html`<input type="hidden" name="posts" value="trash"><p>This is the only author. Posts they wrote alone would be left without an author, so create another author first if they have any.</p>`
    : html`${radioGroup('posts', `What happens to their posts (${plural(author.posts, 'post')}, trash aside)?`, state, [
        { value: 'reassign', label: 'Give them to another author', hint: `The author chosen below takes their place in every byline; /author/${author.slug}/ will redirect to their page.` },
        { value: 'trash', label: 'Move the posts only they wrote to the trash', hint: 'Posts written with someone else just lose them. Trashed posts are credited to the author chosen below, so they can be restored with a byline.' },
      ])}
${selectField('to', LABELS.to, state, [{ value: '', label: 'Choose an author' }, ...others.map((a) => ({ value: String(a.id), label: a.name }))])}`;
  return screen(
    frame,
    { title: `Delete the author “${author.name}”?`, current: CURRENT },
    html`${errorSummary(state, LABELS)}
${postForm(frame, `/admin/authors/${author.id}/delete`, html`${choice}
<div class="actions"><button type="submit" class="danger">Delete author</button> ${backLink(`/admin/authors/${author.id}`, 'Keep them')}</div>`)}`,
  );
}
