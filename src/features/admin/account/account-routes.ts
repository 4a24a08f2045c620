import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  changeOwnPassword, countOwnSessions, disableTwoFactor, enableTwoFactor, newTwoFactorSecret,
} from '../../accounts/own-account.js';
import { totpUri } from '../../accounts/totp.js';
import { type AdminDeps, adminFrame, currentUser, flash, sendPage } from '../context.js';
import { attempt, emptyForm, type FieldState, formBody, text } from '../views/forms.js';
import { renderAccount, renderTwoFactorSetup } from './account-views.js';
import { qrSvg } from './qr.js';

const passwordForm = z.object({ current: text(2000), password: text(2000), confirm: text(2000) });
const enableForm = z.object({ secret: text(64), code: text(20) });
const disableForm = z.object({ off_password: text(2000) });

/** /admin/account: every signed-in user's own password, two-factor sign-in and sessions. */
export function registerAccountRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const showAccount = async (request: FastifyRequest, reply: FastifyReply, forms: { password?: FieldState; twoFactor?: FieldState } = {}, status = 200) => {
    const user = currentUser(request);
    const sessions = await countOwnSessions(deps.db, user.id, deps.clock.now());
    const page = { email: user.email, name: user.name, role: user.role, totpEnabled: user.totpEnabled, sessions };
    return sendPage(reply, renderAccount(await adminFrame(deps, request, reply), page, forms), status);
  };

  app.get('/admin/account', async (request, reply) => showAccount(request, reply));

  app.post('/admin/account/password', async (request, reply) => {
    const user = currentUser(request);
    const form = formBody(passwordForm, request.body);
    const keepSession = request.session!.idHash;
    const result = await attempt(() => changeOwnPassword(deps.db, user, { ...form, keepSession }, deps.clock.now()), 'current');
    if (!result.ok) return showAccount(request, reply, { password: { values: {}, errors: result.errors } }, result.status);
    const ended = result.value;
    flash(reply, `Your password has been changed.${ended ? ` Signed out of ${ended} other session${ended === 1 ? '' : 's'}.` : ''}`);
    return reply.redirect('/admin/account', 303);
  });

  registerTwoFactorRoutes(app, deps, showAccount);
}

type ShowAccount = (request: FastifyRequest, reply: FastifyReply, forms?: { twoFactor?: FieldState }, status?: number) => Promise<FastifyReply>;

/** /admin/account/two-factor: set up (key, link, QR code, confirming code) and turn off. */
function registerTwoFactorRoutes(app: FastifyInstance, deps: AdminDeps, showAccount: ShowAccount): void {
  app.get('/admin/account/two-factor', async (request, reply) => {
    const user = currentUser(request);
    if (user.totpEnabled) return reply.redirect('/admin/account', 303);
    return showSetup(request, reply, newTwoFactorSecret(), emptyForm());
  });

  app.post('/admin/account/two-factor', async (request, reply) => {
    const user = currentUser(request);
    const form = formBody(enableForm, request.body);
    const result = await attempt(() => enableTwoFactor(deps.db, user, form, deps.clock.now()), 'code');
    if (!result.ok) return showSetup(request, reply, form.secret, { values: {}, errors: result.errors }, result.status);
    flash(reply, 'Two-factor sign-in is on. Signing in now asks for a code from your app.');
    return reply.redirect('/admin/account', 303);
  });

  app.post('/admin/account/two-factor/disable', async (request, reply) => {
    const user = currentUser(request);
    const form = formBody(disableForm, request.body);
    const result = await attempt(() => disableTwoFactor(deps.db, user, { password: form.off_password }, deps.clock.now()), 'off_password');
    if (!result.ok) return showAccount(request, reply, { twoFactor: { values: {}, errors: result.errors } }, result.status);
    flash(reply, 'Two-factor sign-in is off.');
    return reply.redirect('/admin/account', 303);
  });

  async function showSetup(request: FastifyRequest, reply: FastifyReply, secret: string, state: FieldState, status = 200) {
    const frame = await adminFrame(deps, request, reply);
    const uri = totpUri(secret, currentUser(request).email, frame.siteTitle);
    const qr = qrSvg(uri, 'QR code of the key, for your authenticator app');
    return sendPage(reply, renderTwoFactorSetup(frame, { secret, uri, qrSvg: qr }, state), status);
  }
}
