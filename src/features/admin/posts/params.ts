import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../errors.js';

const positiveId = z.string().regex(/^[1-9]\d{0,9}$/).transform(Number);
const idParams = z.object({ id: positiveId });
const revisionParams = z.object({ id: positiveId, revisionId: positiveId });

/** The post id in `/admin/posts/:id…`; anything else is a 404. */
export function postIdOf(request: FastifyRequest): number {
  const parsed = idParams.safeParse(request.params);
  if (!parsed.success) throw new AppError('NOT_FOUND');
  return parsed.data.id;
}

/** The post and revision ids in `/admin/posts/:id/revisions/:revisionId…`; anything else is a 404. */
export function revisionIdsOf(request: FastifyRequest): { id: number; revisionId: number } {
  const parsed = revisionParams.safeParse(request.params);
  if (!parsed.success) throw new AppError('NOT_FOUND');
  return parsed.data;
}
