import { html } from '../../../lib/html.js';
import { adminLayout, type AdminFrame } from './layout.js';
import { csrfField, type FieldState, inputField } from './forms.js';

/** The sign-in form; after a correct password of a two-factor user, it asks for the code too. */
export function renderSignIn(frame: AdminFrame, state: FieldState, options: { error?: string; askCode?: boolean; next?: string } = {}): string {
  return adminLayout(
    frame,
    'Sign in',
    html`<div class="sign-in">
<h1>Sign in</h1>
${options.error ? html`<p class="error-summary" role="alert">${options.error}</p>` : ''}
<form method="post" action="/admin/sign-in" class="stack">
${csrfField(frame.csrfToken)}
${options.next ? html`<input type="hidden" name="next" value="${options.next}">` : ''}
${inputField('email', 'Email', state, { type: 'email', required: true, autocomplete: 'username' })}
${inputField('password', 'Password', state, { type: 'password', required: true, autocomplete: 'current-password', secret: true })}
${options.askCode ? inputField('code', 'Code from your authenticator app', state, { inputmode: 'numeric', autocomplete: 'one-time-code', hint: 'Six digits, changing every 30 seconds.' }) : ''}
<div class="actions"><button type="submit">Sign in</button> <a href="/admin/password-reset">Forgotten your password?</a></div>
</form>
</div>`,
  );
}
