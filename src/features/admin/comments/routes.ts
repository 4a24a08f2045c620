import { z } from 'zod';
import { AppError } from '../../../errors.js';
import { can } from '../../accounts/permissions.js';
import {
  addBlockEntry, blockCommenter, COMMENT_STATES, countByState, deleteBlockEntry, editComment, eraseCommenter, exportCommenter,
  findForDesk, listBlocks, listForDesk, moderateComments, replyAsStaff,
} from '../../comments/index.js';
import { loadSettings } from '../../site/index.js';
import { adminFrame, currentUser, flash, sendPage } from '../context.js';
import { attempt, emptyForm, type FieldState, formBody, idList, text } from '../views/forms.js';
import { actorOf, guardedSection, orNotFound, plural, routeId } from '../site/shared.js';
import { renderBlocks, renderCommentPage, renderHistory, renderQueue } from './views.js';

const PER_PAGE = 30;
const queueQuery = z.object({
  status: z.enum(COMMENT_STATES as ['pending', 'approved', 'spam', 'trash']).default('pending').catch('pending'),
  page: z.string().regex(/^[1-9]\d{0,5}$/).transform(Number).default(1).catch(1),
});
const emailQuery = z.object({ email: z.string().trim().min(3).max(254) });
const bulkForm = z.object({
  'ids[]': idList, action: z.enum(['approve', 'unapprove', 'spam', 'trash']),
  back: z.string().regex(/^\/admin\/comments[^\\]*$/).default('/admin/comments'),
});
const editForm = z.object({ name: text(1000), email: text(1000), url: text(2000), body: text(200_000) });
const replyForm = z.object({ reply: text(200_000) });
const blockForm = z.object({ kind: z.enum(['email', 'ip']) });
const blockEntryForm = z.object({ kind: z.enum(['word', 'email', 'ip']), value: text(1000) });
const eraseForm = z.object({ email: z.string().trim().min(3).max(254), mode: z.enum(['anonymise', 'delete']) });

/** Privacy requests (export, erase) are for admins: they reach every commenter's data at once. */
function requirePrivacy(request: Parameters<typeof currentUser>[0]) {
  if (!can(currentUser(request).role, 'users.manage')) throw new AppError('FORBIDDEN', { permission: 'users.manage' });
}

/**
 * /admin/comments, for editors and admins: the queue by state with counts, bulk moderation,
 * one comment (edit, reply, block), a commenter's history, privacy requests, the blocklist.
 */
export const commentsDesk = guardedSection('comments.moderate', (app, deps) => {
  const timeZone = async () => (await loadSettings(deps.db)).timeZone;
  const commentPage = async (id: number, edit?: FieldState, reply?: FieldState) => {
    const comment = orNotFound(await findForDesk(deps.db, id));
    const values = { name: comment.authorName, email: comment.authorEmail, url: comment.authorUrl, body: comment.body };
    return { comment, edit: edit ?? emptyForm(values), reply: reply ?? emptyForm(), timeZone: await timeZone() };
  };

  app.get('/admin/comments', async (request, reply) => {
    const { status, page } = queueQuery.parse(request.query ?? {});
    const [counts, { items, total }] = await Promise.all([countByState(deps.db), listForDesk(deps.db, { status, page, perPage: PER_PAGE })]);
    const view = { status, counts, items, page, totalPages: Math.max(1, Math.ceil(total / PER_PAGE)), timeZone: await timeZone() };
    return sendPage(reply, renderQueue(await adminFrame(deps, request, reply), view));
  });

  app.post('/admin/comments/bulk', async (request, reply) => {
    const form = formBody(bulkForm, request.body);
    const changed = await moderateComments(deps, form['ids[]'], form.action, actorOf(request));
    flash(reply, `${plural(changed, 'comment')} updated.`);
    return reply.redirect(form.back, 303);
  });

  app.get('/admin/comments/history', async (request, reply) => {
    const { email } = formBody(emailQuery, request.query);
    const { items } = await listForDesk(deps.db, { email, page: 1, perPage: 500 });
    const privacy = can(currentUser(request).role, 'users.manage');
    return sendPage(reply, renderHistory(await adminFrame(deps, request, reply), { email: email.toLowerCase(), items, timeZone: await timeZone(), privacy }));
  });

  app.get('/admin/comments/export', async (request, reply) => {
    requirePrivacy(request);
    const { email } = formBody(emailQuery, request.query);
    const data = await exportCommenter(deps, email, actorOf(request));
    return reply.header('cache-control', 'no-store').header('content-disposition', 'attachment; filename="commenter.json"')
      .type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
  });

  app.post('/admin/comments/erase', async (request, reply) => {
    requirePrivacy(request);
    const { email, mode } = formBody(eraseForm, request.body);
    const changed = await eraseCommenter(deps, email, mode, actorOf(request));
    flash(reply, `${plural(changed, 'comment')} ${mode === 'delete' ? 'deleted' : 'anonymised'}.`);
    return reply.redirect('/admin/comments', 303);
  });

  app.get('/admin/comments/blocks', async (request, reply) => {
    return sendPage(reply, renderBlocks(await adminFrame(deps, request, reply), await listBlocks(deps.db), emptyForm({ kind: 'word' })));
  });

  app.post('/admin/comments/blocks', async (request, reply) => {
    const form = formBody(blockEntryForm, request.body);
    const result = await attempt(() => addBlockEntry(deps, form, actorOf(request)));
    if (!result.ok) return sendPage(reply, renderBlocks(await adminFrame(deps, request, reply), await listBlocks(deps.db), { values: form, errors: result.errors }), 422);
    flash(reply, 'Added to the blocklist.');
    return reply.redirect('/admin/comments/blocks', 303);
  });

  app.post('/admin/comments/blocks/:id/delete', async (request, reply) => {
    await deleteBlockEntry(deps, routeId(request), actorOf(request));
    flash(reply, 'Removed from the blocklist.');
    return reply.redirect('/admin/comments/blocks', 303);
  });

  app.get('/admin/comments/:id', async (request, reply) => {
    return sendPage(reply, renderCommentPage(await adminFrame(deps, request, reply), await commentPage(routeId(request))));
  });

  app.post('/admin/comments/:id', async (request, reply) => {
    const id = routeId(request);
    const form = formBody(editForm, request.body);
    const result = await attempt(() => editComment(deps, id, form, actorOf(request)));
    if (!result.ok) return sendPage(reply, renderCommentPage(await adminFrame(deps, request, reply), await commentPage(id, { values: form, errors: result.errors })), 422);
    flash(reply, 'Comment saved.');
    return reply.redirect(`/admin/comments/${id}`, 303);
  });

  app.post('/admin/comments/:id/reply', async (request, reply) => {
    const id = routeId(request);
    const form = formBody(replyForm, request.body);
    const user = currentUser(request);
    const result = await attempt(() => replyAsStaff(deps, id, form.reply, { id: user.id, name: user.name, email: user.email }, actorOf(request)));
    if (!result.ok) return sendPage(reply, renderCommentPage(await adminFrame(deps, request, reply), await commentPage(id, undefined, { values: form, errors: result.errors })), 422);
    flash(reply, 'Reply published.');
    return reply.redirect(`/admin/comments/${result.value}`, 303);
  });

  app.post('/admin/comments/:id/block', async (request, reply) => {
    const id = routeId(request);
    const { kind } = formBody(blockForm, request.body);
    await blockCommenter(deps, id, kind, actorOf(request));
    flash(reply, kind === 'email' ? 'Email address blocked.' : 'IP address blocked.');
    return reply.redirect(`/admin/comments/${id}`, 303);
  });
});
