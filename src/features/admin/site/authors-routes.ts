import { z } from 'zod';
import { createAuthor, deleteAuthor, findAuthorWithCount, listAuthorsWithCounts, updateAuthor } from '../../posts/index.js';
import { adminFrame, flash, sendPage } from '../context.js';
import { emptyForm } from '../views/forms.js';
import { renderAuthorDelete, renderAuthorForm, renderAuthorList } from './authors-views.js';
import { actorOf, attempt, formBody, guardedSection, optionalId, orNotFound, plural, routeId, text } from './shared.js';

const authorForm = z.object({ name: text(1000), slug: text(300), bio: text(10_000) });
const deleteForm = z.object({ posts: z.enum(['reassign', 'trash']).optional(), to: optionalId });

/** /admin/authors: list; create, edit (a new slug redirects), delete giving their posts to another author or trashing them. */
export const authorsSection = guardedSection('taxonomy.manage', (app, deps) => {
  const find = async (id: number) => orNotFound(await findAuthorWithCount(deps.db, id));
  const othersThan = async (id: number) => (await listAuthorsWithCounts(deps.db)).filter((a) => a.id !== id);

  app.get('/admin/authors', async (request, reply) => {
    return sendPage(reply, renderAuthorList(await adminFrame(deps, request, reply), await listAuthorsWithCounts(deps.db)));
  });

  app.get('/admin/authors/new', async (request, reply) => sendPage(reply, renderAuthorForm(await adminFrame(deps, request, reply), emptyForm(), null)));

  app.post('/admin/authors/new', async (request, reply) => {
    const form = formBody(authorForm, request.body);
    const result = await attempt(() => createAuthor(deps, form, actorOf(request)));
    if (!result.ok) return sendPage(reply, renderAuthorForm(await adminFrame(deps, request, reply), { values: form, errors: result.errors }, null), 422);
    flash(reply, `Author “${form.name.trim()}” created.`);
    return reply.redirect('/admin/authors', 303);
  });

  app.get('/admin/authors/:id', async (request, reply) => {
    const author = await find(routeId(request));
    const state = emptyForm({ name: author.name, slug: author.slug, bio: author.bio });
    return sendPage(reply, renderAuthorForm(await adminFrame(deps, request, reply), state, author));
  });

  app.post('/admin/authors/:id', async (request, reply) => {
    const author = await find(routeId(request));
    const form = formBody(authorForm, request.body);
    const result = await attempt(() => updateAuthor(deps, author.id, form, actorOf(request)));
    if (!result.ok) return sendPage(reply, renderAuthorForm(await adminFrame(deps, request, reply), { values: form, errors: result.errors }, author), 422);
    flash(reply, 'Author saved.');
    return reply.redirect('/admin/authors', 303);
  });

  app.get('/admin/authors/:id/delete', async (request, reply) => {
    const author = await find(routeId(request));
    return sendPage(reply, renderAuthorDelete(await adminFrame(deps, request, reply), emptyForm(), author, await othersThan(author.id)));
  });

  app.post('/admin/authors/:id/delete', async (request, reply) => {
    const author = await find(routeId(request));
    const { posts, to } = formBody(deleteForm, request.body);
    const result = posts
      ? await attempt(() => deleteAuthor(deps, author.id, { posts, to }, actorOf(request)))
      : { ok: false as const, errors: { posts: 'Choose what happens to their posts' } };
    if (!result.ok) {
      const state = { values: { posts: posts ?? '', to: String(to ?? '') }, errors: result.errors };
      return sendPage(reply, renderAuthorDelete(await adminFrame(deps, request, reply), state, author, await othersThan(author.id)), 422);
    }
    const { reassigned, trashed } = result.value;
    const outcome = posts === 'reassign' ? `${plural(reassigned, 'post')} given to another author` : `${plural(trashed, 'post')} moved to the trash`;
    flash(reply, `Author “${author.name}” deleted; ${outcome}.`);
    return reply.redirect('/admin/authors', 303);
  });
});
