import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { clearSessionCookie, setSessionCookie } from '../../../http/session.js';
import { completePasswordReset, findPasswordReset, requestPasswordReset, type ResetTarget } from '../../accounts/password-reset.js';
import { createSession, SESSION_LIFETIME } from '../../accounts/sessions.js';
import { recordAudit } from '../../audit/index.js';
import { loadSettings } from '../../site/settings.js';
import { type AdminDeps, adminFrame, flash, sendPage } from '../context.js';
import { attempt, emptyForm, formBody, text, waitMessage } from '../views/forms.js';
import { renderNewPassword, renderResetInvalid, renderResetRequest, renderResetSent } from './reset-views.js';

const requestForm = z.object({ email: text(1000) });
const newPasswordForm = z.object({ password: text(2000), confirm: text(2000) });
const tokenOf = (params: unknown): string => String((params as { token?: unknown }).token ?? '');

/**
 * /admin/password-reset: ask for a link by email, then set a new password with it. Open to
 * signed-out visitors; the answers never tell whether an email has an account.
 */
export function registerPasswordResetRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const open = { config: { public: true } };

  app.get('/admin/password-reset', open, async (request, reply) =>
    sendPage(reply, renderResetRequest(await adminFrame(deps, request, reply), emptyForm())));

  app.post('/admin/password-reset', open, async (request, reply) => {
    const { email } = formBody(requestForm, request.body);
    const settings = await loadSettings(deps.db);
    const result = await requestPasswordReset(deps.db, { email, ip: request.ip, baseUrl: settings.baseUrl, siteTitle: settings.title }, deps.clock.now());
    const frame = await adminFrame(deps, request, reply);
    if (result.limited) {
      reply.header('retry-after', String(result.retryAfter));
      const error = waitMessage(result.retryAfter, 'Too many reset requests from your network');
      return sendPage(reply, renderResetRequest(frame, emptyForm({ email }), { error }), 429);
    }
    return sendPage(reply, renderResetSent(frame));
  });

  app.get('/admin/password-reset/:token', open, async (request, reply) => {
    const frame = await adminFrame(deps, request, reply);
    const target = await findPasswordReset(deps.db, tokenOf(request.params), deps.clock.now());
    if (!target) return sendPage(reply, renderResetInvalid(frame), 410);
    return sendPage(reply, renderNewPassword(frame, tokenOf(request.params), emptyForm()));
  });

  app.post('/admin/password-reset/:token', open, async (request, reply) => {
    const token = tokenOf(request.params);
    const form = formBody(newPasswordForm, request.body);
    const now = deps.clock.now();
    const result = await attempt(() => completePasswordReset(deps.db, { token, ...form }, now), 'password');
    if (!result.ok) return sendPage(reply, renderNewPassword(await adminFrame(deps, request, reply), token, { values: {}, errors: result.errors }), result.status);
    const target = result.value;
    if (!target) return sendPage(reply, renderResetInvalid(await adminFrame(deps, request, reply)), 410);
    return signInAfterReset(deps, request, reply, target, now);
  });
}

/**
 * After a reset: signs the user in — unless two-factor sign-in is on, since a link in a mailbox
 * is only one factor; then the sign-in form asks for the code as well.
 */
async function signInAfterReset(deps: AdminDeps, request: FastifyRequest, reply: FastifyReply, target: ResetTarget, now: Date) {
  if (target.totpEnabled) {
    clearSessionCookie(request, reply);
    flash(reply, 'Your password has been changed. Sign in with it and the code from your authenticator app.');
    return reply.redirect('/admin/', 303);
  }
  const session = await createSession(deps.db, target.userId, now, request.headers['user-agent'] ?? '');
  await recordAudit(deps.db, {
    action: 'user.sign_in', subject: `user:${target.userId}`, userId: target.userId, actor: target.email, details: { ip: request.ip, via: 'password-reset' },
  }, now);
  setSessionCookie(request, reply, session, SESSION_LIFETIME.absoluteMs / 1000);
  flash(reply, 'Your password has been changed, and you are signed in.');
  return reply.redirect('/admin/', 303);
}
