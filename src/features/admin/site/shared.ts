import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../errors.js';
import type { Permission } from '../../accounts/permissions.js';
import type { AuditActor } from '../../audit/index.js';
import { type AdminDeps, currentUser, requirePermission } from '../context.js';
import type { AdminSection } from '../routes.js';

/**
 * What the admin screens for running the site (pages, taxonomies, users, settings, audit) share.
 * The form helpers live in `views/forms.ts` with the form controls; they are re-exported here so
 * a section imports what it needs from one place.
 */
export { attempt, type Attempt, formBody, idList, optionalId, text, typedNumber } from '../views/forms.js';

/**
 * An admin section whose every route needs `permission`. The check is one preHandler on the
 * section's own plugin context, so a route added later cannot forget it.
 */
export function guardedSection(permission: Permission, register: (app: FastifyInstance, deps: AdminDeps) => void): AdminSection {
  return (app, deps) => {
    void app.register(async (scoped) => {
      scoped.addHook('preHandler', async (request) => {
        requirePermission(request, permission);
      });
      register(scoped, deps);
    });
  };
}

/** The signed-in user as the audit log records them. */
export function actorOf(request: FastifyRequest): AuditActor {
  const user = currentUser(request);
  return { userId: user.id, actor: user.email };
}

const ID = /^[1-9]\d{0,9}$/;

/** The numeric `:id` of the route; anything else answers 404. */
export function routeId(request: FastifyRequest): number {
  const id = (request.params as { id?: unknown }).id;
  if (typeof id !== 'string' || !ID.test(id)) throw new AppError('NOT_FOUND');
  return Number(id);
}

/** The value, or NOT_FOUND when a lookup found nothing. */
export function orNotFound<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new AppError('NOT_FOUND');
  return value;
}

/** "1 post", "3 posts". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
