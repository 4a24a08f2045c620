import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the worker checkpoints (a no-op when the WAL holds nothing new). */
const CHECKPOINT_INTERVAL_MS = 1000;
/** Past this the serving connection checkpoints itself: the worker fell behind or is stuck. */
const WAL_LIMIT_BYTES = 64 * 1024 * 1024;
/** How often the serving thread looks at the WAL's size (one stat). */
const WAL_WATCH_INTERVAL_MS = 1000;
/**
 * WAL frames past which the serving connection finishes the worker's checkpoint itself. Under
 * steady writes commits land during every checkpoint of the worker, so the WAL never becomes
 * wholly copied and never restarts from its beginning: it would only grow. Done here (a few
 * frames, the fsyncs mostly done by the worker) no commit can come in between.
 */
const CATCH_UP_FRAMES = 4096;
/** SQLite's default `wal_autocheckpoint`, restored when the worker is gone. */
const AUTOCHECKPOINT_PAGES = 1000;
/** How long `stop` waits for the worker's last checkpoint before terminating it. */
const STOP_TIMEOUT_MS = 5000;

/**
 * The worker, inline so that the one-file bundle needs no second entry: its own connection to
 * the file runs `wal_checkpoint(PASSIVE)` every interval, again at once (a few times) while
 * commits land during it, and reports each result. PASSIVE never waits for readers or the
 * writer, so the serving thread is never held up by it; the fsyncs happen on this thread.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = db.prepare('pragma wal_checkpoint(PASSIVE)');
let timer;
function round() {
  try {
    let row;
    for (let i = 0; i < 4; i++) {
      row = checkpoint.get();
      if (row.busy || row.log <= row.checkpointed) break;
    }
    parentPort.postMessage({ type: 'checkpointed', log: row.log, checkpointed: row.checkpointed });
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: String(error && error.message) });
  }
  timer = setTimeout(round, workerData.intervalMs);
}
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearTimeout(timer);
  try { checkpoint.get(); } finally { db.close(); parentPort.close(); }
});
parentPort.postMessage({ type: 'ready' });
timer = setTimeout(round, workerData.intervalMs);
`;

/** What the checkpointer reports that an operator should see. */
export type CheckpointProblem = (message: string, error?: unknown) => void;

/** A running background checkpointer (see startCheckpointer). */
export interface Checkpointer {
  /** Runs a last checkpoint in the worker and ends it. Never throws. */
  stop(): Promise<void>;
}

/**
 * Moves the WAL checkpoints of `database` (a serving connection to the SQLite file `file`) off
 * this thread: once a worker thread with its own connection is ready, `database` stops
 * checkpointing on commit (`wal_autocheckpoint = 0`), which on a large site put fsyncs of up to
 * 0.2 s inside request handlers. Safety nets: when the worker dies, the automatic checkpoint is
 * restored; when the WAL file passes 64 MB anyway, this connection checkpoints once itself; and
 * `journal_size_limit` gives the space back after such a surge. Never throws; problems go to
 * `problem`.
 */
export function startCheckpointer(database: Database.Database, file: string, problem: CheckpointProblem): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs: CHECKPOINT_INTERVAL_MS } });
  } catch (error) {
    problem('could not start the checkpoint thread; SQLite checkpoints on commit', error);
    return { stop: async () => {} };
  }
  let stopping = false;
  const autocheckpoint = (pages: number) => {
    try {
      database.pragma(`wal_autocheckpoint = ${pages}`);
    } catch {
      // Closed: nothing left to checkpoint on commit.
    }
  };
  const checkpointHere = (why: string) => {
    try {
      database.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      problem(`checkpoint of ${why} failed`, error);
    }
  };
  worker.on('message', (message: { type: string; message?: string; log?: number; checkpointed?: number }) => {
    if (message.type === 'ready') autocheckpoint(0);
    else if (message.type === 'checkpointed') {
      const { log = 0, checkpointed = 0 } = message;
      if (!stopping && log >= CATCH_UP_FRAMES && checkpointed >= log * 0.75) checkpointHere('the WAL\'s last frames');
    }
    else if (message.type === 'failed') problem(`background checkpoint failed: ${message.message}`);
  });
  worker.on('error', (error) => problem('the checkpoint thread failed; SQLite checkpoints on commit again', error));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  void exited.then(() => {
    if (!stopping) autocheckpoint(AUTOCHECKPOINT_PAGES);
  });
  worker.unref();
  try {
    database.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES / 4}`);
  } catch {
    // Only a limit on the space kept; the checkpoints work without it.
  }
  const watch = setInterval(() => {
    let size = 0;
    try {
      size = fs.statSync(`${file}-wal`).size;
    } catch {
      return;
    }
    if (size > WAL_LIMIT_BYTES) checkpointHere('a large WAL');
  }, WAL_WATCH_INTERVAL_MS);
  watch.unref();
  return {
    stop: async () => {
      if (stopping) return exited;
      stopping = true;
      clearInterval(watch);
      autocheckpoint(AUTOCHECKPOINT_PAGES);
      worker.postMessage('stop');
      const force = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(force);
    },
  };
}
