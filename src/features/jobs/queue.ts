import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';

/** A job to run later: `kind` names its handler, `payload` is its JSON-serialisable input. */
export interface JobInput {
  kind: string;
  /** When it becomes due; now or in the past runs it at the worker's next poll. */
  runAt: Date;
  payload?: unknown;
  /**
   * At most one job exists per key (`publish:post:12`, `digest:2026-06-15`): enqueueing a key
   * that is already in the table — pending, running, done or failed — changes nothing. Finished
   * jobs stay 30 days (RETENTION.finishedJobsMs), so a key is not reused within that time.
   */
  uniqueKey?: string;
}

export interface EnqueueResult {
  /** The id of the job with this key: the new one, or the one already there. */
  id: number;
  /** False when a job with the same unique key already existed. */
  created: boolean;
}

/**
 * Adds a job to the jobs table. Call it with the transaction of the change that causes the job,
 * so the two commit together. Idempotent by `uniqueKey` (see JobInput), also under races: the
 * unique index decides, and the loser gets the winner's id.
 */
export async function enqueueJob(db: Kysely<DB>, job: JobInput, now: Date): Promise<EnqueueResult> {
  const inserted = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      run_at: job.runAt.toISOString(),
      payload: JSON.stringify(job.payload ?? {}),
      unique_key: job.uniqueKey ?? null,
      status: 'pending',
      attempts: 0,
      locked_until: null,
      locked_by: null,
      last_error: null,
      created_at: now.toISOString(),
      finished_at: null,
    })
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db.selectFrom('jobs').select('id').where('unique_key', '=', job.uniqueKey!).executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}
