import type { FastifyReply, FastifyRequest } from 'fastify';
import { INTERFACE_LANGUAGES } from '../../../i18n/index.js';
import { renderMarkdown } from '../../../lib/markdown.js';
import { type EditablePost, loadEditorChoices, type PostActor, type PostState, type SaveAction, type SaveConflict } from '../../posts/index.js';
import { loadSettings, type Settings } from '../../site/index.js';
import { type AdminDeps, adminFrame, sendPage } from '../context.js';
import type { FieldState } from '../views/forms.js';
import { renderEditor } from './views/editor.js';

/** What the editor page shows besides the lists of choices (loaded here). */
export interface EditorPageOptions {
  actor: PostActor;
  post: EditablePost | null;
  /** Fresh state of the post, when it differs from `post.state` (after a conflict). */
  state?: PostState;
  form: FieldState;
  version: string | null;
  conflict?: { conflict: SaveConflict; action: SaveAction };
  autosave?: { savedAt: string };
  fromAutosave?: boolean;
  status?: number;
  settings?: Settings;
}

/** Renders and sends the post editor (new or existing post, fresh or with the user's input and errors). */
export async function sendEditor(deps: AdminDeps, request: FastifyRequest, reply: FastifyReply, options: EditorPageOptions): Promise<FastifyReply> {
  const state = options.state ?? options.post?.state ?? null;
  const [frame, settings, choices] = await Promise.all([
    adminFrame(deps, request, reply),
    options.settings ?? loadSettings(deps.db),
    loadEditorChoices(deps.db, state?.id ?? null),
  ]);
  const values = options.form.values;
  if (!state && !values.language) values.language = settings.defaultLanguage;
  if (!state && !values.authorIds && options.actor.authorId !== null) values.authorIds = [String(options.actor.authorId)];
  const language = typeof values.language === 'string' && values.language ? values.language : settings.defaultLanguage;
  const body = typeof values.body === 'string' ? values.body : '';
  const page = renderEditor(frame, {
    post: state ? { state, publicPath: options.post?.path ?? null } : null,
    version: options.version,
    state: options.form,
    choices,
    languages: [...new Set([settings.defaultLanguage, ...INTERFACE_LANGUAGES])],
    timeZone: settings.timeZone,
    actor: options.actor,
    bodyHtml: body.trim() ? renderMarkdown(body, { lang: language, siteUrl: settings.baseUrl }) : '',
    ...(options.conflict ? { conflict: options.conflict } : {}),
    ...(options.autosave ? { autosave: options.autosave } : {}),
    ...(options.fromAutosave ? { fromAutosave: true } : {}),
  });
  return sendPage(reply, page, options.status ?? 200);
}
