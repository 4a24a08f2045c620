import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';

export interface AuditEntry {
  /** e.g. `user.sign_in`, `post.publish`, `post.trash`, `user.role_change`. */
  action: string;
  /** e.g. `post:12`. */
  subject?: string;
  userId?: number | null;
  /** Name or email at the time of the action. */
  actor?: string;
  details?: Record<string, unknown>;
}

/** Who acts, as the admin passes it to a service: the user's id and, kept in the log, their email. */
export interface AuditActor {
  userId: number;
  actor: string;
}

/** Records who did what; call it inside the transaction of the change it describes. */
export async function recordAudit(db: Kysely<DB>, entry: AuditEntry, now: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now.toISOString(),
      user_id: entry.userId ?? null,
      actor: entry.actor ?? '',
      action: entry.action,
      subject: entry.subject ?? '',
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
}

/** The newest entries first, optionally only one action prefix (`post.`). */
export async function listAudit(db: Kysely<DB>, options: { limit: number; offset?: number; action?: string }): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').select(['id', 'at', 'actor', 'action', 'subject', 'details']);
  if (options.action) query = query.where('action', 'like', `${options.action}%`);
  const rows = await query.orderBy('id', 'desc').limit(options.limit).offset(options.offset ?? 0).execute();
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}
