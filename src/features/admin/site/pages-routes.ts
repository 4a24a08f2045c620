import { z } from 'zod';
import { createPage, deletePage, findPageForAdmin, listPagesForAdmin, updatePage } from '../../pages/index.js';
import { loadSettings } from '../../site/index.js';
import { adminFrame, flash, sendPage } from '../context.js';
import { emptyForm } from '../views/forms.js';
import { renderPageDelete, renderPageForm, renderPageList } from './pages-views.js';
import { actorOf, attempt, formBody, guardedSection, orNotFound, routeId, text } from './shared.js';

const pageForm = z.object({
  title: text(1000),
  slug: text(300),
  body: text(2_000_000),
  language: text(40),
  status: z.enum(['draft', 'published']).default('draft'),
});

/** /admin/pages: list, create, edit (a new slug redirects the old address), delete. Editors and admins. */
export const pagesSection = guardedSection('pages.manage', (app, deps) => {
  const find = async (id: number) => orNotFound(await findPageForAdmin(deps.db, id));

  app.get('/admin/pages', async (request, reply) => {
    const [pages, settings] = await Promise.all([listPagesForAdmin(deps.db), loadSettings(deps.db)]);
    return sendPage(reply, renderPageList(await adminFrame(deps, request, reply), pages, settings.timeZone));
  });

  app.get('/admin/pages/new', async (request, reply) => {
    const settings = await loadSettings(deps.db);
    const state = emptyForm({ language: settings.defaultLanguage, status: 'draft' });
    return sendPage(reply, renderPageForm(await adminFrame(deps, request, reply), state, null));
  });

  app.post('/admin/pages/new', async (request, reply) => {
    const form = formBody(pageForm, request.body);
    const result = await attempt(() => createPage(deps, form, actorOf(request)));
    if (!result.ok) return sendPage(reply, renderPageForm(await adminFrame(deps, request, reply), { values: form, errors: result.errors }, null), 422);
    flash(reply, `Page “${form.title.trim()}” created.`);
    return reply.redirect(`/admin/pages/${result.value}`, 303);
  });

  app.get('/admin/pages/:id', async (request, reply) => {
    const page = await find(routeId(request));
    const state = emptyForm({ title: page.title, slug: page.slug, body: page.body, language: page.language, status: page.status });
    return sendPage(reply, renderPageForm(await adminFrame(deps, request, reply), state, page));
  });

  app.post('/admin/pages/:id', async (request, reply) => {
    const page = await find(routeId(request));
    const form = formBody(pageForm, request.body);
    const result = await attempt(() => updatePage(deps, page.id, form, actorOf(request)));
    if (!result.ok) return sendPage(reply, renderPageForm(await adminFrame(deps, request, reply), { values: form, errors: result.errors }, page), 422);
    flash(reply, 'Page saved.');
    return reply.redirect(`/admin/pages/${page.id}`, 303);
  });

  app.get('/admin/pages/:id/delete', async (request, reply) => {
    const page = await find(routeId(request));
    return sendPage(reply, renderPageDelete(await adminFrame(deps, request, reply), page));
  });

  app.post('/admin/pages/:id/delete', async (request, reply) => {
    const page = await find(routeId(request));
    await deletePage(deps, page.id, actorOf(request));
    flash(reply, `Page “${page.title}” deleted.`);
    return reply.redirect('/admin/pages', 303);
  });
});
