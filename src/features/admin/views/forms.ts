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
