import { html, type SafeHtml } from '../../../lib/html.js';
import type { CategoryNode } from '../../posts/index.js';
import { errorSummary, type FieldState, inputField, selectField, textareaField } from '../views/forms.js';
import type { AdminFrame } from '../views/layout.js';
import { plural } from './shared.js';
import { backLink, postForm, radioGroup, screen } from './ui.js';

const CURRENT = '/admin/categories';
const LABELS = { name: 'Name', slug: 'Slug', description: 'Description', parentId: 'Parent category', posts: 'Its posts', to: 'Category to move them to' };

/** The categories as a nested list, each with its post count and address. */
export function renderCategoryList(frame: AdminFrame, tree: CategoryNode[]): string {
  const childrenOf = (node: CategoryNode | null) =>
    tree.filter((n) => (node ? n.parentId === node.id && n.depth === node.depth + 1 : n.depth === 0));
  const branch = (nodes: CategoryNode[]): SafeHtml =>
    html`<ul class="tree">${nodes.map(
      (n) => html`<li><a href="/admin/categories/${n.id}">${n.name}</a> <span class="meta">/category/${n.slug}/ · ${plural(n.posts, 'post')}</span>${
        childrenOf(n).length ? branch(childrenOf(n)) : ''
      }</li>`,
    )}</ul>`;
  return screen(
    frame,
    { title: 'Categories', current: CURRENT, actions: html`<a class="button" href="/admin/categories/new">New category</a>` },
    tree.length ? html`<div class="panel">${branch(childrenOf(null))}</div>` : html`<p>No categories yet.</p>`,
  );
}

/** Create (`category` null) or edit; the parent choices leave out the category itself and what sits inside it. */
export function renderCategoryForm(frame: AdminFrame, state: FieldState, tree: CategoryNode[], category: CategoryNode | null): string {
  const inside = category ? descendantsAndSelf(tree, category.id) : new Set<number>();
  const parents = [{ value: '', label: 'None (top level)' }, ...tree.filter((n) => !inside.has(n.id)).map((n) => ({ value: String(n.id), label: indented(n) }))];
  const slugHint = category ? 'Its address is /category/slug/. If you change it, the old address will redirect here.' : 'Its address is /category/slug/. Leave it blank to make one from the name.';
  return screen(
    frame,
    { title: category ? `Edit category: ${category.name}` : 'New category', current: CURRENT },
    html`${errorSummary(state, LABELS)}
${postForm(
  frame,
  category ? `/admin/categories/${category.id}` : '/admin/categories/new',
  html`${inputField('name', LABELS.name, state, { required: true, maxlength: 120 })}
${inputField('slug', LABELS.slug, state, { hint: slugHint, maxlength: 200 })}
${textareaField('description', LABELS.description, state, { rows: 3, hint: 'Shown at the top of the category page.' })}
${selectField('parentId', LABELS.parentId, state, parents)}
<div class="actions"><button type="submit">${category ? 'Save category' : 'Create category'}</button> ${backLink(CURRENT)}
${category ? html`<a class="danger-link" href="/admin/categories/${category.id}/delete">Delete this category</a>` : ''}</div>`,
)}`,
  );
}

/** Asks what happens to the posts of the category, and says where its sub-categories go. */
export function renderCategoryDelete(frame: AdminFrame, state: FieldState, tree: CategoryNode[], category: CategoryNode): string {
  const children = tree.filter((n) => n.parentId === category.id);
  const parent = tree.find((n) => n.id === category.parentId);
  const others = tree.filter((n) => n.id !== category.id).map((n) => ({ value: String(n.id), label: indented(n) }));
  const choice = category.posts === 0
    ? html`<input type="hidden" name="posts" value="detach"><p>No posts are filed under it.</p>`
    : html`${radioGroup('posts', `What happens to its ${plural(category.posts, 'post')}?`, state, [
        ...(others.length ? [{ value: 'move', label: 'Move them to another category', hint: 'Chosen below; the old category address will redirect there.' }] : []),
        { value: 'detach', label: 'Just remove this category from them', hint: 'The posts stay as they are, without this category.' },
      ])}
${others.length ? selectField('to', LABELS.to, state, [{ value: '', label: 'Choose a category' }, ...others]) : ''}`;
  return screen(
    frame,
    { title: `Delete the category “${category.name}”?`, current: CURRENT },
    html`${errorSummary(state, LABELS)}
${children.length ? html`<p>Its sub-categories (${children.map((c) => c.name).join(', ')}) will move up to ${parent ? `“${parent.name}”` : 'the top level'}.</p>` : ''}
${postForm(frame, `/admin/categories/${category.id}/delete`, html`${choice}
<div class="actions"><button type="submit" class="danger">Delete category</button> ${backLink(`/admin/categories/${category.id}`, 'Keep it')}</div>`)}`,
  );
}

const indented = (n: CategoryNode): string => `${'— '.repeat(n.depth)}${n.name}`;

function descendantsAndSelf(tree: CategoryNode[], id: number): Set<number> {
  const ids = new Set([id]);
  for (const node of tree) if (node.parentId !== null && ids.has(node.parentId)) ids.add(node.id);
  return ids;
}
