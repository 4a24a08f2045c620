import { html } from '../../../lib/html.js';
import { csrfField, errorSummary, type FieldState, inputField } from '../views/forms.js';
import { adminLayout, type AdminFrame } from '../views/layout.js';

/** The pages of a password reset by email: ask, "check your email", choose a new password, dead link. */

const NEW_PASSWORD_HINT = 'At least 12 characters. A few unrelated words make a strong one.';

/** Step 1: the email form. `error` is shown above it (rate limit). */
export function renderResetRequest(frame: AdminFrame, state: FieldState, options: { error?: string } = {}): string {
  return adminLayout(
    frame,
    'Reset your password',
    html`<div class="sign-in">
<h1>Reset your password</h1>
${options.error ? html`<p class="error-summary" role="alert">${options.error}</p>` : ''}
<p>Enter the email address of your account. We will send you a link to choose a new password.</p>
<form method="post" action="/admin/password-reset" class="stack">
${csrfField(frame.csrfToken)}
${inputField('email', 'Email', state, { type: 'email', required: true, autocomplete: 'username', maxlength: 254 })}
<div class="actions"><button type="submit">Send the link</button> <a href="/admin/">Back to sign in</a></div>
</form>
</div>`,
  );
}

/** Step 2: the same answer whether or not the email has an account. */
export function renderResetSent(frame: AdminFrame): string {
  return adminLayout(
    frame,
    'Check your email',
    html`<div class="sign-in">
<h1>Check your email</h1>
<p role="status">If an account exists for that address, we’ve sent a link to it. The link works once, for an hour.</p>
<p>No message after a few minutes? Check your spam folder, or <a href="/admin/password-reset">ask for another link</a>.</p>
<p><a href="/admin/">Back to sign in</a></p>
</div>`,
  );
}

/** Step 3: the new password, twice. */
export function renderNewPassword(frame: AdminFrame, token: string, state: FieldState): string {
  return adminLayout(
    frame,
    'Choose a new password',
    html`<div class="sign-in">
<h1>Choose a new password</h1>
${errorSummary(state, { password: 'New password', confirm: 'New password again' })}
<form method="post" action="/admin/password-reset/${token}" class="stack">
${csrfField(frame.csrfToken)}
${inputField('password', 'New password', state, { type: 'password', required: true, autocomplete: 'new-password', secret: true, hint: NEW_PASSWORD_HINT })}
${inputField('confirm', 'New password again', state, { type: 'password', required: true, autocomplete: 'new-password', secret: true })}
<div class="actions"><button type="submit">Set the new password</button></div>
</form>
</div>`,
  );
}

/** A link that is malformed, unknown, used or expired. */
export function renderResetInvalid(frame: AdminFrame): string {
  return adminLayout(
    frame,
    'This link no longer works',
    html`<div class="sign-in">
<h1>This link no longer works</h1>
<p>Password reset links work once, for an hour. This one has been used or has expired.</p>
<p><a class="button" href="/admin/password-reset">Ask for a new link</a></p>
</div>`,
  );
}

export { NEW_PASSWORD_HINT };
