import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Slot } from './store.js';

/**
 * Per-reader values in otherwise shared pages. The comment form carries two hidden fields that
 * must not be shared between readers: `_csrf` (the double-submit token kept in each browser's own
 * cookie) and `formToken` (signed "form shown at" time, which the spam rules age). A cached page
 * is stored cut at those values, and each reader gets their own spliced in: their CSRF cookie's
 * token (a new one, with its cookie, when they have none) and a form token issued now. So one
 * reader's token never reaches another, and a bot cannot skip the minimum form time by fetching
 * an old cached page.
 */
export type SlotFiller = (request: FastifyRequest, reply: FastifyReply, original: string) => string | Promise<string>;

const FIELD_VALUE = /name="([A-Za-z_][\w-]{0,40})" value="([^"]*)"/g;

/** Cuts `body` at the values of the fields in `fillers`; one part and no slots when none occur. */
export function cutSlots(body: string, fields: ReadonlySet<string>): { parts: string[]; slots: Slot[] } {
  const parts: string[] = [];
  const slots: Slot[] = [];
  let last = 0;
  for (const match of body.matchAll(FIELD_VALUE)) {
    const field = match[1]!;
    if (!fields.has(field)) continue;
    const start = match.index + match[0].length - match[2]!.length - 1;
    parts.push(body.slice(last, start));
    slots.push({ field, original: match[2]! });
    last = start + match[2]!.length;
  }
  parts.push(body.slice(last));
  return { parts, slots };
}

/** The body for this reader: the parts with each slot's value filled in (HTML-attribute safe). */
export async function fillSlots(
  request: FastifyRequest,
  reply: FastifyReply,
  page: { parts: readonly Buffer[]; slots: readonly Slot[] },
  fillers: Readonly<Record<string, SlotFiller>>,
): Promise<Buffer> {
  const chunks: Buffer[] = [page.parts[0]!];
  for (let i = 0; i < page.slots.length; i++) {
    const slot = page.slots[i]!;
    const value = await fillers[slot.field]!(request, reply, slot.original);
    chunks.push(Buffer.from(value.replace(/[^A-Za-z0-9._~-]/g, '')), page.parts[i + 1]!);
  }
  return Buffer.concat(chunks);
}
