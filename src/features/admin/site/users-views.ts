import { html } from '../../../lib/html.js';
import type { AdminUser } from '../../accounts/index.js';
import { errorSummary, type FieldState, inputField, selectField } from '../views/forms.js';
import type { AdminFrame } from '../views/layout.js';
import { backLink, postForm, screen, timeIn } from './ui.js';

const CURRENT = '/admin/users';
const LABELS = { email: 'Email', name: 'Name', role: 'Role', password: 'Initial password', authorId: 'Author profile', disabled: 'Account' };

const ROLE_CHOICES = [
  { value: 'contributor', label: 'Contributor: writes drafts of their own' },
  { value: 'author', label: 'Author: writes and asks an editor to publish' },
  { value: 'editor', label: 'Editor: all content and comments' },
  { value: 'admin', label: 'Admin: everything, users and settings too' },
];

type AuthorChoice = { id: number; name: string };
const authorChoices = (authors: AuthorChoice[]) => [{ value: '', label: 'None' }, ...authors.map((a) => ({ value: String(a.id), label: a.name }))];

export function renderUserList(frame: AdminFrame, users: AdminUser[]): string {
  return screen(
    frame,
    { title: 'Users', current: CURRENT, actions: html`<a class="button" href="/admin/users/new">New user</a>` },
    html`<table class="list">
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Author profile</th><th scope="col">Account</th></tr></thead>
<tbody>
${users.map(
  (u) => html`<tr><td><a href="/admin/users/${u.id}">${u.name}</a></td><td>${u.email}</td><td>${u.role}</td><td>${u.authorName ?? '—'}</td>
<td>${u.disabledAt ? html`<span class="status status-disabled">Disabled</span>` : 'Active'}</td></tr>`,
)}
</tbody>
</table>`,
  );
}

export function renderNewUser(frame: AdminFrame, state: FieldState, authors: AuthorChoice[]): string {
  return screen(
    frame,
    { title: 'New user', current: CURRENT },
    html`${errorSummary(state, LABELS)}
${postForm(
  frame,
  '/admin/users/new',
  html`${inputField('email', LABELS.email, state, { type: 'email', required: true, autocomplete: 'off' })}
${inputField('name', LABELS.name, state, { required: true, maxlength: 120 })}
${selectField('role', LABELS.role, state, ROLE_CHOICES)}
${inputField('password', LABELS.password, state, { type: 'password', required: true, secret: true, autocomplete: 'new-password', hint: 'At least 12 characters. Give it to them privately: they can change it on their account page, or choose their own with “Forgotten your password?” when signing in.' })}
${selectField('authorId', LABELS.authorId, state, authorChoices(authors), { hint: 'The byline their posts carry, if they write.' })}
<div class="actions"><button type="submit">Create user</button> ${backLink(CURRENT)}</div>`,
)}`,
  );
}

/** One user: role, author profile and whether the account may sign in, each its own form. */
export function renderUser(frame: AdminFrame, state: FieldState, user: AdminUser, authors: AuthorChoice[], timeZone: string): string {
  const disabledError = state.errors.disabled;
  return screen(
    frame,
    { title: `User: ${user.name}`, current: CURRENT },
    html`${errorSummary(state, LABELS)}
<p>${user.email} · added ${timeIn(user.createdAt, timeZone)}${user.disabledAt ? html` · <strong>disabled</strong> ${timeIn(user.disabledAt, timeZone)}` : ''}</p>
${postForm(frame, `/admin/users/${user.id}/role`, html`${selectField('role', LABELS.role, state, ROLE_CHOICES)}
<div class="actions"><button type="submit">Change role</button></div>`)}
${postForm(frame, `/admin/users/${user.id}/author`, html`${selectField('authorId', LABELS.authorId, state, authorChoices(authors), { hint: 'The byline their posts carry.' })}
<div class="actions"><button type="submit">Save author profile</button></div>`)}
${postForm(frame, `/admin/users/${user.id}/${user.disabledAt ? 'enable' : 'disable'}`, html`<h2 id="disabled">${LABELS.disabled}</h2>
${disabledError ? html`<p class="field-error">${disabledError}</p>` : ''}
<p class="hint">${user.disabledAt ? 'They cannot sign in until the account is enabled again.' : 'Disabling signs them out everywhere at once; they cannot sign in until enabled again.'}</p>
<div class="actions">${user.disabledAt ? html`<button type="submit">Enable account</button>` : html`<button type="submit" class="danger">Disable account</button>`} ${backLink(CURRENT, 'Back to users')}</div>`)}`,
  );
}
