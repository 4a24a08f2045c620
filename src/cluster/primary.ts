import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import type { Logger } from '../context.js';
import { createContext, StartupError } from '../runtime.js';
import { isReadyMessage } from './worker.js';

/**
 * `broadside serve --workers N`: a primary process that applies migrations once, forks N
 * workers with node:cluster (they share the listening port; the primary hands out connections)
 * and keeps them running. A worker that dies is forked again after a back-off (1 s, doubling up
 * to 30 s; reset once a worker has lived a minute), never in a tight loop. A worker that dies
 * before any worker ever served means the site cannot start (port taken, bad database): the
 * primary stops the rest and fails with that worker's message already printed.
 */

export const RESTART = Object.freeze({ firstDelayMs: 1000, maxDelayMs: 30_000, stableMs: 60_000, stopTimeoutMs: 15_000 });

export interface Primary {
  /** The address the workers serve, e.g. http://127.0.0.1:3000. */
  url: string;
  /** Where the data lives, without credentials. */
  description: string;
  /** Process ids of the live workers, in slot order. */
  pids(): number[];
  /** Sends SIGTERM to every worker and resolves once all have exited (SIGKILL after 15 s). */
  stop(): Promise<void>;
}

interface Slot {
  worker?: Worker;
  startedAt: number;
  failures: number;
  timer?: NodeJS.Timeout;
}

/**
 * Refuses several workers on SQLite. Job claims would be safe there (each claim is one UPDATE
 * under SQLite's single writer lock, and WAL lets processes share the file), but a worker
 * waiting for that lock blocks its whole event loop (better-sqlite3 is synchronous) for up to
 * the busy timeout, and page-cache invalidation travels between processes only through
 * PostgreSQL LISTEN/NOTIFY, so other workers would keep serving pages from before a change.
 */
export function checkWorkersAllowed(config: Config): void {
  if (config.workers > 1 && !config.databaseUrl) {
    throw new StartupError(
      `--workers ${config.workers} needs PostgreSQL (set DATABASE_URL): with SQLite, run one process ` +
        '(it serves many requests at once), since several would block each other on the one database writer ' +
        "and could not tell each other's page caches about changes.",
    );
  }
}

/** Migrates, forks `config.workers` workers and resolves once every one of them is serving. */
export async function startPrimary(config: Config, log?: Logger): Promise<Primary> {
  checkWorkersAllowed(config);
  const ctx = await createContext(config, { migrate: true, ...(log ? { log } : {}) });
  await ctx.database.close();
  const slots: Slot[] = Array.from({ length: config.workers }, () => ({ startedAt: 0, failures: 0 }));
  let stopping = false;
  let everServed = false;
  let url = '';
  let ready = 0;

  return new Promise<Primary>((resolve, reject) => {
    const primary: Primary = {
      get url() {
        return url;
      },
      description: ctx.database.description,
      pids: () => slots.flatMap((s) => (s.worker?.process.pid ? [s.worker.process.pid] : [])),
      stop: () => stopAll(slots, () => (stopping = true)),
    };
    const fork = (slot: Slot, index: number) => {
      slot.timer = undefined;
      slot.startedAt = Date.now();
      const worker = cluster.fork({ BROADSIDE_WORKER: String(index + 1) });
      slot.worker = worker;
      worker.on('message', (message: unknown) => {
        if (!isReadyMessage(message)) return;
        url = message.url;
        // A worker that fails before all N first served aborts the start, so no double count.
        if (!everServed && ++ready === config.workers) {
          everServed = true;
          resolve(primary);
        }
      });
      worker.on('exit', (code, signal) => {
        slot.worker = undefined;
        if (stopping) return;
        if (!everServed) {
          stopping = true;
          void stopAll(slots, () => {}).then(() =>
            reject(new StartupError(`A worker could not start (exit code ${code ?? signal}); see its message above.`)),
          );
          return;
        }
        slot.failures = Date.now() - slot.startedAt >= RESTART.stableMs ? 1 : slot.failures + 1;
        const delay = Math.min(RESTART.firstDelayMs * 2 ** (slot.failures - 1), RESTART.maxDelayMs);
        ctx.log.warn({ worker: index + 1, pid: worker.process.pid, code, signal, restartInMs: delay }, 'worker exited; starting another');
        slot.timer = setTimeout(() => fork(slot, index), delay);
      });
    };
    slots.forEach(fork);
  });
}

async function stopAll(slots: Slot[], markStopping: () => void): Promise<void> {
  markStopping();
  for (const slot of slots) clearTimeout(slot.timer);
  const live = slots.flatMap((s) => (s.worker && !s.worker.isDead() ? [s.worker] : []));
  await Promise.all(
    live.map(
      (worker) =>
        new Promise<void>((done) => {
          const force = setTimeout(() => worker.process.kill('SIGKILL'), RESTART.stopTimeoutMs);
          worker.once('exit', () => {
            clearTimeout(force);
            done();
          });
          worker.process.kill('SIGTERM');
        }),
    ),
  );
}

/** Stops the workers on SIGINT/SIGTERM, then exits: 0 when all stopped in time. */
export function stopPrimaryOnSignals(primary: Primary): void {
  const stop = () => {
    primary.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
