import type { Kysely, Selectable } from 'kysely';
import type { DB, ImportRunPhase, ImportRunsTable, ImportRunStatus } from '../../storage/schema.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { enqueueJob } from '../jobs/index.js';
import { emptySummary, type ImportSummary } from './summary.js';

/** The job kinds that run admin uploads: this prefix and the imports folder holding the file (see import-job.ts). */
export const IMPORT_JOB = 'import-run';

/** The job kind of uploads stored in the imports folder `folder` (importsFolderId). */
export const importJobKind = (folder: string): string => `${IMPORT_JOB}:${folder}`;

/** The choices made on the import page, kept with the run so a retry makes the same ones. */
export interface ImportRunOptions {
  /** Leave pingbacks and trackbacks out. */
  skipPings: boolean;
}

/** An import started from the admin, as its page shows it. */
export interface ImportRun {
  id: number;
  format: string;
  fileName: string;
  /** Relative to the data folder; the file is removed after a successful run. */
  filePath: string;
  status: ImportRunStatus;
  phase: ImportRunPhase;
  bytesTotal: number;
  bytesRead: number;
  itemsDone: number;
  itemsTotal: number;
  options: ImportRunOptions;
  /** The imports folder holding the file (importsFolderId), so a retry goes to a process that has it. */
  folder: string;
  /** Empty until the run is done. */
  summary: ImportSummary;
  /** Why a failed run stopped (`line 12, column 3: …` for a malformed file). */
  error: string | null;
  userId: number | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

type Row = Selectable<ImportRunsTable>;

function toRun(row: Row): ImportRun {
  return {
    id: row.id,
    format: row.format,
    fileName: row.file_name,
    filePath: row.file_path,
    status: row.status,
    phase: row.phase,
    bytesTotal: Number(row.bytes_total),
    bytesRead: Number(row.bytes_read),
    itemsDone: Number(row.items_done),
    itemsTotal: Number(row.items_total),
    ...parseOptions(row.options),
    summary: { ...emptySummary(), ...(JSON.parse(row.summary) as Partial<ImportSummary>) },
    error: row.error,
    userId: row.user_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** `import_runs.options` holds the choices and, beside them, the folder of the file. */
function parseOptions(json: string): { options: ImportRunOptions; folder: string } {
  const { folder, skipPings } = JSON.parse(json) as { folder?: string; skipPings?: boolean };
  return { options: { skipPings: skipPings ?? false }, folder: folder ?? '' };
}

export interface NewImportRun {
  fileName: string;
  /** Where the upload was stored, relative to the data folder. */
  filePath: string;
  bytes: number;
  options: ImportRunOptions;
  /** The imports folder the file was stored in (importsFolderId). */
  folder: string;
}

/**
 * Records an uploaded file as a pending run and enqueues the job that imports it, with the
 * audit entry, in one transaction. Returns the run's id.
 */
export async function startImportRun(db: Kysely<DB>, input: NewImportRun, actor: AuditActor, now: Date): Promise<number> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('import_runs')
      .values({
        format: 'wordpress',
        file_name: input.fileName.slice(0, 255),
        file_path: input.filePath,
        status: 'pending',
        bytes_total: input.bytes,
        options: JSON.stringify({ ...input.options, folder: input.folder }),
        user_id: actor.userId,
        error: null,
        created_at: at,
        updated_at: at,
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueJob(trx, { kind: importJobKind(input.folder), runAt: now, payload: { runId: id } }, now);
    await recordAudit(trx, { action: 'import.upload', subject: `import:${id}`, ...actor, details: { file: input.fileName, bytes: input.bytes, skipPings: input.options.skipPings } }, now);
    return id;
  });
}

/**
 * Starts a failed run again over the same file and options. Returns false (changing nothing)
 * when the run is not failed — already retried by a second click, running or done.
 */
export async function retryImportRun(db: Kysely<DB>, id: number, actor: AuditActor, now: Date): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('import_runs')
      .set({ status: 'pending', phase: '', error: null, bytes_read: 0, items_done: 0, updated_at: at, finished_at: null })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .returning('options')
      .executeTakeFirst();
    if (!row) return false;
    await enqueueJob(trx, { kind: importJobKind(parseOptions(row.options).folder), runAt: now, payload: { runId: id } }, now);
    await recordAudit(trx, { action: 'import.retry', subject: `import:${id}`, ...actor }, now);
    return true;
  });
}

/** One run, or null. */
export async function findImportRun(db: Kysely<DB>, id: number): Promise<ImportRun | null> {
  const row = await db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRun(row) : null;
}

/** The newest runs first. */
export async function listImportRuns(db: Kysely<DB>, limit = 50): Promise<ImportRun[]> {
  const rows = await db.selectFrom('import_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => toRun(row));
}
