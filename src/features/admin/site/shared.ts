import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, isAppError } from '../../../errors.js';
import type { Permission } from '../../accounts/permissions.js';
import type { AuditActor } from '../../audit/index.js';
import { type AdminDeps, currentUser, requirePermission } from '../context.js';
import type { AdminSection } from '../routes.js';

/** What the admin screens for running the site (pages, taxonomies, users, settings, audit) share. */

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

/** Parses a form body; a body of the wrong shape (only a forged form sends one) is BAD_REQUEST. */
export function formBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new AppError('BAD_REQUEST', { fields: parsed.error.issues.map((i) => i.path.join('.')) });
  return parsed.data;
}

/** A text field of a form: missing means empty. */
export const text = (max: number) => z.string().max(max).default('');

/** A number typed in a form (surrounding spaces allowed), or NaN so the service's schema names the field. */
export const typedNumber = (value: string): number => (/^\s*\d{1,6}\s*$/.test(value) ? Number(value) : Number.NaN);

/** A select of ids that may be left empty: '' → null. */
export const optionalId = z
  .string()
  .regex(/^\d{0,10}$/)
  .default('')
  .transform((v) => (v === '' ? null : Number(v)));

/** Checkboxes or a multiple select of ids: none, one or several values. */
export const idList = z
  .union([z.string(), z.array(z.string())])
  .default([])
  .transform((v) => [v].flat())
  .pipe(z.array(z.string().regex(ID).transform(Number)));

export type Attempt<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** Runs a service call; a VALIDATION error comes back as field errors for the form, anything else is thrown. */
export async function attempt<T>(work: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (isAppError(error, 'VALIDATION')) return { ok: false, errors: (error.details.fields ?? {}) as Record<string, string> };
    throw error;
  }
}

/** "1 post", "3 posts". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
