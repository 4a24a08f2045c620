import { html, type SafeHtml } from '../../../lib/html.js';
import { type Appeal, BUTTON_KINDS, BUTTON_RULES, type Placement } from '../../funding/appeals/index.js';
import { checkboxField, errorSummary, type FieldState, inputField, selectField, textareaField } from '../views/forms.js';
import type { AdminFrame } from '../views/layout.js';
import { backLink, choiceGroup, postForm, screen, timeIn } from '../site/ui.js';
import { BUTTON_ROWS } from './form.js';

const CURRENT = '/admin/appeals';
const PLACE_NAMES: Record<Placement, string> = { article: 'After articles', sidebar: 'In the sidebar', home: 'On the home page' };

const LABELS: Record<string, string> = {
  title: 'Title', language: 'Written in', body: 'Text (Markdown)', bankHolder: 'Account holder', bankIban: 'IBAN', bankBic: 'BIC',
  bankReference: 'Payment reference', driveId: 'Fundraising drive', placements: 'Where it shows', languages: 'Languages',
  categoryIds: 'Categories', startsAt: 'Starts', endsAt: 'Ends', position: 'Order', enabled: 'Shown',
  ...Object.fromEntries(Array.from({ length: BUTTON_ROWS }, (_, i) => [
    [`button${i + 1}Kind`, `Button ${i + 1}: leads to`], [`button${i + 1}Label`, `Button ${i + 1}: label`], [`button${i + 1}Url`, `Button ${i + 1}: web address`],
  ]).flat()),
};

/** What the form offers to choose from. */
export interface AppealChoices {
  languages: string[];
  categories: { id: number; name: string; depth: number }[];
  drives: { id: number; title: string }[];
  timeZone: string;
}

/** Every appeal with where and when it shows, and a button to show or hide it. */
export function renderAppealList(frame: AdminFrame, appeals: Appeal[], timeZone: string): string {
  return screen(
    frame,
    { title: 'Appeals', current: CURRENT, actions: html`<a class="button" href="/admin/appeals/new">New appeal</a>` },
    appeals.length === 0
      ? html`<p>No appeals yet. An appeal asks readers to support you: a few words, buttons to give, and your bank details if you like.</p>`
      : html`<table class="list">
<thead><tr><th scope="col">Title</th><th scope="col">Where</th><th scope="col">When</th><th scope="col">Order</th><th scope="col">Shown</th></tr></thead>
<tbody>
${appeals.map((a) => html`<tr>
<td><a href="/admin/appeals/${a.id}">${a.title}</a></td>
<td>${a.placements.map((p) => PLACE_NAMES[p]).join(', ')}${a.languages.length ? ` · ${a.languages.join(', ')}` : ''}${a.categoryIds ? ` · ${a.categoryIds.length} categor${a.categoryIds.length === 1 ? 'y' : 'ies'}` : ''}</td>
<td>${a.startsAt ? html`from ${timeIn(a.startsAt, timeZone)}` : ''} ${a.endsAt ? html`until ${timeIn(a.endsAt, timeZone)}` : ''}${!a.startsAt && !a.endsAt ? 'Always' : ''}</td>
<td>${a.position}</td>
<td>${postForm(frame, `/admin/appeals/${a.id}/${a.enabled ? 'disable' : 'enable'}`, html`<span class="status status-${a.enabled ? 'published' : 'draft'}">${a.enabled ? 'Shown' : 'Hidden'}</span>
<button type="submit" class="link">${a.enabled ? 'Hide' : 'Show'}<span class="visually-hidden"> “${a.title}”</span></button>`, 'inline')}</td>
</tr>`)}
</tbody>
</table>`,
  );
}

