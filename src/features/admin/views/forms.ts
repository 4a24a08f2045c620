import { z } from 'zod';
import { AppError, isAppError } from '../../../errors.js';
import { attrs, html, type SafeHtml } from '../../../lib/html.js';

/**
 * Form controls for the admin: every control has a visible label, an id, its error message
 * next to it (linked by aria-describedby, with aria-invalid), and keeps what the user typed.
 */
export interface FieldState {
  values: Record<string, string | string[] | undefined>;
  errors: Record<string, string | undefined>;
}

export const emptyForm = (values: FieldState['values'] = {}): FieldState => ({ values, errors: {} });

function describe(name: string, state: FieldState, hint?: string) {
  const error = state.errors[name];
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return {
    error,
    aria: attrs({ 'aria-describedby': ids || null, 'aria-invalid': error ? 'true' : null }),
    below: html`${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : ''}${
      error ? html`<p class="field-error" id="${name}-error">${error}</p>` : ''
    }`,
  };
}

const value = (state: FieldState, name: string): string => {
  const v = state.values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

export interface InputOptions {
  type?: 'text' | 'email' | 'password' | 'url' | 'datetime-local' | 'number' | 'search';
  required?: boolean;
  hint?: string;
  autocomplete?: string;
  inputmode?: string;
  maxlength?: number;
  /** Never echo the value back (passwords). */
  secret?: boolean;
}

export function inputField(name: string, label: string, state: FieldState, options: InputOptions = {}): SafeHtml {
  const d = describe(name, state, options.hint);
  return html`<div class="field${d.error ? ' has-error' : ''}">
<label for="${name}">${label}${options.required ? html` <span class="required">(required)</span>` : ''}</label>
<input${attrs({
    type: options.type ?? 'text', id: name, name, value: options.secret ? null : value(state, name),
    required: options.required ?? false, autocomplete: options.autocomplete ?? null, inputmode: options.inputmode ?? null,
    maxlength: options.maxlength ?? null,
  })}${d.aria}>
${d.below}</div>`;
}

export function textareaField(name: string, label: string, state: FieldState, options: { rows?: number; required?: boolean; hint?: string } = {}): SafeHtml {
  const d = describe(name, state, options.hint);
  return html`<div class="field${d.error ? ' has-error' : ''}">
<label for="${name}">${label}${options.required ? html` <span class="required">(required)</span>` : ''}</label>
<textarea${attrs({ id: name, name, rows: options.rows ?? 4, required: options.required ?? false })}${d.aria}>${value(state, name)}</textarea>
${d.below}</div>`;
}

export function selectField(
  name: string,
  label: string,
  state: FieldState,
  choices: { value: string; label: string }[],
  options: { multiple?: boolean; hint?: string; size?: number } = {},
): SafeHtml {
  const d = describe(name, state, options.hint);
  const current = state.values[name];
  const selected = new Set(Array.isArray(current) ? current : current !== undefined ? [current] : []);
  return html`<div class="field${d.error ? ' has-error' : ''}">
<label for="${name}">${label}</label>
<select${attrs({ id: name, name, multiple: options.multiple ?? false, size: options.size ?? null })}${d.aria}>
${choices.map((c) => html`<option${attrs({ value: c.value, selected: selected.has(c.value) })}>${c.label}</option>`)}
</select>
${d.below}</div>`;
}

export function checkboxField(name: string, label: string, state: FieldState, checkedValue = 'on'): SafeHtml {
  const d = describe(name, state);
  return html`<div class="field checkbox${d.error ? ' has-error' : ''}">
<input${attrs({ type: 'checkbox', id: name, name, value: checkedValue, checked: value(state, name) === checkedValue })}${d.aria}>
<label for="${name}">${label}</label>
${d.below}</div>`;
}

/** The hidden CSRF field every POST form carries. */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** A summary of errors at the top of a form, linking to each field. */
export function errorSummary(state: FieldState, labels: Record<string, string>): SafeHtml {
  const entries = Object.entries(state.errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1">
<h2>Please correct ${entries.length === 1 ? 'this' : 'these'}:</h2>
<ul>${entries.map(([name, message]) => html`<li><a href="#${name}">${labels[name] ?? name}: ${message}</a></li>`)}</ul>
</div>`;
}

/*
 * Reading a form: the schema pieces, parsing and the service call that every admin screen
 * (site, comments, account, posts) shares.
 */

/** A text field of a form: missing means empty. */
export const text = (max: number) => z.string().max(max).default('');

const ID = /^[1-9]\d{0,9}$/;

/** A select of ids that may be left empty: '' → null. */
export const optionalId = z
  .string()
  .regex(/^\d{0,10}$/)
  .default('')
  .transform((v) => (v === '' ? null : Number(v)));

/** Checkboxes or a multiple select of ids: none, one or several values. */
export const idList = z
  .union([z.string(), z.array(z.string())])
  .default([])
  .transform((v) => [v].flat())
  .pipe(z.array(z.string().regex(ID).transform(Number)));

/** A number typed in a form (surrounding spaces allowed), or NaN so the service's schema names the field. */
export const typedNumber = (value: string): number => (/^\s*\d{1,6}\s*$/.test(value) ? Number(value) : Number.NaN);

/** Parses a form body; a body of the wrong shape (only a forged form sends one) is BAD_REQUEST. */
export function formBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new AppError('BAD_REQUEST', { fields: parsed.error.issues.map((i) => i.path.join('.')) });
  return parsed.data;
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string>; status: 422 | 429 };

/**
 * Runs a service call for a form: VALIDATION comes back as field errors (422); with
 * `limitedField`, RATE_LIMITED comes back as an error on that field (429). Anything else is
 * thrown to the error handler.
 */
export async function attempt<T>(work: () => Promise<T>, limitedField?: string): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (isAppError(error, 'VALIDATION')) return { ok: false, errors: (error.details.fields ?? {}) as Record<string, string>, status: 422 };
    if (limitedField !== undefined && isAppError(error, 'RATE_LIMITED')) {
      return { ok: false, errors: { [limitedField]: waitMessage(Number(error.details.retryAfter ?? 60)) }, status: 429 };
    }
    throw error;
  }
}

/** "Too many tries. Please wait 3 minutes and try again." */
export function waitMessage(retryAfterSeconds: number, what = 'Too many tries'): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `${what}. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
}
