import { html } from '../../../lib/html.js';
import type { TagListItem } from '../../posts/index.js';
import { errorSummary, type FieldState, inputField, selectField } from '../views/forms.js';
import type { AdminFrame } from '../views/layout.js';
import { plural } from './shared.js';
import { backLink, choiceGroup, postForm, screen } from './ui.js';

const CURRENT = '/admin/tags';
const LABELS = { name: 'Name', slug: 'Slug', sourceIds: 'Tags to merge', targetId: 'Merge them into' };

export function renderTagList(frame: AdminFrame, tags: TagListItem[]): string {
  const actions = html`<a class="button" href="/admin/tags/new">New tag</a>${tags.length > 1 ? html` <a class="button secondary" href="/admin/tags/merge">Merge tags</a>` : ''}`;
  return screen(
    frame,
    { title: 'Tags', current: CURRENT, actions },
    tags.length === 0
      ? html`<p>No tags yet. Tags are also made when a post is saved with new ones.</p>`
      : html`<table class="list">
<thead><tr><th scope="col">Name</th><th scope="col">Address</th><th scope="col">Posts</th></tr></thead>
<tbody>
${tags.map((t) => html`<tr><td><a href="/admin/tags/${t.id}">${t.name}</a></td><td><a href="/tag/${t.slug}/">/tag/${t.slug}/</a></td><td>${t.posts}</td></tr>`)}
</tbody>
</table>`,
  );
}

/** Create (`tag` null) or edit a tag. */
export function renderTagForm(frame: AdminFrame, state: FieldState, tag: TagListItem | null): string {
  const slugHint = tag ? 'Its address is /tag/slug/. If you change it, the old address will redirect here.' : 'Its address is /tag/slug/. Leave it blank to make one from the name.';
  return screen(
    frame,
    { title: tag ? `Edit tag: ${tag.name}` : 'New tag', current: CURRENT },
    html`${errorSummary(state, LABELS)}
${postForm(
  frame,
  tag ? `/admin/tags/${tag.id}` : '/admin/tags/new',
  html`${inputField('name', LABELS.name, state, { required: true, maxlength: 120 })}
${inputField('slug', LABELS.slug, state, { hint: slugHint, maxlength: 200 })}
<div class="actions"><button type="submit">${tag ? 'Save tag' : 'Create tag'}</button> ${backLink(CURRENT)}
${tag ? html`<a class="danger-link" href="/admin/tags/${tag.id}/delete">Delete this tag</a>` : ''}</div>`,
)}`,
  );
}

/** Choose tags to merge and the one they become. */
export function renderTagMerge(frame: AdminFrame, state: FieldState, tags: TagListItem[]): string {
  const choices = tags.map((t) => ({ value: String(t.id), label: `${t.name} (${plural(t.posts, 'post')})` }));
  return screen(
    frame,
    { title: 'Merge tags', current: CURRENT },
    html`${errorSummary(state, LABELS)}
<p>Posts of the tags you merge get the tag you merge them into. The merged tags are deleted and their addresses redirect to it.</p>
${postForm(
  frame,
  '/admin/tags/merge',
  html`${choiceGroup('checkbox', 'sourceIds[]', LABELS.sourceIds, state, choices)}
${selectField('targetId', LABELS.targetId, state, [{ value: '', label: 'Choose a tag' }, ...choices])}
<div class="actions"><button type="submit">Merge tags</button> ${backLink(CURRENT)}</div>`,
)}`,
  );
}

export function renderTagDelete(frame: AdminFrame, tag: TagListItem): string {
  return screen(
    frame,
    { title: `Delete the tag “${tag.name}”?`, current: CURRENT },
    html`<div class="panel">
<p>${tag.posts ? `Its ${plural(tag.posts, 'post')} will just lose this tag and stay as they are.` : 'No posts carry it.'} Its address /tag/${tag.slug}/ will answer “page not found”. To keep the address working, merge it into another tag instead.</p>
${postForm(frame, `/admin/tags/${tag.id}/delete`, html`<div class="actions"><button type="submit" class="danger">Delete tag</button> ${backLink(`/admin/tags/${tag.id}`, 'Keep it')}</div>`, 'confirm')}
</div>`,
  );
}
