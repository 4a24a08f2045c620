import type { Kysely } from 'kysely';
import type { Logger } from '../../context.js';
import type { Clock } from '../../lib/clock.js';
import type { DB } from '../../storage/schema.js';
import { recordAudit } from '../audit/index.js';
import { EVERYTHING, type Invalidator } from '../cache/index.js';
import type { JobContext, JobHandlers } from '../jobs/index.js';
import { importJobKind } from './runs.js';
import type { ImportSummary } from './summary.js';
import { importsFolderId, removeUpload, uploadPath } from './upload-file.js';
import type { ImportProgress } from './wordpress-import.js';
import { loadImportWordpress } from './load-importer.js';
import { WxrError } from './wxr-error.js';

export interface ImportJobDeps {
  /** The data folder: uploads wait in `imports/`, copied media go to `uploads/`. */
  dataDir: string;
  clock: Clock;
  /**
   * Told that every public page may have changed, when a run ends and now and then while it
   * writes: an import touches too much to name (posts, archives, terms, feeds, the home page).
   */
  invalidator?: Invalidator | undefined;
}

/** How often progress is written to the run (real time: it is a rhythm, not a date). */
const PROGRESS_EVERY_MS = 1000;
/** How often the job's lease is renewed while an import runs. */
const RENEW_EVERY_MS = 30_000;

/**
 * The handler of admin uploads: runs the same import as `broadside import wordpress` over the
 * uploaded file, writing its phase, bytes read and items done to the run about once a second.
 * A run ends `done` (the summary kept, the file removed) or `failed` (the reason kept, with line
 * and column for a malformed file; the file kept for a retry). It never throws for the import's
 * own failures, so the job is not retried behind the admin's back; a worker that dies midway
 * leaves the job to be claimed again, and the import, being resumable, finishes.
 */
export function importJobHandlers(deps: ImportJobDeps): JobHandlers {
  return {
    // Only the runs whose file is in this process's imports folder (several hosts may share a database).
    [importJobKind(importsFolderId(deps.dataDir))]: { maxAttempts: 3, run: (payload, job) => runImportJob(deps, payload, job) },
  };
}

async function runImportJob(deps: ImportJobDeps, payload: unknown, job: JobContext): Promise<void> {
  const runId = Number((payload as { runId?: unknown })?.runId);
  const db = job.db;
  const now = () => deps.clock.now().toISOString();
  const run = await db
    .updateTable('import_runs')
    .set({ status: 'running', phase: 'check', updated_at: now() })
    .where('id', '=', runId)
    .where('status', 'in', ['pending', 'running'])
    .returningAll()
    .executeTakeFirst();
  if (!run) return; // done, failed or gone: nothing to do
  const file = uploadPath(deps.dataDir, run.file_path);
  if (!file) return finish(db, deps, run, { error: 'the uploaded file is no longer on the server: upload it again' });
  const progress = progressWriter(db, job.log, runId, now);
  let leaseLost = false;
  let lastRenewal = Date.now();
  try {
    const options = JSON.parse(run.options) as { skipPings?: boolean };
    const importWordpress = await loadImportWordpress();
    const summary = await importWordpress(
      { db, clock: deps.clock, log: job.log, dataDir: deps.dataDir },
      {
        file,
        skipPings: options.skipPings ?? false,
        onProgress: progress.update,
        afterItem: () => {
          if (leaseLost) throw new LeaseLost();
          if (Date.now() - lastRenewal < RENEW_EVERY_MS) return;
          lastRenewal = Date.now();
          void job.renewLease().then((kept) => void (leaseLost ||= !kept), () => {});
          void deps.invalidator?.invalidate([EVERYTHING]).catch(() => {});
        },
      },
    );
    await progress.flush();
    await finish(db, deps, run, { summary });
  } catch (error) {
    await progress.flush();
    if (error instanceof LeaseLost) return job.log.warn({ run: runId }, 'import lease lost: another worker continues it');
    const malformed = error instanceof WxrError;
    if (!malformed) job.log.error({ err: error, run: runId }, 'import failed');
    await finish(db, deps, run, { error: error instanceof Error ? error.message : String(error), malformed });
  }
}

class LeaseLost extends Error {}

/** Writes progress at most once a second, one write at a time; flush() waits for the last. */
function progressWriter(db: Kysely<DB>, log: Logger, runId: number, now: () => string) {
  let last = 0;
  let latest: ImportProgress | null = null;
  let writing: Promise<void> = Promise.resolve();
  const write = (p: ImportProgress) => {
    writing = writing
      .then(async () => {
        await db
          .updateTable('import_runs')
          .set({ phase: p.phase, bytes_read: p.bytesRead, bytes_total: p.totalBytes, items_done: p.items, items_total: p.totalItems, updated_at: now() })
          .where('id', '=', runId)
          .where('status', '=', 'running')
          .execute();
      })
      .catch((error: unknown) => log.warn({ err: error, run: runId }, 'could not record import progress'));
  };
  return {
    update: (p: ImportProgress) => {
      latest = p;
      if (Date.now() - last < PROGRESS_EVERY_MS) return;
      last = Date.now();
      write(p);
    },
    flush: async () => {
      if (latest) write(latest);
      latest = null;
      await writing;
    },
  };
}

type Outcome = { summary: ImportSummary } | { error: string; malformed?: boolean };

/** Marks the run done or failed with its audit entry; removes the file of a successful run. */
async function finish(db: Kysely<DB>, deps: ImportJobDeps, run: { id: number; file_name: string; file_path: string; user_id: number | null }, outcome: Outcome): Promise<void> {
  const at = deps.clock.now();
  await db.transaction().execute(async (trx) => {
    const user = run.user_id === null ? undefined : await trx.selectFrom('users').select('email').where('id', '=', run.user_id).executeTakeFirst();
    const who = { userId: run.user_id, actor: user?.email ?? '' };
    if ('summary' in outcome) {
      await trx
        .updateTable('import_runs')
        .set({ status: 'done', summary: JSON.stringify(outcome.summary), error: null, updated_at: at.toISOString(), finished_at: at.toISOString() })
        .where('id', '=', run.id)
        .execute();
      await recordAudit(trx, { action: 'import.finish', subject: `import:${run.id}`, ...who, details: { file: run.file_name, imported: outcome.summary.imported, warnings: outcome.summary.warnings.length } }, at);
    } else {
      await trx
        .updateTable('import_runs')
        .set({ status: 'failed', error: outcome.error, updated_at: at.toISOString(), finished_at: at.toISOString() })
        .where('id', '=', run.id)
        .execute();
      await recordAudit(trx, { action: 'import.fail', subject: `import:${run.id}`, ...who, details: { file: run.file_name, error: outcome.error, malformed: outcome.malformed ?? false } }, at);
    }
  });
  if ('summary' in outcome) removeUpload(deps.dataDir, run.file_path);
  await deps.invalidator?.invalidate([EVERYTHING]);
}
