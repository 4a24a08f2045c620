import { html, raw, type SafeHtml } from '../../../lib/html.js';
import { csrfField, emptyForm, errorSummary, type FieldState, inputField } from '../views/forms.js';
import { adminLayout, type AdminFrame } from '../views/layout.js';
import { NEW_PASSWORD_HINT } from './reset-views.js';

export interface AccountPage {
  email: string;
  name: string;
  role: string;
  totpEnabled: boolean;
  /** Open sessions of this user, this one included. */
  sessions: number;
}

/** /admin/account: change password, two-factor sign-in, sign out everywhere. */
export function renderAccount(frame: AdminFrame, page: AccountPage, forms: { password?: FieldState; twoFactor?: FieldState } = {}): string {
  const passwordForm = forms.password ?? emptyForm();
  return adminLayout(
    frame,
    'Your account',
    html`<h1>Your account</h1>
<p>Signed in as ${page.name} (${page.email}), ${page.role}.</p>
${errorSummary(passwordForm, { current: 'Current password', password: 'New password', confirm: 'New password again' })}
<section class="panel" aria-labelledby="password-heading">
<h2 id="password-heading">Change your password</h2>
<form method="post" action="/admin/account/password">
${csrfField(frame.csrfToken)}
${inputField('current', 'Current password', passwordForm, { type: 'password', required: true, autocomplete: 'current-password', secret: true })}
${inputField('password', 'New password', passwordForm, { type: 'password', required: true, autocomplete: 'new-password', secret: true, hint: NEW_PASSWORD_HINT })}
${inputField('confirm', 'New password again', passwordForm, { type: 'password', required: true, autocomplete: 'new-password', secret: true })}
<p class="hint">Changing your password signs you out everywhere else.</p>
<div class="actions"><button type="submit">Change password</button></div>
</form>
</section>
${twoFactorPanel(frame, page, forms.twoFactor ?? emptyForm())}
<section class="panel" aria-labelledby="sessions-heading">
<h2 id="sessions-heading">Where you are signed in</h2>
<p>You are signed in in ${page.sessions} browser${page.sessions === 1 ? '' : 's'}, this one included.</p>
<form method="post" action="/admin/sign-out-everywhere">
${csrfField(frame.csrfToken)}
<button type="submit" class="secondary">Sign out everywhere</button>
</form>
</section>`,
  );
}

function twoFactorPanel(frame: AdminFrame, page: AccountPage, state: FieldState): SafeHtml {
  const body = page.totpEnabled
    ? html`<p><strong>On.</strong> Signing in asks for a code from your authenticator app as well as your password.</p>
<form method="post" action="/admin/account/two-factor/disable">
${csrfField(frame.csrfToken)}
${inputField('off_password', 'Your password', state, { type: 'password', required: true, autocomplete: 'current-password', secret: true, hint: 'To turn two-factor sign-in off, confirm it is you.' })}
<div class="actions"><button type="submit" class="danger">Turn off two-factor sign-in</button></div>
</form>`
    : html`<p><strong>Off.</strong> With it on, signing in also asks for a six-digit code from an authenticator app on your phone, so a stolen password is not enough.</p>
<p><a class="button" href="/admin/account/two-factor">Set up two-factor sign-in</a></p>`;
  return html`<section class="panel" aria-labelledby="two-factor-heading">
<h2 id="two-factor-heading">Two-factor sign-in</h2>
${body}
</section>`;
}

export interface TwoFactorSetup {
  secret: string;
  uri: string;
  /** Inline SVG of the QR code of `uri`, when one could be drawn. */
  qrSvg?: string;
}

/** A long URI with line-break opportunities after `?` and each `&`, so it never widens the page. */
const breakable = (uri: string): SafeHtml[] => uri.split(/(?<=[?&])/).map((part, i) => (i ? html`<wbr>${part}` : html`${part}`));

/** The key in groups of four, as authenticator apps show and accept it. */
export const groupSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** /admin/account/two-factor: the key (as text, link and optional QR code), then the confirming code. */
export function renderTwoFactorSetup(frame: AdminFrame, setup: TwoFactorSetup, state: FieldState): string {
  return adminLayout(
    frame,
    'Set up two-factor sign-in',
    html`<h1>Set up two-factor sign-in</h1>
${errorSummary(state, { code: 'Code from your authenticator app' })}
<ol class="steps">
<li><p>In your authenticator app (for example Aegis, FreeOTP, Google Authenticator or 1Password), add an account with this key, time-based:</p>
<p><code class="secret" id="secret">${groupSecret(setup.secret)}</code></p>
${setup.qrSvg ? html`<figure class="qr">${raw(setup.qrSvg)}<figcaption>Or scan this code with the app.</figcaption></figure>` : ''}
<p>On the phone that has the app, you can <a href="${setup.uri}">open this link</a> instead:</p>
<p><code class="uri">${breakable(setup.uri)}</code></p></li>
<li><p>Enter the six-digit code the app now shows, to check that it works.</p></li>
</ol>
<form method="post" action="/admin/account/two-factor" class="stack">
${csrfField(frame.csrfToken)}
<input type="hidden" name="secret" value="${setup.secret}">
${inputField('code', 'Code from your authenticator app', state, { required: true, inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 7 })}
<div class="actions"><button type="submit">Turn on two-factor sign-in</button> <a href="/admin/account">Cancel</a></div>
</form>`,
  );
}
