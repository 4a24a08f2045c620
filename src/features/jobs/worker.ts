import os from 'node:os';
import { randomToken } from '../../lib/tokens.js';
import { type JobHandlers, type RunDeps, runDueJobs } from './run.js';
import { scheduleSweeps, type Sweep, sweepHandlers } from './sweeps.js';

/** Work done on every poll besides jobs (delivering the outbox). Errors are logged, never fatal. */
export interface Poller {
  name: string;
  run(): Promise<unknown>;
}

export interface WorkerOptions {
  /** How often due jobs and pollers are looked for (default 2 s). */
  pollMs?: number;
  /** How often each sweep runs (default 15 s); every sweep also runs once at start-up. */
  sweepEveryMs?: number;
  /** How long a claimed job is ours before another worker may take it (default 5 minutes). */
  leaseMs?: number;
  /** Jobs claimed at once (default 5). */
  batch?: number;
  /**
   * How long start() leaves the first tick (and the sweeps' scheduling) for later (default 0):
   * a server that has just started then answers its first requests without the sweeps' first
   * run competing for the one thread.
   */
  startDelayMs?: number;
  /** Names this worker in `jobs.locked_by` (default host:pid:random). */
  workerId?: string;
}

export const WORKER_DEFAULTS = Object.freeze({ pollMs: 2000, sweepEveryMs: 15_000, leaseMs: 5 * 60_000, batch: 5, startDelayMs: 0 });

/** Claim rounds per tick at most, so one tick with a long queue still ends and lets stop() in. */
const MAX_ROUNDS_PER_TICK = 20;

export interface Worker {
  readonly id: string;
  /**
   * Makes every sweep due and runs a first tick, then one every `pollMs`; after `startDelayMs`
   * when set (start() then resolves at once).
   */
  start(): Promise<void>;
  /** One pass: due jobs (sweeps included) until none are left or the round limit, then the pollers. */
  tick(): Promise<{ jobs: number }>;
  /** Stops the timer and waits for the tick in progress; afterwards the database may close. */
  stop(): Promise<void>;
}

/**
 * The background worker of one process. Its timer is unref'd (it never keeps the process
 * alive) and stopped by stop(). Times in the database come from the injected clock; only the
 * polling rhythm uses real time.
 */
export function createWorker(
  deps: RunDeps,
  work: { handlers?: JobHandlers; sweeps?: readonly Sweep[]; pollers?: readonly Poller[] },
  options: WorkerOptions = {},
): Worker {
  const settings = { ...WORKER_DEFAULTS, ...options };
  const id = options.workerId ?? `${os.hostname()}:${process.pid}:${randomToken(4)}`;
  const sweeps = work.sweeps ?? [];
  const handlers: JobHandlers = { ...work.handlers, ...sweepHandlers(sweeps, settings.sweepEveryMs) };
  const runOptions = { workerId: id, leaseMs: settings.leaseMs, batch: settings.batch };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const tick = async (): Promise<{ jobs: number }> => {
    let jobs = 0;
    for (let round = 0; round < MAX_ROUNDS_PER_TICK && !stopped; round++) {
      const summary = await runDueJobs(deps, handlers, runOptions);
      jobs += summary.claimed;
      if (summary.claimed < settings.batch) break;
    }
    for (const poller of work.pollers ?? []) {
      if (stopped) break;
      await poller.run().catch((error: unknown) => deps.log.error({ err: error, poller: poller.name }, 'background task failed'));
    }
    return { jobs };
  };

  const loop = () => {
    if (stopped) return;
    running = tick()
      .catch((error: unknown) => deps.log.error({ err: error }, 'background worker tick failed'))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(loop, settings.pollMs);
        timer.unref();
      });
  };

  return {
    id,
    start: async () => {
      const begin = async () => {
        await scheduleSweeps(deps.db, sweeps, deps.clock.now());
        loop();
      };
      if (settings.startDelayMs <= 0) return begin();
      // stop() clears this timer, or waits for `running` and then loop() starts no tick.
      timer = setTimeout(() => {
        if (stopped) return;
        running = begin().catch((error: unknown) => deps.log.error({ err: error }, 'background worker start failed'));
      }, settings.startDelayMs);
      timer.unref();
    },
    tick: () => {
      const pass = running.then(tick, tick);
      running = pass.catch(() => {});
      return pass;
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
