import { languageName } from '../../../../i18n/index.js';
import { attrs, html, raw, type SafeHtml } from '../../../../lib/html.js';
import { canEditPost, type EditorChoices, type PostActor, type PostState, type SaveAction, type SaveConflict } from '../../../posts/index.js';
import { csrfField, errorSummary, type FieldState, inputField, selectField, textareaField } from '../../views/forms.js';
import { adminLayout, type AdminFrame } from '../../views/layout.js';
import { FIELD_LABELS } from '../form.js';
import { actionButtons, conflictWarning, postHeader, trashPanel } from './editor-parts.js';
import { when } from './format.js';

export interface EditorView {
  /** Null for a new post. */
  post: { state: PostState; publicPath: string | null } | null;
  /** The version of the post the user's text started from (kept across error and conflict pages). */
  version: string | null;
  state: FieldState;
  choices: EditorChoices;
  /** Languages offered besides the post's own. */
  languages: string[];
  timeZone: string;
  actor: PostActor;
  /** The body as last rendered, shown in the live preview before any typing. */
  bodyHtml: string;
  conflict?: { conflict: SaveConflict; action: SaveAction };
  /** The user's autosave, newer than the last save, waiting to be brought back. */
  autosave?: { savedAt: string };
  /** The form holds the user's autosave, not the saved post. */
  fromAutosave?: boolean;
}

/** The post editor: every field of the content model, a live preview, and the buttons this user may use. */
export function renderEditor(frame: AdminFrame, view: EditorView): string {
  const id = view.post?.state.id;
  const title = id ? `Edit “${view.post!.state.title || 'untitled'}”` : 'New post';
  const trashed = view.post?.state.deletedAt != null;
  return adminLayout(
    frame,
    title,
    html`<h1>${title}</h1>
${view.post ? postHeader(view.post.state, view.post.publicPath, view.timeZone) : ''}
${view.conflict ? conflictWarning(view.conflict.conflict, id!, view.timeZone) : ''}
${view.autosave && !view.fromAutosave ? html`<p class="warning" role="status">You have changes from ${when(view.autosave.savedAt, view.timeZone)} that were autosaved but not saved. <a href="/admin/posts/${id}/edit?autosave=1">Bring them back into the form</a></p>` : ''}
${view.fromAutosave ? html`<p class="notice" role="status">The form holds your autosaved changes. They are not saved yet: save to keep them, or <a href="/admin/posts/${id}/edit">open the saved version</a>.</p>` : ''}
${errorSummary(view.state, FIELD_LABELS)}
${trashed ? trashPanel(frame, view.post!.state, view.actor) : form(frame, view)}`,
    '/admin/posts',
  );
}

function form(frame: AdminFrame, view: EditorView): SafeHtml {
  const s = view.state;
  const id = view.post?.state.id;
  return html`<form method="post" action="${id ? `/admin/posts/${id}` : '/admin/posts/new'}" class="stack post-form" id="post-form"${attrs({
    'data-preview-url': '/admin/preview',
    'data-autosave-url': id && canEditPost(view.actor, view.post!.state) ? `/admin/posts/${id}/autosave` : null,
  })}>
${csrfField(frame.csrfToken)}
${view.version ? html`<input type="hidden" name="version" value="${view.version}">` : ''}
${view.conflict ? html`<input type="hidden" name="conflictAction" value="${view.conflict.action}">` : ''}
<div class="editor with-preview">
<div class="editor-fields">
${inputField('title', 'Title', s, { required: true, maxlength: 300 })}
${textareaField('standfirst', 'Standfirst', s, { rows: 3, hint: 'One or two sentences under the headline.' })}
${textareaField('body', 'Body', s, { rows: 18, hint: 'Markdown: ## for a heading, **bold**, [a link](https://…), - for a list.' })}
</div>
<section class="preview-pane" aria-labelledby="live-preview-heading">
<h2 id="live-preview-heading">Live preview</h2>
<div class="preview article-body" id="body-preview" aria-live="polite">${raw(view.bodyHtml)}</div>
</section>
</div>
${textareaField('postscript', 'Post-script', s, { rows: 4, hint: 'Shown under its own heading after the article (corrections, how we reported this).' })}
${inputField('slug', 'Slug', s, { maxlength: 200, hint: 'The last part of the address. Leave it empty to make one from the title.' })}
${categoryBoxes(view.choices.categories, s)}
${inputField('tags', 'Tags', s, { hint: 'Separate tags with commas.' })}
${selectField('authorIds', 'Authors', s, view.choices.authors.map((a) => ({ value: String(a.id), label: a.name })), {
    multiple: true, size: Math.min(6, Math.max(2, view.choices.authors.length)), hint: 'Hold Ctrl (⌘ on a Mac) to choose several. None chosen: you.',
  })}
${selectField('language', 'Language', s, languageChoices(view, s))}
${selectField('translationOf', 'Translation of', s, [
    { value: '', label: 'Not a translation' },
    ...view.choices.translationCandidates.map((p) => ({ value: String(p.id), label: `${p.title} (${p.language})` })),
  ], { hint: 'The same article in another language; readers get a link between them.' })}
<fieldset class="group">
<legend>Featured image</legend>
${inputField('featuredImageUrl', 'Featured image URL', s, { inputmode: 'url', hint: 'An address starting with / (on this site) or https://' })}
${inputField('featuredImageAlt', 'Featured image description (alt text)', s, { hint: 'What the image shows, for people who cannot see it.' })}
${inputField('featuredImageCaption', 'Featured image caption', s)}
</fieldset>
${selectField('commentStatus', 'Comments', s, [{ value: 'open', label: 'Open' }, { value: 'closed', label: 'Closed' }])}
<div class="field checkbox"><input${attrs({ type: 'checkbox', id: 'sticky', name: 'sticky', value: 'on', checked: s.values.sticky === 'on' })}><label for="sticky">Pin to the top of the front page</label></div>
${inputField('publishAt', 'Publication date and time', s, { type: 'datetime-local', hint: `In the site’s time zone (${view.timeZone}). Needed to schedule; leave empty to publish now.` })}
${actionButtons(view.post?.state ?? null, view.actor, Boolean(view.conflict))}
<p class="autosave-status" id="autosave-status" role="status"></p>
</form>`;
}

function categoryBoxes(categories: EditorChoices['categories'], s: FieldState): SafeHtml {
  const chosen = new Set([s.values.categoryIds ?? []].flat());
  const error = s.errors.categoryIds;
  return html`<fieldset class="group categories${error ? ' has-error' : ''}" id="categoryIds"${attrs({ 'aria-describedby': error ? 'categoryIds-error' : null })}>
<legend>Categories</legend>
${categories.length === 0 ? html`<p class="hint">No categories yet.</p>` : ''}
<ul class="checkboxes">${categories.map((c) => html`<li class="depth-${Math.min(c.depth, 3)}"><input${attrs({
    type: 'checkbox', id: `category-${c.id}`, name: 'categoryIds', value: String(c.id), checked: chosen.has(String(c.id)),
  })}><label for="category-${c.id}">${c.name}</label></li>`)}</ul>
${error ? html`<p class="field-error" id="categoryIds-error">${error}</p>` : ''}
</fieldset>`;
}

function languageChoices(view: EditorView, s: FieldState): { value: string; label: string }[] {
  const current = typeof s.values.language === 'string' ? s.values.language : '';
  const codes = [...new Set([...view.languages, ...(current ? [current] : [])])];
  return codes.map((code) => ({ value: code, label: `${languageName(code, 'en')} (${code})` }));
}
