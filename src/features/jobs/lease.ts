import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DialectHelpers } from '../../storage/dialect/types.js';
import type { DB, JobRow } from '../../storage/schema.js';

/**
 * Claiming jobs with a lease, and releasing them. A claimed job is `running`, `locked_by` its
 * worker until `locked_until`; a worker that dies leaves the lease to expire, and the next claim
 * after that takes the job again (at-least-once for crashes, exactly-once otherwise).
 */
export interface ClaimOptions {
  workerId: string;
  now: Date;
  leaseMs: number;
  limit: number;
  /** Only jobs of these kinds are claimed: a worker never takes work it has no handler for. */
  kinds: readonly string[];
}

/**
 * Claims up to `limit` due jobs, oldest `run_at` first: pending ones whose time has come, and
 * running ones whose lease has expired. The update re-checks that each row is still due, so two
 * workers can never both claim a job; on PostgreSQL the pick also skips rows another worker is
 * claiming (see DialectHelpers.claim). Each claim counts one attempt.
 */
export async function claimDueJobs(db: Kysely<DB>, helpers: DialectHelpers, options: ClaimOptions): Promise<JobRow[]> {
  if (options.kinds.length === 0 || options.limit <= 0) return [];
  const now = options.now.toISOString();
  const due = (eb: ExpressionBuilder<DB, 'jobs'>) =>
    eb.and([
      eb('kind', 'in', options.kinds),
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', now)]),
      ]),
    ]);
  const rows = await helpers.claim(
    db,
    (db) => db.selectFrom('jobs').select('id').where(due).orderBy('run_at').orderBy('id').limit(options.limit),
    (db, ids) =>
      db
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          locked_by: options.workerId,
          locked_until: new Date(options.now.getTime() + options.leaseMs).toISOString(),
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', 'in', ids)
        .where(due)
        .returningAll()
        .execute(),
  );
  return rows.sort((a, b) => a.run_at.localeCompare(b.run_at) || a.id - b.id);
}

/** What became of a claimed job; applied only while `workerId` still holds its lease. */
export type JobOutcome =
  | { kind: 'done' }
  | { kind: 'retry'; at: Date; error: string }
  | { kind: 'failed'; error: string }
  /** Recurring jobs (sweeps) go back to pending for their next run, with their attempts reset. */
  | { kind: 'recur'; at: Date; error: string | null };

/**
 * Records the outcome of a job. Returns false (and changes nothing) when the lease was lost —
 * it expired and another worker claimed the job — so a slow worker never overwrites a newer run.
 */
export async function releaseJob(db: Kysely<DB>, job: { id: number; workerId: string }, outcome: JobOutcome, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const unlock = { locked_by: null, locked_until: null };
  const change =
    outcome.kind === 'done' ? { ...unlock, status: 'done' as const, finished_at: at, last_error: null }
    : outcome.kind === 'failed' ? { ...unlock, status: 'failed' as const, finished_at: at, last_error: outcome.error }
    : outcome.kind === 'retry' ? { ...unlock, status: 'pending' as const, run_at: outcome.at.toISOString(), last_error: outcome.error }
    : { ...unlock, status: 'pending' as const, run_at: outcome.at.toISOString(), last_error: outcome.error, attempts: 0, finished_at: at };
  const result = await db
    .updateTable('jobs')
    .set(change)
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', job.workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Pushes the lease of a job this worker holds to `until`, for a handler that runs longer than
 * the lease (an import). Returns false when the lease was already lost to another worker.
 */
export async function renewLease(db: Kysely<DB>, job: { id: number; workerId: string }, until: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ locked_until: until.toISOString() })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', job.workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