/** Create (`appeal` null) or edit; keeps everything typed and shows each error by its field. */
export function renderAppealForm(frame: AdminFrame, state: FieldState, choices: AppealChoices, appeal: Appeal | null): string {
  const action = appeal ? `/admin/appeals/${appeal.id}` : '/admin/appeals/new';
  const when = `In the site’s time zone (${choices.timeZone}). Leave it empty for no limit.`;
  return screen(
    frame,
    { title: appeal ? `Edit appeal: ${appeal.title}` : 'New appeal', current: CURRENT },
    html`${errorSummary(state, LABELS)}
${postForm(frame, action, html`${inputField('title', LABELS.title!, state, { required: true, maxlength: 200, hint: 'The heading readers see, e.g. “Support independent journalism”.' })}
${selectField('language', LABELS.language!, state, choices.languages.map((l) => ({ value: l, label: l })))}
${textareaField('body', LABELS.body!, state, { rows: 5, hint: 'A few sentences. Links and emphasis work; scripts, images from other sites and styles are removed.' })}
<fieldset class="group"><legend>Buttons</legend>
<p class="hint">Plain links: readers’ browsers load nothing from PayPal or any other site until they click. Addresses must start with https://.</p>
${Array.from({ length: BUTTON_ROWS }, (_, i) => buttonRow(i + 1, state))}
</fieldset>
<fieldset class="group"><legend>Bank transfer (optional)</legend>
${inputField('bankHolder', LABELS.bankHolder!, state, { maxlength: 140, autocomplete: 'off' })}
${inputField('bankIban', LABELS.bankIban!, state, { maxlength: 50, autocomplete: 'off', hint: 'Spaces are fine; it is checked with its checksum.' })}
${inputField('bankBic', LABELS.bankBic!, state, { maxlength: 11, autocomplete: 'off' })}
${inputField('bankReference', LABELS.bankReference!, state, { maxlength: 140, hint: 'What donors write in the reference field, e.g. “Donation”.' })}
</fieldset>
${choices.drives.length ? selectField('driveId', LABELS.driveId!, state, [{ value: '', label: 'None' }, ...choices.drives.map((d) => ({ value: String(d.id), label: d.title }))], { hint: 'Its progress bar shows in the appeal.' }) : ''}
${choiceGroup('checkbox', 'placements[]', LABELS.placements!, state, (Object.keys(PLACE_NAMES) as Placement[]).map((p) => ({ value: p, label: PLACE_NAMES[p] })))}
${choiceGroup('checkbox', 'languages[]', 'Only on pages in these languages (none ticked: every language)', state, choices.languages.map((l) => ({ value: l, label: l })))}
${choices.categories.length ? choiceGroup('checkbox', 'categoryIds[]', 'After articles only in these categories (none ticked: every category)', state,
    choices.categories.map((c) => ({ value: String(c.id), label: `${'— '.repeat(c.depth)}${c.name}` }))) : ''}
${inputField('startsAt', LABELS.startsAt!, state, { type: 'datetime-local', hint: when })}
${inputField('endsAt', LABELS.endsAt!, state, { type: 'datetime-local', hint: when })}
${inputField('position', LABELS.position!, state, { type: 'number', inputmode: 'numeric', hint: 'Appeals with a smaller number come first.' })}
${checkboxField('enabled', 'Show this appeal to readers', state)}
<div class="actions"><button type="submit">${appeal ? 'Save appeal' : 'Create appeal'}</button> ${backLink(CURRENT)}
${appeal ? html`<a class="danger-link" href="/admin/appeals/${appeal.id}/delete">Delete this appeal</a>` : ''}</div>`)}`,
  );
}

function buttonRow(n: number, state: FieldState): SafeHtml {
  const kinds = [{ value: '', label: 'No button' }, ...BUTTON_KINDS.map((k) => ({ value: k, label: BUTTON_RULES[k].name }))];
  return html`<div class="button-row">
${selectField(`button${n}Kind`, LABELS[`button${n}Kind`]!, state, kinds)}
${inputField(`button${n}Label`, LABELS[`button${n}Label`]!, state, { maxlength: 80, hint: 'Empty: a label that fits the kind.' })}
${inputField(`button${n}Url`, LABELS[`button${n}Url`]!, state, { type: 'url', maxlength: 2000, hint: 'Not needed for our donate page.' })}
</div>`;
}

export function renderAppealDelete(frame: AdminFrame, appeal: Appeal): string {
  return screen(
    frame,
    { title: `Delete the appeal “${appeal.title}”?`, current: CURRENT },
    html`<p>It disappears from the site at once. To take it down for a while, hide it instead.</p>
${postForm(frame, `/admin/appeals/${appeal.id}/delete`, html`<div class="actions"><button type="submit" class="danger">Delete appeal</button> ${backLink(`/admin/appeals/${appeal.id}`, 'Keep it')}</div>`)}`,
  );
}
