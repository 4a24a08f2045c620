import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type ActiveSession, findSession } from '../features/accounts/sessions.js';
import type { Clock } from '../lib/clock.js';
import type { DB } from '../storage/schema.js';

export const SESSION_COOKIE = 'bs_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user's session, or null. Loaded only when the session cookie is present. */
    session: ActiveSession | null;
  }
}

/** Cookie options: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS. */
export function cookieOptions(request: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** Sets the session cookie for a new session token. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, maxAgeSeconds));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}

/** Loads `request.session` from the session cookie on every request that carries one. */
export function installSessions(app: FastifyInstance, deps: { db: Kysely<DB>; clock: Clock }): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.session = await findSession(deps.db, token, deps.clock.now());
    if (!request.session) clearSessionCookie(request, reply);
  });
}
