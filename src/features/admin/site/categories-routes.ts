import { z } from 'zod';
import { createCategory, deleteCategory, listCategoryTree, updateCategory } from '../../posts/index.js';
import { adminFrame, flash, sendPage } from '../context.js';
import { emptyForm } from '../views/forms.js';
import { renderCategoryDelete, renderCategoryForm, renderCategoryList } from './categories-views.js';
import { actorOf, attempt, formBody, guardedSection, optionalId, orNotFound, plural, routeId, text } from './shared.js';

const categoryForm = z.object({ name: text(1000), slug: text(300), description: text(5000), parentId: optionalId });
const deleteForm = z.object({ posts: z.enum(['move', 'detach']).optional(), to: optionalId });

/** The form's values as the form shows them again. */
const shown = (form: z.output<typeof categoryForm>) => ({ ...form, parentId: form.parentId === null ? '' : String(form.parentId) });

/** /admin/categories: a tree; create, edit (no cycles; a new slug redirects), delete with a choice for its posts. */
export const categoriesSection = guardedSection('taxonomy.manage', (app, deps) => {
  const load = async (id: number) => {
    const tree = await listCategoryTree(deps.db);
    return { tree, category: orNotFound(tree.find((n) => n.id === id)) };
  };

  app.get('/admin/categories', async (request, reply) => {
    return sendPage(reply, renderCategoryList(await adminFrame(deps, request, reply), await listCategoryTree(deps.db)));
  });

  app.get('/admin/categories/new', async (request, reply) => {
    const tree = await listCategoryTree(deps.db);
    return sendPage(reply, renderCategoryForm(await adminFrame(deps, request, reply), emptyForm(), tree, null));
  });

  app.post('/admin/categories/new', async (request, reply) => {
    const form = formBody(categoryForm, request.body);
    const result = await attempt(() => createCategory(deps, form, actorOf(request)));
    if (!result.ok) {
      const state = { values: shown(form), errors: result.errors };
      return sendPage(reply, renderCategoryForm(await adminFrame(deps, request, reply), state, await listCategoryTree(deps.db), null), 422);
    }
    flash(reply, `Category “${form.name.trim()}” created.`);
    return reply.redirect('/admin/categories', 303);
  });

  app.get('/admin/categories/:id', async (request, reply) => {
    const { tree, category } = await load(routeId(request));
    const state = emptyForm({ name: category.name, slug: category.slug, description: category.description, parentId: String(category.parentId ?? '') });
    return sendPage(reply, renderCategoryForm(await adminFrame(deps, request, reply), state, tree, category));
  });

  app.post('/admin/categories/:id', async (request, reply) => {
    const { tree, category } = await load(routeId(request));
    const form = formBody(categoryForm, request.body);
    const result = await attempt(() => updateCategory(deps, category.id, form, actorOf(request)));
    if (!result.ok) {
      return sendPage(reply, renderCategoryForm(await adminFrame(deps, request, reply), { values: shown(form), errors: result.errors }, tree, category), 422);
    }
    flash(reply, 'Category saved.');
    return reply.redirect('/admin/categories', 303);
  });

  app.get('/admin/categories/:id/delete', async (request, reply) => {
    const { tree, category } = await load(routeId(request));
    return sendPage(reply, renderCategoryDelete(await adminFrame(deps, request, reply), emptyForm(), tree, category));
  });

  app.post('/admin/categories/:id/delete', async (request, reply) => {
    const { tree, category } = await load(routeId(request));
    const form = formBody(deleteForm, request.body);
    const { posts, to } = form;
    const result = posts
      ? await attempt(() => deleteCategory(deps, category.id, posts === 'move' ? { posts, to } : { posts }, actorOf(request)))
      : { ok: false as const, errors: { posts: 'Choose what happens to its posts' } };
    if (!result.ok) {
      const state = { values: { posts: posts ?? '', to: String(to ?? '') }, errors: result.errors };
      return sendPage(reply, renderCategoryDelete(await adminFrame(deps, request, reply), state, tree, category), 422);
    }
    const target = tree.find((n) => n.id === to);
    const outcome = posts === 'move' && target ? `moved to “${target.name}”` : 'no longer filed under it';
    flash(reply, `Category “${category.name}” deleted; ${plural(result.value.posts, 'post')} ${outcome}.`);
    return reply.redirect('/admin/categories', 303);
  });
});
