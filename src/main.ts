import { buildApp } from './app.js';
import { BACKGROUND_START_DELAY_MS, type BackgroundOptions, createBackground } from './background.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { createContext } from './runtime.js';

export interface RunningServer {
  ctx: AppContext;
  url: string;
  /**
   * Stops accepting connections and the background worker, finishes requests and jobs in
   * flight, then closes the database.
   */
  close(): Promise<void>;
}

/**
 * Serves the site: context → app → listen → background worker (jobs, sweeps, mail) and, on a
 * SQLite file, the WAL checkpoint thread. Pending migrations are applied first (several processes
 * may start together; Kysely's migration lock keeps that safe). `options.background` is for tests (handlers, transport, intervals).
 */
export async function serve(config: Config, ctx?: AppContext, options: { background?: BackgroundOptions } = {}): Promise<RunningServer> {
  const context = ctx ?? (await createContext(config, { migrate: true }));
  const app = await buildApp(context);
  // Hears other processes' changes before taking requests: a page cached before could miss one.
  try {
    await context.pageCache?.listen();
  } catch (error) {
    await app.close();
    await context.database.close();
    throw error;
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    await context.pageCache?.stop();
    await context.database.close();
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE' ? 'the port is already in use (set PORT to another)' :
      code === 'EACCES' ? 'permission denied (ports below 1024 need privileges; set PORT)' :
      code === 'EADDRNOTAVAIL' ? 'that address is not on this machine (check HOST)' : (error as Error).message;
    throw new Error(`Cannot listen on ${config.host}:${config.port}: ${reason}`, { cause: error });
  }
  const background = createBackground(context, options.background);
  try {
    await background.start();
  } catch (error) {
    await app.close();
    await background.stop();
    await context.pageCache?.stop();
    await context.database.close();
    throw error;
  }
  // SQLite's WAL checkpoints (and their fsyncs) move off the thread that serves; after the first
  // pages of a cold start, like the background's first round.
  const checkpoints = setTimeout(() => {
    context.database.checkpointInBackground((message, error) => context.log.warn({ err: error }, message));
  }, BACKGROUND_START_DELAY_MS);
  checkpoints.unref();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    ctx: context,
    url,
    close: () =>
      (closing ??= (async () => {
        clearTimeout(checkpoints);
        await Promise.all([app.close(), background.stop(), context.pageCache?.stop()]);
        await context.database.close();
      })()),
  };
}

/** Closes the server on SIGINT/SIGTERM so requests in flight finish and nothing is cut mid-write. */
export function closeOnSignals(server: RunningServer): void {
  const stop = (signal: string) => {
    server.ctx.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (error) => {
        server.ctx.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
