import type { FastifyReply, FastifyRequest } from 'fastify';
import { findFragments } from './fragments.js';
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

/** A body cut at its slots, and the content of its fragments (in the order of their slots). */
export interface CutBody {
  parts: string[];
  slots: Slot[];
  fragments: { name: string; key: string; body: string }[];
}

/**
 * Cuts `body` at the marked fragments named in `fragmentNames` (see fragments.ts) and, outside
 * them, at the values of the form fields in `fields`. One part and no slots when none occur.
 */
export function cutSlots(body: string, fields: ReadonlySet<string>, fragmentNames: Iterable<string> = []): CutBody {
  const out: CutBody = { parts: [], slots: [], fragments: [] };
  let current = '';
  let last = 0;
  const cutFields = (end: number) => {
    const segment = body.slice(last, end);
    let from = 0;
    for (const match of segment.matchAll(FIELD_VALUE)) {
      const field = match[1]!;
      if (!fields.has(field)) continue;
      const start = match.index + match[0].length - match[2]!.length - 1;
      out.parts.push(current + segment.slice(from, start));
      current = '';
      out.slots.push({ kind: 'field', field, original: match[2]! });
      from = start + match[2]!.length;
    }
    current += segment.slice(from);
  };
  for (const fragment of findFragments(body, fragmentNames)) {
    cutFields(fragment.start);
    out.parts.push(current);
    current = '';
    out.slots.push({ kind: 'fragment', name: fragment.name, key: fragment.key });
    out.fragments.push({ name: fragment.name, key: fragment.key, body: body.slice(fragment.start, fragment.end) });
    last = fragment.end;
  }
  cutFields(body.length);
  out.parts.push(current);
  return out;
}

/** This reader's value of each field slot, in order, made HTML-attribute safe. */
export async function fieldValues(
  page: { slots: readonly Slot[] },
  fill: { request: FastifyRequest; reply: FastifyReply; fillers: Readonly<Record<string, SlotFiller>> },
): Promise<Buffer[]> {
  const values: Buffer[] = [];
  for (const slot of page.slots) {
    if (slot.kind !== 'field') continue;
    const value = await fill.fillers[slot.field]!(fill.request, fill.reply, slot.original);
    values.push(Buffer.from(value.replace(/[^A-Za-z0-9._~-]/g, '')));
  }
  return values;
}

/** The body: the parts with `fragments` and field `values` (one per slot of each kind, in order) between them. */
export function assemble(page: { parts: readonly Buffer[]; slots: readonly Slot[] }, fragments: readonly Buffer[], values: readonly Buffer[] = []): Buffer {
  if (page.slots.length === 0) return page.parts[0]!;
  const chunks: Buffer[] = [page.parts[0]!];
  let fragment = 0;
  let value = 0;
  for (let i = 0; i < page.slots.length; i++) {
    chunks.push(page.slots[i]!.kind === 'fragment' ? fragments[fragment++]! : values[value++]!, page.parts[i + 1]!);
  }
  return Buffer.concat(chunks);
}

/** The stretches of the body between field slots, fragments spliced in: what is the same for every reader. */
export function sharedSegments(page: { parts: readonly Buffer[]; slots: readonly Slot[] }, fragments: readonly Buffer[]): Buffer[] {
  const segments: Buffer[] = [];
  let current: Buffer[] = [page.parts[0]!];
  let fragment = 0;
  for (let i = 0; i < page.slots.length; i++) {
    if (page.slots[i]!.kind === 'fragment') current.push(fragments[fragment++]!);
    else {
      segments.push(Buffer.concat(current));
      current = [];
    }
    current.push(page.parts[i + 1]!);
  }
  segments.push(Buffer.concat(current));
  return segments;
}

/** Whether any slot of the page is a per-reader field (such pages differ per reader). */
export const hasFieldSlots = (slots: readonly Slot[]) => slots.some((s) => s.kind === 'field');
