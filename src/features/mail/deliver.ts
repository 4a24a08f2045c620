import type { Kysely } from 'kysely';
import type { Logger } from '../../context.js';
import type { Clock } from '../../lib/clock.js';
import { sha256 } from '../../lib/tokens.js';
import type { DialectHelpers } from '../../storage/dialect/types.js';
import type { DB } from '../../storage/schema.js';
import { type ClaimedMail, claimPendingMail, markMailFailed, markMailSent, releaseMail } from './outbox.js';
import type { MailTransport, OutgoingMail } from './transport.js';

/**
 * Delivery policy: a claimed message is ours for 10 minutes (a send times out well before);
 * a failed one is tried again after 1 minute, doubling up to 6 hours, 12 tries in all (about a
 * day); a permanent refusal (SMTP 5xx) is not retried. Sent mail is kept 90 days, then purged.
 */
export const MAIL_DELIVERY = Object.freeze({
  leaseMs: 10 * 60_000,
  batch: 10,
  maxAttempts: 12,
  firstDelayMs: 60_000,
  maxDelayMs: 6 * 3600_000,
  keepSentMs: 90 * 24 * 3600_000,
});

export interface DeliveryDeps {
  db: Kysely<DB>;
  helpers: DialectHelpers;
  clock: Clock;
  log: Logger;
  transport: MailTransport;
  /** The From of every message (config MAIL_FROM). */
  from: string;
}

/**
 * Sends every message that is due, one batch after another until none is left. Each message is
 * sent by one worker at a time and marked sent as soon as the transport accepts it, so a row is
 * sent once (only a crash between acceptance and marking could repeat it; the Message-ID stays
 * the same so the receiving side can tell). When a send fails for a reason that may pass (server
 * down, 4xx), the rest of the batch is put back untried — `deferred`, its tries not counted — so
 * a dead server costs one timeout per round, not one per message. Never throws for a failed
 * send; database errors propagate.
 */
export async function deliverPendingMail(deps: DeliveryDeps, policy = MAIL_DELIVERY): Promise<{ sent: number; failed: number; deferred: number }> {
  const counts = { sent: 0, failed: 0, deferred: 0 };
  for (;;) {
    const batch = await claimPendingMail(deps.db, deps.helpers, {
      now: deps.clock.now(), leaseMs: policy.leaseMs, limit: policy.batch, maxAttempts: policy.maxAttempts,
    });
    for (const [index, mail] of batch.entries()) {
      const result = await deliverOne(deps, mail, policy);
      counts[result === 'sent' ? 'sent' : 'failed']++;
      if (result !== 'transient') continue;
      const rest = batch.slice(index + 1);
      const retryAt = new Date(deps.clock.now().getTime() + policy.firstDelayMs);
      for (const untried of rest) await releaseMail(deps.db, untried.id, retryAt);
      counts.deferred += rest.length;
      return counts;
    }
    if (batch.length < policy.batch) return counts;
  }
}

async function deliverOne(deps: DeliveryDeps, mail: ClaimedMail, policy: typeof MAIL_DELIVERY): Promise<'sent' | 'transient' | 'given-up'> {
  try {
    await deps.transport.send(outgoing(mail, deps.from));
  } catch (error) {
    const permanent = (error as { permanent?: boolean }).permanent === true;
    const giveUp = permanent || mail.attempts >= policy.maxAttempts;
    const delay = Math.min(policy.firstDelayMs * 2 ** (mail.attempts - 1), policy.maxDelayMs);
    const message = `${permanent ? 'refused: ' : ''}${(error as Error).message ?? String(error)}`;
    await markMailFailed(deps.db, mail.id, {
      error: message,
      retryAt: new Date(deps.clock.now().getTime() + delay),
      ...(giveUp ? { exhausted: policy.maxAttempts } : {}),
    });
    deps.log.warn({ outbox: mail.id, attempts: mail.attempts, error: message, via: deps.transport.description }, giveUp ? 'mail given up' : 'mail will be retried');
    return permanent ? 'given-up' : 'transient';
  }
  await markMailSent(deps.db, mail.id, deps.clock.now());
  return 'sent';
}

/** The message of an outbox row: always the same for the same row. */
export function outgoing(mail: ClaimedMail, from: string): OutgoingMail {
  const domain = from.match(/@([^>\s]+)>?\s*$/)?.[1] ?? 'localhost';
  return {
    outboxId: mail.id,
    from,
    to: mail.payload.to,
    subject: mail.payload.subject,
    text: mail.payload.text,
    ...(mail.payload.html !== undefined ? { html: mail.payload.html } : {}),
    ...(mail.payload.headers !== undefined ? { headers: mail.payload.headers } : {}),
    messageId: `<outbox.${mail.id}.${sha256(mail.idempotencyKey).slice(0, 16)}@${domain}>`,
    date: mail.createdAt,
  };
}
