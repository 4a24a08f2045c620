import { html, type SafeHtml } from '../../../lib/html.js';
import { type DriveRow, formatMoney, type LedgerFilter, type LedgerRow, type LedgerTotals } from '../../funding/index.js';
import { emptyForm, errorSummary, type FieldState, inputField, selectField, textareaField } from '../views/forms.js';
import type { AdminFrame } from '../views/layout.js';
import { backLink, postForm, radioGroup, screen, timeIn } from '../site/ui.js';

export const CURRENT = '/admin/funding';

const tabs = html`<a class="button secondary" href="/admin/funding/manual">Enter a gift by hand</a> <a class="button secondary" href="/admin/funding/drives">Drives</a> <a class="button secondary" href="/admin/funding/settings">Funding settings</a>`;

const option = (value: string, label: string) => ({ value, label });

function filterForm(filter: LedgerFilter, drives: DriveRow[], currencies: string[]): SafeHtml {
  const state = emptyForm(Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, String(v)])));
  const any = option('', 'Any');
  return html`<form method="get" action="/admin/funding" class="filters">
${selectField('status', 'Status', state, [any, ...['pending', 'confirmed', 'refunded', 'cancelled'].map((s) => option(s, s))])}
${selectField('source', 'Source', state, [any, option('stripe', 'Stripe'), option('manual', 'By hand')])}
${selectField('kind', 'Kind', state, [any, option('one-off', 'One-off'), option('monthly', 'Monthly')])}
${selectField('currency', 'Currency', state, [any, ...currencies.map((c) => option(c, c))])}
${selectField('drive', 'Drive', state, [any, ...drives.map((d) => option(String(d.id), d.title))])}
${inputField('from', 'From (YYYY-MM-DD)', state, { maxlength: 10 })}
${inputField('to', 'To (YYYY-MM-DD)', state, { maxlength: 10 })}
<div class="actions"><button type="submit">Filter</button> <a href="/admin/funding">Clear</a></div>
</form>`;
}

function totalsTables(totals: LedgerTotals): SafeHtml {
  const money = (minor: number, currency: string) => formatMoney(minor, currency, 'en-GB');
  return html`<h2>Totals (confirmed gifts among ${totals.rows} matching)</h2>
<table class="list totals-currency"><caption>Per currency</caption>
<thead><tr><th scope="col">Currency</th><th scope="col">Gifts</th><th scope="col">Total</th></tr></thead>
<tbody>${totals.byCurrency.map((t) => html`<tr><td>${t.currency}</td><td>${t.count}</td><td>${money(t.totalMinor, t.currency)}</td></tr>`)}</tbody>
</table>
<table class="list totals-month"><caption>Per month</caption>
<thead><tr><th scope="col">Month</th><th scope="col">Currency</th><th scope="col">Gifts</th><th scope="col">Total</th></tr></thead>
<tbody>${totals.byMonth.map((t) => html`<tr><td>${t.month}</td><td>${t.currency}</td><td>${t.count}</td><td>${money(t.totalMinor, t.currency)}</td></tr>`)}</tbody>
</table>`;
}

function ledgerTable(frame: AdminFrame, rows: LedgerRow[], timeZone: string): SafeHtml {
  if (rows.length === 0) return html`<p>No donations match.</p>`;
  return html`<table class="list ledger">
<thead><tr><th scope="col">Date</th><th scope="col">Amount</th><th scope="col">Kind</th><th scope="col">Source</th><th scope="col">Status</th><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Drive</th><th scope="col">Note</th></tr></thead>
<tbody>
${rows.map((r) => html`<tr id="donation-${r.id}"><td>${timeIn(r.createdAt, timeZone)}</td><td>${formatMoney(r.amountMinor, r.currency, 'en-GB')}</td><td>${r.kind}${r.cancelledAt ? ' (ended)' : ''}</td><td>${r.source}</td><td>${r.status}${r.source === 'manual' && r.status === 'confirmed' ? postForm(frame, `/admin/funding/donations/${r.id}/refund`, html`<button type="submit" class="link">Mark refunded</button>`, 'inline') : ''}</td><td>${r.displayName ?? html`<em>anonymous</em>`}</td><td>${r.email}</td><td>${r.driveTitle ?? ''}</td><td>${r.note}</td></tr>`)}
</tbody>
</table>`;
}

export interface LedgerPage {
  filter: LedgerFilter;
  query: string;
  rows: LedgerRow[];
  totals: LedgerTotals;
  drives: DriveRow[];
  currencies: string[];
  timeZone: string;
  page: number;
  more: boolean;
}

/** /admin/funding: the ledger of every donation, its filters, totals and CSV export. */
export function renderLedger(frame: AdminFrame, data: LedgerPage): string {
  const csv = `/admin/funding/donations.csv${data.query ? `?${data.query}` : ''}`;
  const pageLink = (n: number) => `/admin/funding?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(data.query)), page: String(n) })}`;
  return screen(frame, { title: 'Donations', current: CURRENT, actions: tabs }, html`${filterForm(data.filter, data.drives, data.currencies)}
<p><a class="button" href="${csv}" download>Export CSV</a></p>
${totalsTables(data.totals)}
<h2>Donations</h2>
${ledgerTable(frame, data.rows, data.timeZone)}
<nav aria-label="Pages of donations"><p>${data.page > 1 ? html`<a href="${pageLink(data.page - 1)}">Newer</a> ` : ''}${data.more ? html`<a href="${pageLink(data.page + 1)}">Older</a>` : ''}</p></nav>`);
}

const MANUAL_LABELS = { amount: 'Amount', currency: 'Currency', kind: 'Kind', date: 'Date received', driveId: 'Drive', displayName: 'Public name', email: 'Email', note: 'Note' };

/** /admin/funding/manual: cash at a meeting, a bank transfer. */
export function renderManualForm(frame: AdminFrame, state: FieldState, drives: DriveRow[]): string {
  return screen(frame, { title: 'Enter a gift by hand', current: CURRENT }, html`${errorSummary(state, MANUAL_LABELS)}
${postForm(frame, '/admin/funding/manual', html`${inputField('amount', MANUAL_LABELS.amount, state, { required: true, inputmode: 'decimal', maxlength: 20, hint: 'For example 25 or 25.50' })}
${inputField('currency', MANUAL_LABELS.currency, state, { required: true, maxlength: 3, hint: 'A three-letter code such as EUR. A drive counts gifts in its own currency only.' })}
${radioGroup('kind', MANUAL_LABELS.kind, state, [{ value: 'one-off', label: 'One-off' }, { value: 'monthly', label: 'A monthly payment (standing order)' }])}
${inputField('date', MANUAL_LABELS.date, state, { required: true, maxlength: 10, hint: 'YYYY-MM-DD' })}
${selectField('driveId', MANUAL_LABELS.driveId, state, [{ value: '', label: 'No drive' }, ...drives.map((d) => ({ value: String(d.id), label: `${d.title} (${d.currency})` }))])}
${inputField('displayName', MANUAL_LABELS.displayName, state, { maxlength: 120, hint: 'Shown on the drive’s thank-you list; leave it empty for “Anonymous”.' })}
${inputField('email', MANUAL_LABELS.email, state, { type: 'email', maxlength: 320, hint: 'Private: only admins see it.' })}
${textareaField('note', MANUAL_LABELS.note, state, { rows: 3, hint: 'For example: cash collected at the town meeting.' })}
<div class="actions"><button type="submit">Record gift</button> ${backLink(CURRENT)}</div>`)}`);
}
