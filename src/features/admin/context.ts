import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { Invalidator } from '../cache/index.js';
import type { DB } from '../../storage/schema.js';
import { can, type Permission } from '../accounts/permissions.js';
import type { SignedInUser } from '../accounts/sessions.js';
import { loadSettings } from '../site/settings.js';
import type { AdminFrame } from './views/layout.js';

/** What every admin route receives. */
export interface AdminDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Told by the services what public pages changed (see features/cache). */
  invalidator?: Invalidator | undefined;
  assets: { stylesheet: string; script: string };
  /** The admin import page: the data folder (uploads wait in `imports/`) and the largest upload (IMPORT_MAX_MB). */
  imports: { dataDir: string; maxMb: number };
}

const NOTICE_COOKIE = 'bs_notice';

/** The signed-in user, or throws UNAUTHENTICATED (the admin plugin turns that into the sign-in page). */
export function currentUser(request: FastifyRequest): SignedInUser {
  if (!request.session) throw new AppError('UNAUTHENTICATED');
  return request.session.user;
}

/** The signed-in user when they hold `permission`; otherwise throws UNAUTHENTICATED or FORBIDDEN. */
export function requirePermission(request: FastifyRequest, permission: Permission): SignedInUser {
  const user = currentUser(request);
  if (!can(user.role, permission)) throw new AppError('FORBIDDEN', { permission });
  return user;
}

/** Shows `message` once on the next admin page (after a redirect). */
export function flash(reply: FastifyReply, message: string): void {
  reply.setCookie(NOTICE_COOKIE, encodeURIComponent(message.slice(0, 200)), { path: '/admin', httpOnly: true, sameSite: 'lax' });
}

/** The frame of an admin page: site title, assets, user, CSRF token, and a one-off notice. */
export async function adminFrame(deps: AdminDeps, request: FastifyRequest, reply: FastifyReply): Promise<AdminFrame> {
  const settings = await loadSettings(deps.db);
  const raw = request.cookies[NOTICE_COOKIE];
  let notice: string | undefined;
  if (raw) {
    reply.clearCookie(NOTICE_COOKIE, { path: '/admin' });
    try {
      notice = decodeURIComponent(raw);
    } catch {
      notice = undefined;
    }
  }
  return {
    siteTitle: settings.title,
    stylesheet: deps.assets.stylesheet,
    script: deps.assets.script,
    user: request.session?.user ?? null,
    csrfToken: request.csrfToken(reply),
    ...(notice ? { notice } : {}),
  };
}

/** Sends an admin page; admin pages are private and never cached. */
export function sendPage(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
}

/** A local path to go back to after signing in; anything else becomes /admin/. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/admin\/[^\\]*$/.test(next) && !next.startsWith('//') ? next : '/admin/';
}
