import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, isAppError } from '../../../errors.js';
import { versionedAssetUrl } from '../../../http/static-assets.js';
import {
  ADMIN_STATUS_FILTERS, canEditPost, canViewPost, listPostLanguages, listPostsForAdmin, loadEditorChoices,
  loadPostForEditing, pendingAutosave, postInputSchema, savePost, seesAllPosts, type SavePostResult,
} from '../../posts/index.js';
import { createFrameLoader, loadSettings } from '../../site/index.js';
import { type AdminDeps, adminFrame, flash, requirePermission, sendPage } from '../context.js';
import { emptyForm } from '../views/forms.js';
import { sendEditor } from './editor-page.js';
import { postIdOf } from './params.js';
import { chosenAction, formErrors, formToInput, formToValues, inputToValues, parsePostForm } from './form.js';
import { registerPostPreviewRoutes } from './preview-routes.js';
import { registerPostStatusRoutes } from './status-routes.js';
import { renderPostList } from './views/list.js';

const optionalId = z.string().regex(/^[1-9]\d{0,9}$/).optional().catch(undefined);
const listQuery = z.object({
  status: z.enum(ADMIN_STATUS_FILTERS).optional().catch(undefined),
  author: optionalId,
  category: optionalId,
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.string().regex(/^[1-9]\d{0,5}$/).transform(Number).optional().catch(undefined),
});

const PER_PAGE = 20;

/** The admin's posts section: the list, the editor, saving, previews, status changes and revisions. */
export function registerPostRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const publicFrame = createFrameLoader({ db: deps.db, stylesheet: versionedAssetUrl('assets/site.css') });

  app.get('/admin/posts', async (request, reply) => {
    const actor = requirePermission(request, 'posts.write_own');
    const query = listQuery.parse(request.query ?? {});
    const editor = seesAllPosts(actor);
    const [settings, choices, languages] = await Promise.all([loadSettings(deps.db), loadEditorChoices(deps.db, null), listPostLanguages(deps.db)]);
    const page = query.page ?? 1;
    const { items, total } = await listPostsForAdmin(deps.db, {
      ...(query.status ? { status: query.status } : {}),
      ...(query.author ? { authorId: Number(query.author) } : {}),
      ...(query.category ? { categoryId: Number(query.category) } : {}),
      ...(query.language ? { language: query.language } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(editor ? {} : { ownedBy: { userId: actor.id, authorId: actor.authorId } }),
      page,
      perPage: PER_PAGE,
    });
    const frame = await adminFrame(deps, request, reply);
    return sendPage(reply, renderPostList(frame, {
      filter: { status: query.status, author: query.author, category: query.category, language: query.language, q: query.q },
      items, total, page, totalPages: Math.max(1, Math.ceil(total / PER_PAGE)),
      authors: choices.authors, categories: choices.categories, languages, timeZone: settings.timeZone, editor,
    }));
  });

  app.get('/admin/posts/new', async (request, reply) => {
    const actor = requirePermission(request, 'posts.write_own');
    return sendEditor(deps, request, reply, { actor, post: null, form: emptyForm(), version: null });
  });

  app.get('/admin/posts/:id/edit', async (request, reply) => {
    const actor = requirePermission(request, 'posts.write_own');
    const id = postIdOf(request);
    const post = await loadPostForEditing(deps.db, id);
    if (!post) throw new AppError('NOT_FOUND');
    if (!canViewPost(actor, post.state)) throw new AppError('FORBIDDEN', { post: id });
    const [settings, autosave] = await Promise.all([loadSettings(deps.db), pendingAutosave(deps.db, id, actor.id)]);
    const useAutosave = Boolean(autosave) && (request.query as { autosave?: string } | undefined)?.autosave === '1';
    const values = inputToValues(useAutosave ? { ...autosave!.snapshot, slug: autosave!.snapshot.slug ?? '' } : post.input, settings.timeZone);
    return sendEditor(deps, request, reply, {
      actor, post, settings, form: emptyForm(values), version: post.state.version,
      ...(autosave && canEditPost(actor, post.state) ? { autosave: { savedAt: autosave.createdAt } } : {}),
      fromAutosave: useAutosave,
    });
  });

  const save = async (request: FastifyRequest, reply: FastifyReply, postId: number | null) => {
    const actor = requirePermission(request, 'posts.write_own');
    const form = parsePostForm(request.body);
    const settings = await loadSettings(deps.db);
    const { input, errors } = formToInput(form, settings.timeZone, settings.defaultLanguage);
    const post = postId === null ? null : await loadPostForEditing(deps.db, postId);
    if (postId !== null && !post) throw new AppError('NOT_FOUND');
    const reshow = (fields: Record<string, string>, status: number, extra: { conflict?: SavePostResult & { saved: false } } = {}) =>
      sendEditor(deps, request, reply, {
        actor, post, settings, form: { values: formToValues(form), errors: fields }, version: form.version ?? null, status,
        ...(extra.conflict ? { conflict: { conflict: extra.conflict.conflict, action: chosenAction(form) } } : {}),
      });
    if (Object.keys(errors).length > 0) return reshow({ ...validationErrors(input), ...errors }, 422);
    try {
      const result = await savePost(deps, {
        actor, postId, input, action: chosenAction(form), version: form.version, ...(form.overwrite ? { overwrite: form.overwrite } : {}),
      });
      if (!result.saved) return reshow({}, 409, { conflict: result });
      flash(reply, savedMessage(result, chosenAction(form), settings.timeZone));
      return reply.redirect(`/admin/posts/${result.id}/edit`, 303);
    } catch (error) {
      if (isAppError(error, 'VALIDATION')) return reshow(formErrors((error.details.fields ?? {}) as Record<string, string>), 422);
      throw error;
    }
  };

  app.post('/admin/posts/new', async (request, reply) => save(request, reply, null));
  app.post('/admin/posts/:id', async (request, reply) => save(request, reply, postIdOf(request)));

  registerPostPreviewRoutes(app, deps, publicFrame);
  registerPostStatusRoutes(app, deps);

  app.get('/admin/posts/:id', async (request, reply) => reply.redirect(`/admin/posts/${postIdOf(request)}/edit`, 301));
}

/** Every field error of the input at once, so a bad time does not hide a missing title. */
function validationErrors(input: unknown): Record<string, string> {
  const parsed = postInputSchema.safeParse(input);
  if (parsed.success) return {};
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message;
  return formErrors(fields);
}

function savedMessage(result: SavePostResult & { saved: true }, action: string, timeZone: string): string {
  if (action === 'publish') return 'Published: readers can see it now.';
  if (action === 'schedule' && result.publishedAt) {
    const at = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(result.publishedAt));
    return `Scheduled: it will be published on ${at} (${timeZone}).`;
  }
  if (action === 'submit') return 'Sent to the editors for review.';
  if (result.status === 'published') return 'Changes saved and live.';
  return result.created ? 'Draft saved.' : 'Saved.';
}
