import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { randomToken, safeEqual } from '../lib/tokens.js';
import { cookieOptions } from './session.js';

export const CSRF_COOKIE = 'bs_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The token every state-changing form must send back in `_csrf` (or the X-CSRF-Token
     * header): the session's own token when signed in, otherwise a random one kept in a cookie
     * (set only when a page asks for it, so cached public pages stay cookie-free).
     */
    csrfToken(reply: FastifyReply): string;
  }
  interface FastifyContextConfig {
    /** Set to false on routes that authenticate otherwise (signed webhooks). */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses every state-changing request that does not carry the right token, and any whose
 * Origin header names another site. Routes opt out with `config: { csrf: false }`.
 */
export function installCsrf(app: FastifyInstance): void {
  app.decorateRequest('csrfToken', function (this: FastifyRequest, reply: FastifyReply): string {
    if (this.session) return this.session.csrfToken;
    const existing = this.cookies[CSRF_COOKIE];
    if (existing && /^[A-Za-z0-9_-]{20,64}$/.test(existing)) return existing;
    const token = randomToken(24);
    reply.setCookie(CSRF_COOKIE, token, cookieOptions(this));
    this.cookies[CSRF_COOKIE] = token;
    return token;
  });

  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config.csrf === false) return;
    const origin = request.headers.origin;
    if (origin && origin !== 'null' && hostOf(origin) !== request.host) throw new AppError('CSRF', { reason: 'origin' });
    const expected = request.session?.csrfToken ?? request.cookies[CSRF_COOKIE];
    const body = request.body as Record<string, unknown> | undefined;
    const sent = (typeof body?.[CSRF_FIELD] === 'string' ? body[CSRF_FIELD] : undefined) ?? request.headers[CSRF_HEADER] ?? multipartToken(request);
    if (!expected || typeof sent !== 'string' || !safeEqual(sent, expected)) {
      throw new AppError('CSRF', { reason: 'token' });
    }
  });
}

/**
 * A file upload's body is streamed to disk by its route, after this check: it cannot be read
 * here. A form with enctype="multipart/form-data" therefore carries the token in its action's
 * query string (`?_csrf=…`), accepted for multipart requests only.
 */
function multipartToken(request: FastifyRequest): string | undefined {
  if (!request.headers['content-type']?.toLowerCase().startsWith('multipart/form-data')) return undefined;
  const value = (request.query as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  return typeof value === 'string' ? value : undefined;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
