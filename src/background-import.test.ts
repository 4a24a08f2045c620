import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../test/helpers.js';
import { openSecondConnection } from '../test/second-connection.js';
import { wxrFixture } from '../test/wordpress.js';
import { loadConfig } from './config.js';
import type { AppContext } from './context.js';
import { createUser } from './features/accounts/index.js';
import { findImportRun, IMPORTS_DIR, importsFolderId, startImportRun } from './features/import/index.js';
import { queueMail } from './features/mail/index.js';
import { fixedClock } from './lib/clock.js';
import { serve } from './main.js';

describe.each(DIALECTS)('imports uploaded from the admin, in a served site on %s', (dialect) => {
  let t: TestDatabase;
  const clock = fixedClock('2026-06-15T12:00:00Z');

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(async () => t.drop());

  it('imports a WordPress export uploaded from the admin by itself, on a worker of its own, while mail still goes out', async () => {
    const config = loadConfig({}, { port: 0, dataDir: t.dataDir, logLevel: 'silent' });
    const ctx: AppContext = { config, database: await openSecondConnection(t), clock, log: pino({ level: 'silent' }) };
    const server = await serve(config, ctx, { background: { pollMs: 20 } });
    try {
      const db = server.ctx.database.db;
      const userId = await createUser({ db, clock }, { email: 'owner@lantern.example', name: 'Owner', role: 'admin', password: 'correct horse battery staple' });
      fs.mkdirSync(path.join(t.dataDir, IMPORTS_DIR), { recursive: true });
      const filePath = path.join(IMPORTS_DIR, 'upload.xml');
      fs.copyFileSync(wxrFixture('site-1.2.xml'), path.join(t.dataDir, filePath));
      const runId = await startImportRun(db, { fileName: 'site.xml', filePath, bytes: 1, options: { skipPings: false }, folder: importsFolderId(t.dataDir) }, { userId, actor: 'owner@lantern.example' }, clock.now());
      await queueMail(db, { to: 'reader@example.org', subject: 'Sent while importing', text: 'Hello', idempotencyKey: 'while-importing' }, clock.now());
      await vi.waitFor(async () => expect((await findImportRun(db, runId))?.status).toBe('done'), { timeout: 20_000 });
      expect(await db.selectFrom('posts').select('slug').where('slug', '=', 'tram-strike').executeTakeFirst()).toBeDefined();
      expect(fs.existsSync(path.join(t.dataDir, filePath))).toBe(false);
      await vi.waitFor(() => expect(fs.readdirSync(path.join(t.dataDir, 'outbox'))).toHaveLength(1));
    } finally {
      await server.close();
    }
  });
});
