import type { Kysely } from 'kysely';
import { z } from 'zod';
import { parseInput } from '../../lib/validate.js';
import type { DialectHelpers } from '../../storage/dialect/types.js';
import type { DB } from '../../storage/schema.js';

/** One line, no control characters: a header value nobody can smuggle another header into. */
const headerText = (max: number) =>
  z.string().trim().min(1).max(max).refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'must be one line of text');

/**
 * Headers the mailer writes itself (addresses, subject, identity, MIME structure): a custom
 * header may not set or repeat them.
 */
const RESERVED_HEADERS = new Set([
  'from', 'to', 'cc', 'bcc', 'reply-to', 'sender', 'subject', 'date', 'message-id', 'in-reply-to', 'references',
  'return-path', 'mime-version', 'content-type', 'content-transfer-encoding', 'content-disposition',
]);

/** A field name (RFC 5322 letters, digits and hyphens) that is not one of the mailer's own. */
const headerName = z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,75}$/, 'must be a header name')
  .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), 'is set by the mailer');

const mailSchema = z.object({
  to: z.string().trim().max(254).pipe(z.email()),
  subject: headerText(200),
  text: z.string().min(1).max(200_000),
  html: z.string().max(500_000).optional(),
  /** Extra header fields, such as List-Unsubscribe (RFC 2369, 8058): one line each. */
  headers: z.record(headerName, headerText(2000)).optional(),
  idempotencyKey: headerText(300),
});

/** A message to send; see queueMail. */
export type MailInput = z.input<typeof mailSchema>;

/** What an outbox row of kind `mail` holds in `payload`. */
export interface MailPayload {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra header fields (name → one-line value); absent on rows queued before they existed. */
  headers?: Record<string, string>;
}

/**
 * Queues a message in the outbox. Call it with the transaction of the change that causes the
 * mail, so both commit or neither does; the worker delivers it afterwards. A second call with
 * the same `idempotencyKey` is ignored (also under races), so one event never mails twice.
 * Returns false when the key was already there. Throws AppError('VALIDATION') for a bad address,
 * a subject or header value that is not one line, a header the mailer sets itself, or an empty text.
 */
export async function queueMail(db: Kysely<DB>, mail: MailInput, now: Date): Promise<boolean> {
  const { idempotencyKey, ...message } = parseInput(mailSchema, mail);
  const payload: MailPayload = message;
  const result = await db
    .insertInto('outbox')
    .values({
      kind: 'mail',
      idempotency_key: idempotencyKey,
      payload: JSON.stringify(payload),
      created_at: now.toISOString(),
      next_attempt_at: now.toISOString(),
      attempts: 0,
      sent_at: null,
      last_error: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return result !== undefined;
}

export interface ClaimedMail {
  id: number;
  idempotencyKey: string;
  payload: MailPayload;
  createdAt: Date;
  /** Including this claim. */
  attempts: number;
}

/**
 * Claims up to `limit` unsent messages whose time has come and that have had fewer than
 * `maxAttempts` tries, oldest first. The claim moves `next_attempt_at` to the end of the lease,
 * so no other worker takes the message while this one sends it (see DialectHelpers.claim).
 */
export async function claimPendingMail(
  db: Kysely<DB>,
  helpers: DialectHelpers,
  options: { now: Date; leaseMs: number; limit: number; maxAttempts: number },
): Promise<ClaimedMail[]> {
  const now = options.now.toISOString();
  const rows = await helpers.claim(
    db,
    (db) =>
      db
        .selectFrom('outbox')
        .select('id')
        .where('kind', '=', 'mail')
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .where('attempts', '<', options.maxAttempts)
        .orderBy('id')
        .limit(options.limit),
    (db, ids) =>
      db
        .updateTable('outbox')
        .set((eb) => ({ next_attempt_at: new Date(options.now.getTime() + options.leaseMs).toISOString(), attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', ids)
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .returning(['id', 'idempotency_key', 'payload', 'created_at', 'attempts'])
        .execute(),
  );
  return rows
    .sort((a, b) => a.id - b.id)
    .map((r) => ({ id: r.id, idempotencyKey: r.idempotency_key, payload: JSON.parse(r.payload) as MailPayload, createdAt: new Date(r.created_at), attempts: r.attempts }));
}

/** Records that the message left; it is never claimed again. */
export async function markMailSent(db: Kysely<DB>, id: number, now: Date): Promise<void> {
  await db.updateTable('outbox').set({ sent_at: now.toISOString(), last_error: null }).where('id', '=', id).execute();
}

/**
 * Records a failed try; the message is tried again at `retryAt`. Passing `exhausted` (the
 * delivery's maxAttempts) marks it out of tries, so no claim takes it again.
 */
export async function markMailFailed(db: Kysely<DB>, id: number, failure: { error: string; retryAt: Date; exhausted?: number }): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      last_error: failure.error.slice(0, 1000),
      next_attempt_at: failure.retryAt.toISOString(),
      ...(failure.exhausted !== undefined ? { attempts: failure.exhausted } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Puts a claimed message back untried: due again at `retryAt`, the claim's try not counted. */
export async function releaseMail(db: Kysely<DB>, id: number, retryAt: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ next_attempt_at: retryAt.toISOString(), attempts: eb('attempts', '-', 1) }))
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
}

/** Sent messages older than `olderThanMs` (private data: addresses): deleted, returns how many. */
export async function purgeSentMail(db: Kysely<DB>, now: Date, olderThanMs: number): Promise<number> {
  const result = await db
    .deleteFrom('outbox')
    .where('sent_at', '<=', new Date(now.getTime() - olderThanMs).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
