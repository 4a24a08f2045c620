import type { FastifyReply, FastifyRequest } from 'fastify';
import { isNotModified, validatorsFor } from './conditional.js';

export interface Cacheable {
  contentType: string;
  /** Everything the body is made from; hashed into the ETag. */
  model: unknown;
  /** ISO instant of the newest thing in it (Last-Modified). */
  newest: string;
  render(): string;
}

/**
 * Sends a generated document with ETag and Last-Modified, or an empty 304 when the client's
 * copy is current (the body is then never rendered).
 */
export function sendCacheable(request: FastifyRequest, reply: FastifyReply, doc: Cacheable): FastifyReply {
  const validators = validatorsFor(doc.model, doc.newest);
  reply.header('etag', validators.etag).header('last-modified', validators.lastModified);
  reply.header('cache-control', 'public, max-age=0, must-revalidate');
  if (isNotModified(request.headers, validators)) return reply.code(304).send();
  return reply.type(doc.contentType).send(doc.render());
}
