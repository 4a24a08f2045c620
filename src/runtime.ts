import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import type { Config } from './config.js';
import type { AppContext, Logger } from './context.js';
import { createPageCache, EVERYTHING } from './features/cache/index.js';
import { systemClock } from './lib/clock.js';
import { databaseTarget, migrateToLatest, openDatabase } from './storage/db.js';

/** A start-up problem with one line telling the operator what to fix. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Creates the data folder if needed and proves it is writable. Throws StartupError. */
export function ensureDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why =
      code === 'ENOSPC' ? 'the disk is full' :
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' :
      code === 'ENOTDIR' || code === 'EEXIST' ? 'a file is in the way' : code;
    throw new StartupError(
      `The data folder ${dataDir} is not writable (${why}). Set BROADSIDE_DATA to a folder Broadside can write to.`,
      { cause: error },
    );
  }
}

export function createLogger(config: Config): Logger {
  return pino({ level: config.logLevel });
}

/**
 * Opens everything a command needs: data folder, database (migrated when `migrate` is set)
 * and logger. Throws StartupError with one line for each thing that is not right.
 */
export async function createContext(config: Config, options: { migrate: boolean; log?: Logger }): Promise<AppContext> {
  ensureDataDir(config.dataDir);
  let database;
  try {
    database = await openDatabase(databaseTarget(config));
  } catch (error) {
    throw new StartupError((error as Error).message, { cause: error });
  }
  if (options.migrate) {
    const outcome = await migrateToLatest(database);
    if (outcome.error) {
      await database.close();
      throw new StartupError(`Database migration failed: ${outcome.error.message}`, { cause: outcome.error });
    }
  }
  const log = options.log ?? createLogger(config);
  const pageCache = createPageCache({
    enabled: config.pageCache,
    maxBytes: config.pageCacheMb * 1024 * 1024,
    clock: systemClock,
    log,
    notifications: database.notifications,
  });
  return { config, database, clock: systemClock, log, pageCache };
}

/**
 * For a command that changed what public pages show (an import, the demo): tells the running
 * servers to drop every cached page. On PostgreSQL that is a NOTIFY; on SQLite they notice the
 * write themselves (`Notifications.changedElsewhere`). Never throws.
 */
export async function tellServersEverythingChanged(ctx: AppContext): Promise<void> {
  await ctx.pageCache?.invalidator.invalidate([EVERYTHING]);
}
