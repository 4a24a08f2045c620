import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  changeUserRole, createUserAsAdmin, findUser, linkUserToAuthor, listUsers, ROLES, setUserDisabled,
} from '../../accounts/index.js';
import { listAuthorsWithCounts } from '../../posts/index.js';
import { loadSettings } from '../../site/index.js';
import { type AdminDeps, adminFrame, currentUser, flash, sendPage } from '../context.js';
import { emptyForm, type FieldState } from '../views/forms.js';
import { actorOf, attempt, formBody, guardedSection, optionalId, orNotFound, routeId, text } from './shared.js';
import { renderNewUser, renderUser, renderUserList } from './users-views.js';

const newUserForm = z.object({ email: text(400), name: text(1000), role: z.enum(ROLES), password: text(2000), authorId: optionalId });
const roleForm = z.object({ role: z.enum(ROLES) });
const authorForm = z.object({ authorId: optionalId });

/** /admin/users, for admins: list (the only place emails show), create, change role, link an author profile, disable or enable. */
export const usersSection = guardedSection('users.manage', (app, deps) => {
  app.get('/admin/users', async (request, reply) => sendPage(reply, renderUserList(await adminFrame(deps, request, reply), await listUsers(deps.db))));

  app.get('/admin/users/new', async (request, reply) => {
    const page = renderNewUser(await adminFrame(deps, request, reply), emptyForm({ role: 'author' }), await listAuthorsWithCounts(deps.db));
    return sendPage(reply, page);
  });

  app.post('/admin/users/new', async (request, reply) => {
    const form = formBody(newUserForm, request.body);
    const result = await attempt(() => createUserAsAdmin(deps, form, actorOf(request)));
    if (!result.ok) {
      const state = { values: { ...form, authorId: String(form.authorId ?? '') }, errors: result.errors };
      return sendPage(reply, renderNewUser(await adminFrame(deps, request, reply), state, await listAuthorsWithCounts(deps.db)), 422);
    }
    flash(reply, `User ${form.name.trim()} created.`);
    return reply.redirect('/admin/users', 303);
  });

  app.get('/admin/users/:id', async (request, reply) => showUser(deps, request, reply, routeId(request)));

  app.post('/admin/users/:id/role', async (request, reply) => {
    const user = orNotFound(await findUser(deps.db, routeId(request)));
    const { role } = formBody(roleForm, request.body);
    const result = await attempt(() => changeUserRole(deps, user.id, role, actorOf(request)));
    if (!result.ok) return showUser(deps, request, reply, user.id, { values: { role }, errors: result.errors });
    flash(reply, role === user.role ? 'Role unchanged.' : `${user.name} is now ${role === 'admin' ? 'an' : 'a'} ${role}.`);
    // Someone who just gave up their own admin role may no longer see this screen.
    return reply.redirect(user.id === currentUser(request).id && role !== 'admin' ? '/admin/' : `/admin/users/${user.id}`, 303);
  });

  app.post('/admin/users/:id/author', async (request, reply) => {
    const user = orNotFound(await findUser(deps.db, routeId(request)));
    const { authorId } = formBody(authorForm, request.body);
    const result = await attempt(() => linkUserToAuthor(deps, user.id, authorId, actorOf(request)));
    if (!result.ok) return showUser(deps, request, reply, user.id, { values: { authorId: String(authorId ?? '') }, errors: result.errors });
    flash(reply, authorId === null ? `${user.name} has no author profile now.` : `${user.name}’s author profile is saved.`);
    return reply.redirect(`/admin/users/${user.id}`, 303);
  });

  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/admin/users/:id/${action}`, async (request, reply) => {
      const user = orNotFound(await findUser(deps.db, routeId(request)));
      const result = await attempt(() => setUserDisabled(deps, user.id, disabled, actorOf(request)));
      if (!result.ok) return showUser(deps, request, reply, user.id, { values: {}, errors: result.errors });
      flash(reply, disabled ? `${user.name} is disabled and signed out everywhere.` : `${user.name} can sign in again.`);
      return reply.redirect(`/admin/users/${user.id}`, 303);
    });
  }
});

/** The user's page; `attempted` carries a refused form's values and errors (answered 422). */
async function showUser(deps: AdminDeps, request: FastifyRequest, reply: FastifyReply, id: number, attempted?: FieldState) {
  const user = orNotFound(await findUser(deps.db, id));
  const [authors, settings] = await Promise.all([listAuthorsWithCounts(deps.db), loadSettings(deps.db)]);
  const values = { role: user.role, authorId: String(user.authorId ?? ''), ...attempted?.values };
  const page = renderUser(await adminFrame(deps, request, reply), { values, errors: attempted?.errors ?? {} }, user, authors, settings.timeZone);
  return sendPage(reply, page, attempted ? 422 : 200);
}
