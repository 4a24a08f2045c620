import type { Kysely } from 'kysely';
import type { Logger } from '../../context.js';
import type { Clock } from '../../lib/clock.js';
import type { DialectHelpers } from '../../storage/dialect/types.js';
import type { DB, JobRow } from '../../storage/schema.js';
import { claimDueJobs, type JobOutcome, releaseJob, renewLease } from './lease.js';

/** What a handler is given besides its payload. */
export interface JobContext {
  db: Kysely<DB>;
  /** The injected clock's time when the job started. */
  now: Date;
  log: Logger;
  job: { id: number; kind: string; attempts: number; uniqueKey: string | null };
  /**
   * Extends this job's lease by the worker's lease time from now, for handlers that may run
   * longer than one lease: call it now and then. False means the lease was lost (another worker
   * took the job): stop without writing anything more.
   */
  renewLease(): Promise<boolean>;
}

/**
 * Runs the jobs of one kind. Throwing means "try again later" (with back-off) until
 * `maxAttempts`, then the job is `failed` with the last error kept. A handler must finish within
 * the worker's lease (5 minutes by default); it should be idempotent, because a worker that dies
 * mid-job leaves it to run again once the lease expires.
 */
export interface JobHandler {
  run(payload: unknown, ctx: JobContext): Promise<void>;
  /** Claims before giving up, counting runs cut short by a crash (default JOB_RETRY.maxAttempts). */
  maxAttempts?: number;
  /** Makes the job recurring: after each run (failed or not) it is due again `everyMs` later. */
  everyMs?: number;
}

export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** Retry policy: 30 s after the first failure, doubling, at most an hour apart, 5 tries in all. */
export const JOB_RETRY = Object.freeze({ maxAttempts: 5, firstDelayMs: 30_000, maxDelayMs: 3600_000 });

/** The wait before try number `attempts + 1`, after `attempts` tries failed. */
export function retryDelayMs(attempts: number, policy: { firstDelayMs: number; maxDelayMs: number } = JOB_RETRY): number {
  return Math.min(policy.firstDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
}

export interface RunDeps {
  db: Kysely<DB>;
  helpers: DialectHelpers;
  clock: Clock;
  log: Logger;
}

export interface RunOptions {
  workerId: string;
  leaseMs: number;
  /** Jobs claimed (and run concurrently) at once. */
  batch: number;
}

export interface RunSummary {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
}

/**
 * Claims one batch of due jobs whose kinds have handlers and runs them. Never throws for a
 * handler's error (it becomes a retry or a failure); database errors propagate.
 */
export async function runDueJobs(deps: RunDeps, handlers: JobHandlers, options: RunOptions): Promise<RunSummary> {
  const jobs = await claimDueJobs(deps.db, deps.helpers, {
    workerId: options.workerId,
    now: deps.clock.now(),
    leaseMs: options.leaseMs,
    limit: options.batch,
    kinds: Object.keys(handlers),
  });
  const outcomes = await Promise.all(jobs.map((job) => runOne(deps, handlers[job.kind]!, job, options)));
  return {
    claimed: jobs.length,
    done: outcomes.filter((o) => o === 'done' || o === 'recur').length,
    retried: outcomes.filter((o) => o === 'retry').length,
    failed: outcomes.filter((o) => o === 'failed').length,
  };
}

async function runOne(deps: RunDeps, handler: JobHandler, job: JobRow, options: RunOptions): Promise<JobOutcome['kind']> {
  const workerId = options.workerId;
  const maxAttempts = handler.maxAttempts ?? JOB_RETRY.maxAttempts;
  let outcome: JobOutcome;
  if (!handler.everyMs && job.attempts > maxAttempts) {
    // Claimed again after its lease expired too often: the job itself keeps killing workers.
    outcome = { kind: 'failed', error: job.last_error ?? `gave up after ${maxAttempts} tries that never finished` };
  } else {
    outcome = await attempt(deps, handler, job, maxAttempts, options);
  }
  const kept = await releaseJob(deps.db, { id: job.id, workerId }, outcome, deps.clock.now());
  if (!kept) deps.log.warn({ job: job.id, kind: job.kind }, 'job lease expired before it finished; another worker has it');
  if (outcome.kind === 'retry' || outcome.kind === 'failed') {
    deps.log.warn({ job: job.id, kind: job.kind, attempts: job.attempts, error: outcome.error }, `job ${outcome.kind === 'failed' ? 'failed' : 'will be retried'}`);
  }
  return outcome.kind;
}

async function attempt(deps: RunDeps, handler: JobHandler, job: JobRow, maxAttempts: number, options: RunOptions): Promise<JobOutcome> {
  const started = deps.clock.now();
  try {
    const payload: unknown = JSON.parse(job.payload);
    await handler.run(payload, {
      db: deps.db,
      now: started,
      log: deps.log,
      job: { id: job.id, kind: job.kind, attempts: job.attempts, uniqueKey: job.unique_key },
      renewLease: () => renewLease(deps.db, { id: job.id, workerId: options.workerId }, new Date(deps.clock.now().getTime() + options.leaseMs)),
    });
    if (handler.everyMs) return { kind: 'recur', at: new Date(deps.clock.now().getTime() + handler.everyMs), error: null };
    return { kind: 'done' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const now = deps.clock.now();
    if (handler.everyMs) return { kind: 'recur', at: new Date(now.getTime() + handler.everyMs), error: message };
    if (job.attempts >= maxAttempts) return { kind: 'failed', error: message };
    return { kind: 'retry', at: new Date(now.getTime() + retryDelayMs(job.attempts)), error: message };
  }
}
