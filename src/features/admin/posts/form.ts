import { z } from 'zod';
import { AppError } from '../../../errors.js';
import { type EditablePost, localInputToUtc, type PostInput, type SaveAction, utcToLocalInput } from '../../posts/index.js';
import { type FieldState, text } from '../views/forms.js';

/**
 * The post form as the browser sends it (urlencoded strings), and its translation to and from
 * the posts service's input. Field names are the ids of the form controls.
 */

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : [v].flat()));

export const postFormSchema = z.object({
  title: text(1_000),
  standfirst: text(2_000),
  body: text(2_000_000),
  postscript: text(100_000),
  slug: text(300),
  tags: text(5_000),
  authorIds: list,
  categoryIds: list,
  language: text(40),
  translationOf: text(20),
  featuredImageUrl: text(2_000),
  featuredImageAlt: text(1_000),
  featuredImageCaption: text(2_000),
  commentStatus: z.enum(['open', 'closed']).default('open'),
  sticky: z.literal('on').optional(),
  publishAt: text(40),
  action: z.enum(['save', 'publish', 'schedule', 'submit']).default('save'),
  /** The post's version when the form was loaded. */
  version: z.string().max(100).optional(),
  /** "Save anyway" after a conflict: the version the user was warned about, and what they had chosen. */
  overwrite: z.string().max(100).optional(),
  conflictAction: z.enum(['save', 'publish', 'schedule', 'submit']).optional(),
});

export type PostForm = z.output<typeof postFormSchema>;

/** Parses a posted form; anything malformed (not a person using the form) is a 400. */
export function parsePostForm(body: unknown): PostForm {
  const parsed = postFormSchema.safeParse(body ?? {});
  if (!parsed.success) throw new AppError('BAD_REQUEST', { form: 'post' });
  return parsed.data;
}

/** The action the user chose: the button they pressed, or "Save anyway" repeating the one that conflicted. */
export function chosenAction(form: PostForm): SaveAction {
  return form.overwrite && form.conflictAction ? form.conflictAction : form.action;
}

const ids = (values: string[]) => values.filter((v) => /^[1-9]\d{0,9}$/.test(v)).map(Number);

/**
 * The service input of a form. The publication time is read in the site's time zone; a time
 * that cannot be read becomes a field error (returned, so other fields are still checked).
 */
export function formToInput(form: PostForm, timeZone: string, defaultLanguage: string): { input: PostInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let publishedAt: string | undefined;
  if (form.publishAt.trim()) {
    publishedAt = localInputToUtc(form.publishAt, timeZone) ?? undefined;
    if (!publishedAt) errors.publishAt = 'Enter a date and time, like 2026-12-01 09:30';
  }
  const translationOf = /^[1-9]\d{0,9}$/.test(form.translationOf) ? Number(form.translationOf) : null;
  return {
    errors,
    input: {
      title: form.title,
      slug: form.slug.trim(),
      standfirst: form.standfirst,
      body: form.body,
      postscript: form.postscript,
      ...(publishedAt ? { publishedAt } : {}),
      language: form.language.trim() || defaultLanguage,
      translationOf,
      commentStatus: form.commentStatus,
      featuredImage: { url: form.featuredImageUrl, alt: form.featuredImageAlt, caption: form.featuredImageCaption },
      authorIds: ids(form.authorIds),
      categoryIds: ids(form.categoryIds),
      tagNames: [...new Set(form.tags.split(',').map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean))],
      sticky: form.sticky === 'on',
    },
  };
}

/** The form's values for a stored post (or a snapshot of one), times shown in the site's time zone. */
export function inputToValues(input: PostInput, timeZone: string): FieldState['values'] {
  return {
    title: input.title ?? '',
    standfirst: input.standfirst ?? '',
    body: input.body ?? '',
    postscript: input.postscript ?? '',
    slug: input.slug ?? '',
    tags: (input.tagNames ?? []).join(', '),
    authorIds: (input.authorIds ?? []).map(String),
    categoryIds: (input.categoryIds ?? []).map(String),
    language: input.language ?? '',
    translationOf: input.translationOf ? String(input.translationOf) : '',
    featuredImageUrl: input.featuredImage?.url ?? '',
    featuredImageAlt: input.featuredImage?.alt ?? '',
    featuredImageCaption: input.featuredImage?.caption ?? '',
    commentStatus: input.commentStatus ?? 'open',
    sticky: input.sticky ? 'on' : undefined,
    publishAt: input.publishedAt ? utcToLocalInput(input.publishedAt, timeZone) : '',
  };
}

/** The values the user sent, to show back unchanged next to errors. */
export function formToValues(form: PostForm): FieldState['values'] {
  const { action: _a, version: _v, overwrite: _o, conflictAction: _c, ...values } = form;
  return values;
}

export function editableToValues(post: EditablePost, timeZone: string): FieldState['values'] {
  return inputToValues(post.input, timeZone);
}

/** Service field names (`featuredImage.url`, `tagNames.2`) → form control names. */
const FIELD_NAMES: Record<string, string> = {
  'featuredImage.url': 'featuredImageUrl',
  'featuredImage.alt': 'featuredImageAlt',
  'featuredImage.caption': 'featuredImageCaption',
  publishedAt: 'publishAt',
  tagNames: 'tags',
};

/** The form's errors for a VALIDATION error's fields. */
export function formErrors(fields: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const name = FIELD_NAMES[key] ?? FIELD_NAMES[key.replace(/\.\d+$/, '')] ?? key.replace(/\.\d+$/, '');
    errors[name] ??= message;
  }
  return errors;
}

/** Visible labels, for the error summary. */
export const FIELD_LABELS: Record<string, string> = {
  title: 'Title', standfirst: 'Standfirst', body: 'Body', postscript: 'Post-script', slug: 'Slug',
  categoryIds: 'Categories', tags: 'Tags', authorIds: 'Authors', language: 'Language', translationOf: 'Translation of',
  featuredImageUrl: 'Featured image URL', featuredImageAlt: 'Featured image description (alt text)',
  featuredImageCaption: 'Featured image caption', commentStatus: 'Comments', sticky: 'Pin to the top of the front page',
  publishAt: 'Publication date and time',
};
