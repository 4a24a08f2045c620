import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { html } from '../../../lib/html.js';
import { adminWriteFundingSettings, type FundingSettings, loadFundingSettings } from '../../funding/index.js';
import { adminFrame, type AdminDeps, flash, sendPage } from '../context.js';
import { checkboxField, emptyForm, errorSummary, type FieldState, inputField, textareaField } from '../views/forms.js';
import type { AdminFrame } from '../views/layout.js';
import { actorOf, attempt, formBody, text } from '../site/shared.js';
import { backLink, postForm, screen } from '../site/ui.js';
import { CURRENT } from './ledger-views.js';

const LABELS = {
  currencies: 'Currencies', presets: 'Preset amounts', minimum: 'Smallest gift', paypalUrl: 'PayPal donate link', patreonUrl: 'Patreon page',
  liberapayUrl: 'Liberapay page', openCollectiveUrl: 'Open Collective page', bankDetails: 'Bank-transfer details',
  stripeSecretKey: 'Stripe secret key', stripeWebhookSecret: 'Stripe webhook signing secret',
};

const settingsForm = z.object({
  currencies: text(200), presets: text(200), minimum: text(20), paypalUrl: text(600), patreonUrl: text(600), liberapayUrl: text(600),
  openCollectiveUrl: text(600), bankDetails: text(2000), stripeSecretKey: text(400), stripeWebhookSecret: text(400), clearStripe: text(10),
});

const list = (v: string) => v.split(/[\s,;]+/).filter(Boolean);
const keyState = (stored: string) => (stored ? 'A key is stored; leave empty to keep it.' : 'None stored. STRIPE_SECRET_KEY in the environment overrides this.');

function renderSettings(frame: AdminFrame, state: FieldState, current: FundingSettings): string {
  return screen(frame, { title: 'Funding settings', current: CURRENT }, html`${errorSummary(state, LABELS)}
${postForm(frame, '/admin/funding/settings', html`${inputField('currencies', LABELS.currencies, state, { required: true, hint: 'Codes offered on the donate page, the first is the default: EUR, USD' })}
${inputField('presets', LABELS.presets, state, { required: true, hint: 'Whole amounts, separated by commas: 5, 10, 25, 50' })}
${inputField('minimum', LABELS.minimum, state, { required: true, inputmode: 'numeric', hint: 'In whole units of the currency' })}
${inputField('paypalUrl', LABELS.paypalUrl, state, { type: 'url', hint: 'https://www.paypal.com/donate/?hosted_button_id=…' })}
${inputField('patreonUrl', LABELS.patreonUrl, state, { type: 'url' })}
${inputField('liberapayUrl', LABELS.liberapayUrl, state, { type: 'url' })}
${inputField('openCollectiveUrl', LABELS.openCollectiveUrl, state, { type: 'url' })}
${textareaField('bankDetails', LABELS.bankDetails, state, { rows: 4, hint: 'Shown as text on the donate page: account holder, IBAN, BIC, reference.' })}
${inputField('stripeSecretKey', LABELS.stripeSecretKey, state, { type: 'password', secret: true, autocomplete: 'new-password', hint: keyState(current.stripeSecretKey) })}
${inputField('stripeWebhookSecret', LABELS.stripeWebhookSecret, state, { type: 'password', secret: true, autocomplete: 'new-password', hint: `${keyState(current.stripeWebhookSecret).replace('STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET')} The endpoint is /webhooks/stripe; send it checkout.session.completed, checkout.session.async_payment_succeeded, invoice.paid, charge.refunded and customer.subscription.deleted.` })}
${checkboxField('clearStripe', 'Remove the stored Stripe keys', state)}
<div class="actions"><button type="submit">Save settings</button> ${backLink(CURRENT)}</div>`)}`);
}

const formOf = (s: FundingSettings) => emptyForm({
  currencies: s.currencies.join(', '), presets: s.presets.join(', '), minimum: String(s.minimum), paypalUrl: s.paypalUrl, patreonUrl: s.patreonUrl,
  liberapayUrl: s.liberapayUrl, openCollectiveUrl: s.openCollectiveUrl, bankDetails: s.bankDetails,
});

/** /admin/funding/settings: currencies, amounts, other ways to give, Stripe keys (write-only). */
export function registerFundingSettingsRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.get('/admin/funding/settings', async (request, reply) => {
    const current = await loadFundingSettings(deps.db);
    return sendPage(reply, renderSettings(await adminFrame(deps, request, reply), formOf(current), current));
  });

  app.post('/admin/funding/settings', async (request, reply) => {
    const form = formBody(settingsForm, request.body);
    const change: Partial<FundingSettings> = {
      currencies: list(form.currencies).map((c) => c.toUpperCase()), presets: list(form.presets).map((p) => (/^\d{1,7}$/.test(p) ? Number(p) : Number.NaN)),
      minimum: /^\s*\d{1,4}\s*$/.test(form.minimum) ? Number(form.minimum) : Number.NaN,
      paypalUrl: form.paypalUrl, patreonUrl: form.patreonUrl, liberapayUrl: form.liberapayUrl, openCollectiveUrl: form.openCollectiveUrl, bankDetails: form.bankDetails,
      ...(form.clearStripe === 'on' ? { stripeSecretKey: '', stripeWebhookSecret: '' } : {}),
      ...(form.clearStripe !== 'on' && form.stripeSecretKey.trim() ? { stripeSecretKey: form.stripeSecretKey.trim() } : {}),
      ...(form.clearStripe !== 'on' && form.stripeWebhookSecret.trim() ? { stripeWebhookSecret: form.stripeWebhookSecret.trim() } : {}),
    };
    const result = await attempt(() => adminWriteFundingSettings(deps, change, actorOf(request)));
    if (!result.ok) {
      const errors = Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k.split('.')[0]!, v]));
      const values = { ...form, stripeSecretKey: '', stripeWebhookSecret: '' };
      return sendPage(reply, renderSettings(await adminFrame(deps, request, reply), { values, errors }, await loadFundingSettings(deps.db)), 422);
    }
    flash(reply, 'Funding settings saved.');
    return reply.redirect('/admin/funding/settings', 303);
  });
}
