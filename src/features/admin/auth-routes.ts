import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { SESSION_LIFETIME, createSession, deleteSession, deleteUserSessions } from '../accounts/sessions.js';
import { checkSignIn } from '../accounts/sign-in.js';
import { clearSessionCookie, setSessionCookie } from '../../http/session.js';
import { type AdminDeps, adminFrame, currentUser, flash, safeNext, sendPage } from './context.js';
import { emptyForm } from './views/forms.js';
import { renderSignIn } from './views/sign-in.js';

const signInBody = z.object({
  email: z.string().max(254).default(''),
  password: z.string().max(1000).default(''),
  code: z.string().max(20).optional(),
  next: z.string().max(500).optional(),
});

/** Sign in (with optional two-factor code), sign out, and sign out everywhere. */
export function registerAuthRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.post('/admin/sign-in', { config: { public: true } }, async (request, reply) => {
    const body = signInBody.parse(request.body ?? {});
    const now = deps.clock.now();
    const result = await checkSignIn(deps.db, { email: body.email, password: body.password, code: body.code, ip: request.ip }, now);
    if (!result.ok) {
      const frame = await adminFrame(deps, request, reply);
      const state = emptyForm({ email: body.email });
      const next = body.next ? safeNext(body.next) : undefined;
      if (result.reason === 'locked') {
        const minutes = Math.max(1, Math.ceil(result.retryAfter / 60));
        reply.header('retry-after', String(result.retryAfter));
        return sendPage(reply, renderSignIn(frame, state, { next, error: `Too many failed attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.` }), 429);
      }
      const askCode = result.reason !== 'invalid';
      const error =
        result.reason === 'invalid' ? 'That email and password do not match an account. Check them and try again.'
        : result.reason === 'code-required' ? 'Enter the code from your authenticator app to finish signing in.'
        : 'That code is not right. Enter the current code from your authenticator app.';
      return sendPage(reply, renderSignIn(frame, state, { next, error, askCode }), 401);
    }
    const token = await createSession(deps.db, result.userId, now, request.headers['user-agent'] ?? '');
    await recordAudit(deps.db, { action: 'user.sign_in', subject: `user:${result.userId}`, userId: result.userId, actor: result.email, details: { ip: request.ip } }, now);
    setSessionCookie(request, reply, token, SESSION_LIFETIME.absoluteMs / 1000);
    return reply.redirect(safeNext(body.next), 303);
  });

  app.post('/admin/sign-out', { config: { public: true } }, async (request, reply) => {
    if (request.session) {
      await deleteSession(deps.db, request.session.idHash);
      await recordAudit(deps.db, { action: 'user.sign_out', userId: request.session.user.id, actor: request.session.user.email }, deps.clock.now());
    }
    clearSessionCookie(request, reply);
    return reply.redirect('/admin/', 303);
  });

  app.post('/admin/sign-out-everywhere', async (request, reply) => {
    const user = currentUser(request);
    const ended = await deleteUserSessions(deps.db, user.id);
    await recordAudit(deps.db, { action: 'user.sign_out_everywhere', userId: user.id, actor: user.email, details: { sessions: ended } }, deps.clock.now());
    clearSessionCookie(request, reply);
    flash(reply, `Signed out of ${ended} session${ended === 1 ? '' : 's'}.`);
    return reply.redirect('/admin/', 303);
  });
}
