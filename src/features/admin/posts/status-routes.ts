import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../errors.js';
import {
  autosavePost, canEditPost, canViewPost, compareRevisions, deletePostForGood, findRevision, listRevisions,
  loadPostState, restorePost, restoreRevision, trashPost, unpublishPost,
} from '../../posts/index.js';
import { loadSettings } from '../../site/index.js';
import { type AdminDeps, adminFrame, flash, requirePermission, sendPage } from '../context.js';
import { formToInput, parsePostForm } from './form.js';
import { postIdOf, revisionIdsOf } from './params.js';
import { renderCompare, renderRevisions } from './views/revisions.js';

const compareQuery = z.object({
  from: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number),
  to: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number),
});

/** Status changes (unpublish, trash, restore, delete for good), revisions, and autosave. */
export function registerPostStatusRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const statusChange = (
    path: string,
    change: typeof trashPost,
    done: (id: number) => { message: string; to: string },
  ) => {
    app.post(`/admin/posts/:id/${path}`, async (request, reply) => {
      const actor = requirePermission(request, 'posts.write_own');
      const id = postIdOf(request);
      await change(deps, actor, id);
      const { message, to } = done(id);
      flash(reply, message);
      return reply.redirect(to, 303);
    });
  };
  statusChange('unpublish', unpublishPost, (id) => ({ message: 'Unpublished: it is a draft again, and readers no longer see it.', to: `/admin/posts/${id}/edit` }));
  statusChange('trash', trashPost, () => ({ message: 'Moved to the trash. You can restore it from the trash.', to: '/admin/posts' }));
  statusChange('restore', restorePost, (id) => ({ message: 'Restored from the trash as a draft.', to: `/admin/posts/${id}/edit` }));
  statusChange('delete', deletePostForGood, () => ({ message: 'Deleted for good.', to: '/admin/posts?status=trash' }));

  app.get('/admin/posts/:id/revisions', async (request, reply) => {
    const { actor, post } = await viewablePost(request);
    const [settings, revisions] = await Promise.all([loadSettings(deps.db), listRevisions(deps.db, post.id)]);
    const frame = await adminFrame(deps, request, reply);
    return sendPage(reply, renderRevisions(frame, {
      post: { id: post.id, title: post.title }, revisions, timeZone: settings.timeZone, canRestore: canEditPost(actor, post),
    }));
  });

  app.get('/admin/posts/:id/revisions/compare', async (request, reply) => {
    const { actor, post } = await viewablePost(request);
    const query = compareQuery.safeParse(request.query ?? {});
    if (!query.success) throw new AppError('NOT_FOUND');
    const [settings, revisions, from, to] = await Promise.all([
      loadSettings(deps.db), listRevisions(deps.db, post.id),
      findRevision(deps.db, post.id, query.data.from), findRevision(deps.db, post.id, query.data.to),
    ]);
    if (!from || !to) throw new AppError('NOT_FOUND');
    const frame = await adminFrame(deps, request, reply);
    return sendPage(reply, renderCompare(frame, {
      post: { id: post.id, title: post.title }, revisions, timeZone: settings.timeZone, canRestore: canEditPost(actor, post),
      from, to, fields: compareRevisions(from.snapshot, to.snapshot),
    }));
  });

  app.post('/admin/posts/:id/revisions/:revisionId/restore', async (request, reply) => {
    const actor = requirePermission(request, 'posts.write_own');
    const { id, revisionId } = revisionIdsOf(request);
    await restoreRevision(deps, actor, id, revisionId);
    flash(reply, 'Revision restored, and kept as a new revision.');
    return reply.redirect(`/admin/posts/${id}/edit`, 303);
  });

  /** admin.js posts the form here every little while; answers JSON. */
  app.post('/admin/posts/:id/autosave', async (request, reply) => {
    const actor = requirePermission(request, 'posts.write_own');
    const id = postIdOf(request);
    const settings = await loadSettings(deps.db);
    const { input } = formToInput(parsePostForm(request.body), settings.timeZone, settings.defaultLanguage);
    const savedAt = await autosavePost(deps, actor, id, input);
    return reply.header('cache-control', 'no-store').send({ savedAt });
  });

  async function viewablePost(request: Parameters<typeof postIdOf>[0]) {
    const actor = requirePermission(request, 'posts.write_own');
    const id = postIdOf(request);
    const post = await loadPostState(deps.db, id);
    if (!post) throw new AppError('NOT_FOUND');
    if (!canViewPost(actor, post)) throw new AppError('FORBIDDEN', { post: id });
    return { actor, post };
  }
}
