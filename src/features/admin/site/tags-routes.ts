import { z } from 'zod';
import { createTag, deleteTag, findTagWithCount, listTagsWithCounts, mergeTags, updateTag } from '../../posts/index.js';
import { adminFrame, flash, sendPage } from '../context.js';
import { emptyForm } from '../views/forms.js';
import { actorOf, attempt, formBody, guardedSection, idList, optionalId, orNotFound, plural, routeId, text } from './shared.js';
import { renderTagDelete, renderTagForm, renderTagList, renderTagMerge } from './tags-views.js';

const tagForm = z.object({ name: text(1000), slug: text(300) });
const mergeForm = z.object({ 'sourceIds[]': idList, targetId: optionalId });

/** /admin/tags: list with post counts; create, edit (a new slug redirects), merge, delete. */
export const tagsSection = guardedSection('taxonomy.manage', (app, deps) => {
  const find = async (id: number) => orNotFound(await findTagWithCount(deps.db, id));

  app.get('/admin/tags', async (request, reply) => {
    return sendPage(reply, renderTagList(await adminFrame(deps, request, reply), await listTagsWithCounts(deps.db)));
  });

  app.get('/admin/tags/new', async (request, reply) => sendPage(reply, renderTagForm(await adminFrame(deps, request, reply), emptyForm(), null)));

  app.post('/admin/tags/new', async (request, reply) => {
    const form = formBody(tagForm, request.body);
    const result = await attempt(() => createTag(deps, form, actorOf(request)));
    if (!result.ok) return sendPage(reply, renderTagForm(await adminFrame(deps, request, reply), { values: form, errors: result.errors }, null), 422);
    flash(reply, `Tag “${form.name.trim()}” created.`);
    return reply.redirect('/admin/tags', 303);
  });

  app.get('/admin/tags/merge', async (request, reply) => {
    return sendPage(reply, renderTagMerge(await adminFrame(deps, request, reply), emptyForm(), await listTagsWithCounts(deps.db)));
  });

  app.post('/admin/tags/merge', async (request, reply) => {
    const { 'sourceIds[]': sourceIds, targetId } = formBody(mergeForm, request.body);
    const result = await attempt(() => mergeTags(deps, { sourceIds, targetId }, actorOf(request)));
    if (!result.ok) {
      const state = { values: { sourceIds: sourceIds.map(String), targetId: String(targetId ?? '') }, errors: result.errors };
      return sendPage(reply, renderTagMerge(await adminFrame(deps, request, reply), state, await listTagsWithCounts(deps.db)), 422);
    }
    flash(reply, `${plural(result.value.merged, 'tag')} merged.`);
    return reply.redirect('/admin/tags', 303);
  });

  app.get('/admin/tags/:id', async (request, reply) => {
    const tag = await find(routeId(request));
    return sendPage(reply, renderTagForm(await adminFrame(deps, request, reply), emptyForm({ name: tag.name, slug: tag.slug }), tag));
  });

  app.post('/admin/tags/:id', async (request, reply) => {
    const tag = await find(routeId(request));
    const form = formBody(tagForm, request.body);
    const result = await attempt(() => updateTag(deps, tag.id, form, actorOf(request)));
    if (!result.ok) return sendPage(reply, renderTagForm(await adminFrame(deps, request, reply), { values: form, errors: result.errors }, tag), 422);
    flash(reply, 'Tag saved.');
    return reply.redirect('/admin/tags', 303);
  });

  app.get('/admin/tags/:id/delete', async (request, reply) => {
    return sendPage(reply, renderTagDelete(await adminFrame(deps, request, reply), await find(routeId(request))));
  });

  app.post('/admin/tags/:id/delete', async (request, reply) => {
    const tag = await find(routeId(request));
    await deleteTag(deps, tag.id, actorOf(request));
    flash(reply, `Tag “${tag.name}” deleted.`);
    return reply.redirect('/admin/tags', 303);
  });
});
