import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../errors.js';
import { renderMarkdown } from '../../../lib/markdown.js';
import { canViewPost, loadPostState, previewInput, previewStoredPost, renderArticle } from '../../posts/index.js';
import { type FrameLoader, loadSettings } from '../../site/index.js';
import { type AdminDeps, requirePermission, sendPage } from '../context.js';
import { formToInput, parsePostForm } from './form.js';
import { postIdOf } from './params.js';

const livePreviewBody = z.object({
  body: z.string().max(2_000_000).default(''),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/).optional().catch(undefined),
});

/**
 * Previews. The live preview renders Markdown exactly as a save would (same renderer, same
 * sanitiser); the two article previews use the public article view, so editors see what
 * readers will. None of them writes anything.
 */
export function registerPostPreviewRoutes(app: FastifyInstance, deps: AdminDeps, publicFrame: FrameLoader): void {
  /** A fragment of sanitised HTML for the editor's live preview (admin.js posts the body as you type). */
  app.post('/admin/preview', async (request, reply) => {
    requirePermission(request, 'posts.write_own');
    const parsed = livePreviewBody.safeParse(request.body ?? {});
    if (!parsed.success) throw new AppError('BAD_REQUEST');
    const settings = await loadSettings(deps.db);
    const lang = parsed.data.language ?? settings.defaultLanguage;
    const fragment = parsed.data.body.trim() ? renderMarkdown(parsed.data.body, { lang, siteUrl: settings.baseUrl }) : '';
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(fragment);
  });

  /** What is in the form, unsaved, as its article page would look ("Preview" button). */
  app.post('/admin/posts/preview', async (request, reply) => {
    requirePermission(request, 'posts.write_own');
    const form = parsePostForm(request.body);
    const settings = await loadSettings(deps.db);
    const { input } = formToInput(form, settings.timeZone, settings.defaultLanguage);
    const post = await previewInput(deps.db, input, deps.clock.now().toISOString());
    return sendPage(reply, renderArticle(await publicFrame(post.language), { post, previous: null, next: null }));
  });

  /** A saved post of any status as its article page would look. */
  app.get('/admin/posts/:id/preview', async (request, reply) => {
    const actor = requirePermission(request, 'posts.write_own');
    const id = postIdOf(request);
    const state = await loadPostState(deps.db, id);
    if (!state) throw new AppError('NOT_FOUND');
    if (!canViewPost(actor, state)) throw new AppError('FORBIDDEN', { post: id });
    const post = (await previewStoredPost(deps.db, id, deps.clock.now().toISOString()))!;
    return sendPage(reply, renderArticle(await publicFrame(post.language), { post, previous: null, next: null }));
  });
}
