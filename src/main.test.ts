import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { freePort } from '../test/free-port.js';
import { createTestDatabase, DIALECTS } from '../test/helpers.js';
import { openSecondConnection } from '../test/second-connection.js';
import { loadConfig } from './config.js';
import type { AppContext } from './context.js';
import { createPageCache } from './features/cache/index.js';
import { systemClock } from './lib/clock.js';
import { serve } from './main.js';

describe.each(DIALECTS)('starting `broadside serve` on %s', (dialect) => {
  it('hears other processes’ changes before it takes its first request, so no page it caches can have missed one', async () => {
    const t = await createTestDatabase(dialect);
    const port = await freePort();
    const config = loadConfig({}, { port, host: '127.0.0.1', dataDir: t.dataDir, logLevel: 'silent', pageCache: 'on' });
    const database = await openSecondConnection(t);
    const log = pino({ level: 'silent' });
    const pageCache = createPageCache({ enabled: true, maxBytes: 1 << 20, clock: systemClock, log, notifications: database.notifications });
    // When the cache starts listening, may a reader already be served (and a page cached)?
    let servingBeforeListening: boolean | undefined;
    const listen = pageCache.listen.bind(pageCache);
    pageCache.listen = async () => {
      servingBeforeListening = await fetch(`http://127.0.0.1:${port}/`).then((res) => res.arrayBuffer().then(() => true), () => false);
      await listen();
    };
    const ctx: AppContext = { config, database, clock: systemClock, log, pageCache };
    const server = await serve(config, ctx, { background: { handlers: {}, pollMs: 60_000 } });
    try {
      expect(servingBeforeListening).toBe(false);
      expect((await fetch(`${server.url}/`)).status).toBe(200);
    } finally {
      await server.close();
      await t.drop();
    }
  });
});
