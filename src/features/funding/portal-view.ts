import { html } from '../../lib/html.js';
import type { Frame } from '../../views/frame.js';
import { layout } from '../../views/layout.js';
import type { PortalLink } from './portal.js';

/** What the manage page says above its form. */
export type ManageNotice = 'sent' | 'invalid' | 'limited' | 'unavailable';

/**
 * GET and POST /donate/manage/: the email form asking for a portal link, with the answer to a
 * request (always the same, whether the address gives monthly or not) or to a bad link.
 */
export function renderManagePage(frame: Frame, data: { csrfToken: string; notice?: ManageNotice; email?: string }): string {
  const f = frame.t.funding;
  const notice = data.notice === 'sent' ? html`<p class="notice" role="status">${f.manageSent}</p>`
    : data.notice === 'invalid' ? html`<p class="notice notice-error" role="alert">${f.linkInvalid}</p>`
      : data.notice === 'limited' ? html`<p class="notice notice-error" role="alert">${f.tooManyRequests}</p>`
        : data.notice === 'unavailable' ? html`<p class="notice notice-error" role="alert">${f.portalUnavailable}</p>` : html``;
  return layout(frame, { title: f.manageTitle, canonicalPath: '/donate/manage/', noindex: true }, html`<article class="donate donate-manage">
<h1>${f.manageTitle}</h1>
${notice}
<p>${f.manageIntro}</p>
<form class="donate-manage-form" method="post" action="/donate/manage/">
<input type="hidden" name="_csrf" value="${data.csrfToken}">
<p><label for="manage-email">${f.manageEmail}</label>
<input id="manage-email" name="email" type="email" required maxlength="320" autocomplete="email" value="${data.email ?? ''}"></p>
<p><button type="submit">${f.manageButton}</button></p>
</form>
</article>`);
}

/** GET /donate/manage/portal/: a valid link shows one button; pressing it opens Stripe's portal. */
export function renderPortalConfirm(frame: Frame, link: PortalLink, csrfToken: string): string {
  const f = frame.t.funding;
  return layout(frame, { title: f.portalTitle, noindex: true }, html`<article class="donate donate-manage">
<h1>${f.portalTitle}</h1>
<p>${f.portalIntro}</p>
<form method="post" action="/donate/manage/portal/">
<input type="hidden" name="_csrf" value="${csrfToken}">
<input type="hidden" name="d" value="${link.d}">
<input type="hidden" name="x" value="${link.x}">
<input type="hidden" name="s" value="${link.s}">
<p><button type="submit">${f.portalButton}</button></p>
</form>
</article>`);
}
