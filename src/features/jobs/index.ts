export { claimDueJobs, releaseJob, renewLease, type ClaimOptions, type JobOutcome } from './lease.js';
export {
  purgeExpiredSessions, purgeFinishedJobs, purgeOldRateLimits, purgePasswordResets, RETENTION,
} from './purges.js';
export { enqueueJob, type EnqueueResult, type JobInput } from './queue.js';
export {
  JOB_RETRY, retryDelayMs, runDueJobs, type JobContext, type JobHandler, type JobHandlers, type RunDeps, type RunSummary,
} from './run.js';
export { scheduleSweeps, type Sweep, sweepHandlers, sweepKey } from './sweeps.js';
export { createWorker, type Poller, type Worker, WORKER_DEFAULTS, type WorkerOptions } from './worker.js';
