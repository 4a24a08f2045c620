import pg from 'pg';
import type { Listening, Notifications } from './types.js';

const RETRY_MS = [100, 500, 1000, 2000, 5000];

/**
 * PostgreSQL LISTEN/NOTIFY. Channels are suffixed with the schema the pool works in (`schema`,
 * else the connection's current_schema(), which DATABASE_URL may set with `search_path`), so
 * sites (and test runs) sharing one database never hear each other, and processes on one site
 * hear each other however each was pointed at it. `notify` goes through the pool; `listen` holds
 * one dedicated client that reconnects after any error and then calls `reconnected()`, since
 * notifications sent while it was away are lost.
 */
export function postgresNotifications(pool: pg.Pool, options: { url: string; schema?: string }): Notifications {
  let schema: Promise<string> | undefined;
  const currentSchema = () =>
    pool.query<{ schema: string }>('select current_schema() as schema').then((r) => r.rows[0]?.schema ?? 'public');
  const qualified = async (channel: string) => {
    schema ??= options.schema !== undefined ? Promise.resolve(options.schema) : currentSchema();
    // Asked again next time after a failure (the database was down).
    const name = await schema.catch((error: unknown) => {
      schema = undefined;
      throw error;
    });
    return `${channel}_${name}`.toLowerCase().slice(0, 63);
  };
  return {
    notify: async (channel, payload) => {
      await pool.query('select pg_notify($1, $2)', [await qualified(channel), payload]);
    },
    listen: async (channel, handlers) => listenOn(options.url, await qualified(channel), handlers),
    changedElsewhere: () => false,
  };
}

async function listenOn(url: string, channel: string, handlers: Parameters<Notifications['listen']>[1]): Promise<Listening> {
  let client: pg.Client | null = null;
  let stopped = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) handlers.message(message.payload);
    });
    next.on('error', () => reconnect(next));
    next.on('end', () => reconnect(next));
    await next.connect();
    await next.query(`listen "${channel.replace(/"/g, '""')}"`);
    client = next;
  };

  const reconnect = (broken: pg.Client) => {
    if (stopped || client !== broken) return;
    client = null;
    broken.end().catch(() => {});
    const retry = () => {
      timer = undefined;
      if (stopped) return;
      connect().then(
        () => {
          attempt = 0;
          handlers.reconnected();
        },
        () => {
          attempt += 1;
          timer = setTimeout(retry, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
        },
      );
    };
    timer = setTimeout(retry, RETRY_MS[0]);
  };

  await connect();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      const open = client;
      client = null;
      await open?.end().catch(() => {});
    },
    // For tests: drops the connection as a network failure would.
    interrupt: () => {
      if (client) (client as pg.Client & { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    },
  };
}
