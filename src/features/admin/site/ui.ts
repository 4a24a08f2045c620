import { attrs, html, type SafeHtml } from '../../../lib/html.js';
import { csrfField, type FieldState } from '../views/forms.js';
import { adminLayout, type AdminFrame } from '../views/layout.js';

/** View pieces the site screens share, on top of the admin's labelled form controls. */

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

/**
 * Radio buttons or checkboxes in a fieldset whose legend asks the question; the error sits
 * under the legend and what was chosen stays chosen. Checkboxes sharing a name take `[]`
 * at its end (`tags[]`); errors and kept values are looked up without it.
 */
export function choiceGroup(type: 'radio' | 'checkbox', name: string, legend: string, state: FieldState, choices: Choice[]): SafeHtml {
  const key = name.replace(/\[\]$/, '');
  const error = state.errors[key];
  const chosen = new Set([state.values[key] ?? []].flat());
  return html`<fieldset id="${key}" class="field choices${error ? ' has-error' : ''}"${attrs({ 'aria-describedby': error ? `${key}-error` : null })}>
<legend>${legend}</legend>
${error ? html`<p class="field-error" id="${key}-error">${error}</p>` : ''}
${choices.map((c, i) => {
  const id = `${key}-${i}`;
  return html`<div class="choice">
<input${attrs({ type, id, name, value: c.value, checked: chosen.has(c.value), 'aria-describedby': c.hint ? `${id}-hint` : null })}>
<label for="${id}">${c.label}</label>
${c.hint ? html`<p class="hint" id="${id}-hint">${c.hint}</p>` : ''}
</div>`;
})}
</fieldset>`;
}

export const radioGroup = (name: string, legend: string, state: FieldState, choices: Choice[]): SafeHtml => choiceGroup('radio', name, legend, state, choices);

/** A page of a screen: the heading, optional actions beside it, then the content. */
export function screen(frame: AdminFrame, options: { title: string; current: string; actions?: SafeHtml; refreshSeconds?: number }, content: SafeHtml): string {
  return adminLayout(
    frame,
    options.title,
    html`<div class="screen-head"><h1>${options.title}</h1>${options.actions ? html`<p class="actions">${options.actions}</p>` : ''}</div>
${content}`,
    options.current,
    options.refreshSeconds ? { refreshSeconds: options.refreshSeconds } : {},
  );
}

/** A POST form carrying the CSRF token. */
export function postForm(frame: AdminFrame, action: string, content: SafeHtml, className = 'stack'): SafeHtml {
  return html`<form method="post" action="${action}" class="${className}">
${csrfField(frame.csrfToken)}
${content}
</form>`;
}

/** "Cancel" and the like: a plain link back. */
export const backLink = (href: string, label = 'Cancel'): SafeHtml => html`<a href="${href}">${label}</a>`;

/** A short date and time in the site's time zone, in a <time> element. */
export function timeIn(instant: string, timeZone: string): SafeHtml {
  const shown = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
  return html`<time datetime="${instant}">${shown}</time>`;
}
