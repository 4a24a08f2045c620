import { html } from '../../../lib/html.js';
import { drivePath, type DriveRow, formatMoney, lastDay, localDay } from '../../funding/index.js';
import { errorSummary, type FieldState, inputField, textareaField } from '../views/forms.js';
import type { AdminFrame } from '../views/layout.js';
import { backLink, postForm, screen } from '../site/ui.js';
import { CURRENT } from './ledger-views.js';

const LABELS = { title: 'Title', slug: 'Slug', description: 'Description', target: 'Target', currency: 'Currency', starts: 'Starts', ends: 'Ends' };

/** /admin/funding/drives: every drive with its target and its first and last days in the site's time zone. */
export function renderDriveList(frame: AdminFrame, drives: DriveRow[], timeZone: string): string {
  return screen(frame, { title: 'Fundraising drives', current: CURRENT, actions: html`<a class="button" href="/admin/funding/drives/new">New drive</a> <a class="button secondary" href="/admin/funding">Donations</a>` },
    drives.length === 0 ? html`<p>No drives yet.</p>` : html`<table class="list">
<thead><tr><th scope="col">Title</th><th scope="col">Address</th><th scope="col">Target</th><th scope="col">Starts</th><th scope="col">Ends</th></tr></thead>
<tbody>${drives.map((d) => html`<tr><td><a href="/admin/funding/drives/${d.id}">${d.title}</a></td><td><a href="${drivePath(d.slug)}">${drivePath(d.slug)}</a></td><td>${formatMoney(d.target_minor, d.currency, 'en-GB')}</td><td>${localDay(d.starts_at, timeZone)}</td><td>${d.ends_at ? lastDay(d.ends_at, timeZone) : '—'}</td></tr>`)}</tbody>
</table>`);
}

/** Create (`drive` null) or edit a drive. Dates are days of the site's time zone; the drive runs to the end of its last day. */
export function renderDriveForm(frame: AdminFrame, state: FieldState, drive: DriveRow | null): string {
  const action = drive ? `/admin/funding/drives/${drive.id}` : '/admin/funding/drives/new';
  return screen(frame, { title: drive ? `Edit drive: ${drive.title}` : 'New drive', current: CURRENT }, html`${errorSummary(state, LABELS)}
${postForm(frame, action, html`${inputField('title', LABELS.title, state, { required: true, maxlength: 200 })}
${inputField('slug', LABELS.slug, state, { maxlength: 80, hint: 'Its page is /donate/drive/slug/. Leave it blank to make one from the title.' })}
${textareaField('description', LABELS.description, state, { rows: 6, hint: 'Markdown.' })}
${inputField('target', LABELS.target, state, { required: true, inputmode: 'decimal', maxlength: 20, hint: 'For example 5000' })}
${inputField('currency', LABELS.currency, state, { required: true, maxlength: 3, hint: 'The drive counts confirmed gifts in this currency only; gifts to it in another currency stay in the ledger but not in its total.' })}
${inputField('starts', LABELS.starts, state, { required: true, maxlength: 10, hint: 'YYYY-MM-DD; the drive opens at the start of this day, in the site’s time zone' })}
${inputField('ends', LABELS.ends, state, { maxlength: 10, hint: 'YYYY-MM-DD, the last day: the drive closes at the end of it, in the site’s time zone. Leave empty for no end.' })}
<div class="actions"><button type="submit">${drive ? 'Save drive' : 'Create drive'}</button> ${backLink('/admin/funding/drives')}</div>`)}
${drive ? postForm(frame, `/admin/funding/drives/${drive.id}/delete`, html`<p>Deleting a drive keeps its donations in the ledger, without a drive.</p><button type="submit" class="danger">Delete this drive</button>`) : ''}`);
}
