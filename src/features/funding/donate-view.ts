import type { FundingMessages } from '../../i18n/funding-messages.js';
import { html, type SafeHtml } from '../../lib/html.js';
import type { Frame } from '../../views/frame.js';
import { layout } from '../../views/layout.js';
import { siteFeeds, webPageJsonLd } from '../seo/index.js';
import type { DriveRow } from './drives.js';
import { formatMoney, minorDigits } from './money.js';
import type { FundingSettings } from './settings.js';

export type DonateErrorCode = keyof FundingMessages['errors'];

/** What the donate form shows: the reader's values when it comes back with errors. */
export interface DonateFormState {
  values: { preset: string; custom: string; kind: string; currency: string; name: string; email: string };
  errors: Partial<Record<'amount' | 'email' | 'currency' | 'name' | 'form', DonateErrorCode>>;
  notice?: 'cancelled';
}

export interface DonatePageData {
  settings: FundingSettings;
  /** False when no Stripe key is configured: no card form, only the other ways to give. */
  online: boolean;
  drive: DriveRow | null;
  csrfToken: string;
  state: DonateFormState;
}

const fieldError = (f: FundingMessages, id: string, code: DonateErrorCode | undefined): SafeHtml =>
  code ? html`<p class="field-error" id="${id}-error">${f.errors[code]}</p>` : html``;

function amountFieldset(frame: Frame, data: DonatePageData, currency: string): SafeHtml {
  const f = frame.t.funding;
  const { values, errors } = data.state;
  const digits = minorDigits(currency);
  return html`<fieldset class="donate-amounts"${errors.amount ? html` aria-describedby="amount-error"` : ''}>
<legend>${f.amount}</legend>
${data.settings.presets.map((amount) => html`<label class="donate-preset"><input type="radio" name="preset" value="${amount}"${values.preset === String(amount) ? ' checked' : ''}> ${formatMoney(amount * 10 ** digits, currency, frame.t.locale)}</label>`)}
<label class="donate-custom">${f.otherAmount} <input type="text" name="custom" inputmode="decimal" autocomplete="off" size="8" maxlength="20" value="${values.custom}"></label>
${fieldError(f, 'amount', errors.amount)}
</fieldset>`;
}

function currencyField(frame: Frame, data: DonatePageData): SafeHtml {
  const f = frame.t.funding;
  if (data.drive) return html`<input type="hidden" name="currency" value="${data.drive.currency}">`;
  const list = data.settings.currencies;
  if (list.length === 1) return html`<input type="hidden" name="currency" value="${list[0]}">`;
  return html`<p><label for="donate-currency">${f.currency}</label>
<select id="donate-currency" name="currency">${list.map((c) => html`<option${c === data.state.values.currency ? ' selected' : ''}>${c}</option>`)}</select>
${fieldError(f, 'currency', data.state.errors.currency)}</p>`;
}

function cardForm(frame: Frame, data: DonatePageData): SafeHtml {
  const f = frame.t.funding;
  const { values, errors } = data.state;
  const currency = data.drive?.currency ?? (data.settings.currencies.includes(values.currency) ? values.currency : data.settings.currencies[0]!);
  const errorList = Object.values(errors);
  return html`<form class="donate-form" method="post" action="/donate/">
${errorList.length ? html`<div class="error-summary" role="alert"><p>${f.errorSummary}</p><ul>${errorList.map((code) => html`<li>${f.errors[code]}</li>`)}</ul></div>` : ''}
<input type="hidden" name="_csrf" value="${data.csrfToken}">
${data.drive ? html`<input type="hidden" name="drive" value="${data.drive.slug}"><p class="donate-drive">${f.givingTo(data.drive.title)}</p>` : ''}
${amountFieldset(frame, data, currency)}
${currencyField(frame, data)}
<fieldset class="donate-kind"><legend>${f.frequency}</legend>
<label><input type="radio" name="kind" value="one-off"${values.kind !== 'monthly' ? ' checked' : ''}> ${f.oneOff}</label>
<label><input type="radio" name="kind" value="monthly"${values.kind === 'monthly' ? ' checked' : ''}> ${f.monthly}</label>
</fieldset>
<p><label for="donate-name">${f.publicName}</label>
<input id="donate-name" type="text" name="name" maxlength="120" autocomplete="name" value="${values.name}" aria-describedby="donate-name-note">
<span class="hint" id="donate-name-note">${f.publicNameNote}</span>${fieldError(f, 'name', errors.name)}</p>
<p><label for="donate-email">${f.email}</label>
<input id="donate-email" name="email" type="email" maxlength="320" autocomplete="email" value="${values.email}" aria-describedby="donate-email-note">
<span class="hint" id="donate-email-note">${f.emailNote}</span>${fieldError(f, 'email', errors.email)}</p>
<p><button type="submit">${f.donateButton}</button></p>
<p class="hint">${f.stripeNote}</p>
</form>`;
}

/** PayPal, Patreon, Liberapay, Open Collective links and bank details, as configured; empty when none is. */
export function otherWaysToGive(frame: Frame, settings: FundingSettings): SafeHtml {
  const f = frame.t.funding;
  const links = [
    ['PayPal', settings.paypalUrl], ['Patreon', settings.patreonUrl], ['Liberapay', settings.liberapayUrl], ['Open Collective', settings.openCollectiveUrl],
  ].filter(([, url]) => url) as [string, string][];
  if (links.length === 0 && !settings.bankDetails.trim()) return html``;
  return html`<section class="donate-other" aria-labelledby="donate-other-heading">
<h2 id="donate-other-heading">${f.otherWays}</h2>
${links.length ? html`<ul>${links.map(([name, url]) => html`<li><a href="${url}" rel="noopener">${name}</a></li>`)}</ul>` : ''}
${settings.bankDetails.trim() ? html`<h3>${f.bankTransfer}</h3><p class="bank-details">${settings.bankDetails.trim().split('\n').map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</p>` : ''}
</section>`;
}

/** GET /donate/: the card form when Stripe is configured, and the other ways to give. */
export function renderDonatePage(frame: Frame, data: DonatePageData): string {
  const f = frame.t.funding;
  const meta = { name: f.donateTitle, path: '/donate/', description: f.donateIntro, language: frame.lang };
  return layout(frame, {
    title: f.donateTitle, description: f.donateIntro, canonicalPath: '/donate/', feeds: siteFeeds(frame), jsonLd: webPageJsonLd(frame.settings, meta),
  }, html`<article class="donate">
<h1>${f.donateTitle}</h1>
<p>${f.donateIntro}</p>
${data.state.notice === 'cancelled' ? html`<p class="notice" role="status">${f.cancelled}</p>` : ''}
${data.online ? cardForm(frame, data) : html`<p class="notice">${f.noCardPayments}</p>`}
${otherWaysToGive(frame, data.settings)}
${data.online ? html`<p class="donate-manage-link"><a href="/donate/manage/">${f.manageLink}</a></p>` : ''}
</article>`);
}

/** GET /donate/thanks/: where Stripe sends the reader back; `online` adds the link to manage a monthly gift. */
export function renderThanksPage(frame: Frame, online: boolean): string {
  const f = frame.t.funding;
  return layout(frame, { title: f.thanksTitle, noindex: true }, html`<article class="donate">
<h1>${f.thanksTitle}</h1>
<p>${f.thanksText}</p>
${online ? html`<p class="donate-manage-link"><a href="/donate/manage/">${f.manageLink}</a></p>` : ''}
</article>`);
}
