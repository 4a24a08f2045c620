import type { Config } from '../config.js';
import { closeOnSignals, type RunningServer, serve } from '../main.js';
import { createContext } from '../runtime.js';

/** What a worker tells the primary once it is listening. */
export interface ReadyMessage {
  type: 'broadside:ready';
  url: string;
}

export function isReadyMessage(message: unknown): message is ReadyMessage {
  return typeof message === 'object' && message !== null && (message as ReadyMessage).type === 'broadside:ready';
}

/**
 * One worker of `serve --workers N`: serves the site and runs a background worker like a lone
 * `serve` (jobs and sweeps are claimed with leases, so each runs once across workers), without
 * migrating (the primary did), and tells the primary when it listens. Closes gracefully on
 * SIGTERM/SIGINT, which the primary forwards, and when the primary goes away.
 */
export async function serveAsWorker(config: Config): Promise<RunningServer> {
  const ctx = await createContext(config, { migrate: false });
  const server = await serve(config, ctx);
  closeOnSignals(server);
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  process.send?.({ type: 'broadside:ready', url: server.url } satisfies ReadyMessage);
  return server;
}
