import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { givenPost } from '../test/fixtures.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../test/helpers.js';
import { openSecondConnection } from '../test/second-connection.js';
import { loadConfig } from './config.js';
import type { AppContext } from './context.js';
import { enqueueJob, type JobHandlers } from './features/jobs/index.js';
import { queueMail } from './features/mail/index.js';
import { fixedClock } from './lib/clock.js';
import { type RunningServer, serve } from './main.js';

describe.each(DIALECTS)('the background worker of a served site on %s', (dialect) => {
  let t: TestDatabase;
  const clock = fixedClock('2026-06-15T12:00:00Z');
  const ran: unknown[] = [];
  const handlers: JobHandlers = {
    remind: { run: async (payload) => void ran.push(payload) },
    slow: {
      run: async (payload) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        ran.push(payload);
      },
    },
  };

  /** Serves the site over a new connection to the test database, as a fresh process would. */
  async function start(): Promise<RunningServer> {
    const config = loadConfig({}, { port: 0, dataDir: t.dataDir, logLevel: 'silent' });
    const ctx: AppContext = { config, database: await openSecondConnection(t), clock, log: pino({ level: 'silent' }) };
    return serve(config, ctx, { background: { handlers, pollMs: 20 } });
  }

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    clock.set('2026-06-15T12:00:00Z');
    ran.length = 0;
  });
  afterEach(async () => t.drop());

  it('runs a job scheduled before a restart once its time has come, in the restarted server', async () => {
    const first = await start();
    await enqueueJob(first.ctx.database.db, { kind: 'remind', runAt: new Date('2026-06-15T13:00:00Z'), payload: 'after the restart' }, clock.now());
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(ran).toEqual([]);
    await first.close();

    clock.set('2026-06-15T13:00:00Z');
    const second = await start();
    try {
      await vi.waitFor(() => expect(ran).toEqual(['after the restart']), { timeout: 10_000 });
    } finally {
      await second.close();
    }
    const job = await t.database.db.selectFrom('jobs').select(['status', 'attempts']).where('kind', '=', 'remind').executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'done', attempts: 1 });
  });

  it('publishes a scheduled post when its time comes without anyone acting, and one whose time came while the site was down at start-up', async () => {
    const config = loadConfig({}, { port: 0, dataDir: t.dataDir, logLevel: 'silent' });
    const ctx: AppContext = { config, database: t.database, clock, log: pino({ level: 'silent' }) };
    const status = async (id: number) => (await t.database.db.selectFrom('posts').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    const soon = await givenPost(ctx, { status: 'scheduled', publishedAt: '2026-06-15T12:10:00Z' });
    const server = await start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await status(soon)).toBe('scheduled');
    clock.set('2026-06-15T12:10:00Z');
    await vi.waitFor(async () => expect(await status(soon)).toBe('published'), { timeout: 10_000 });
    await server.close();

    const whileDown = await givenPost(ctx, { status: 'scheduled', publishedAt: '2026-06-15T13:00:00Z' });
    clock.set('2026-06-15T14:00:00Z');
    const restarted = await start();
    try {
      await vi.waitFor(async () => expect(await status(whileDown)).toBe('published'), { timeout: 10_000 });
    } finally {
      await restarted.close();
    }
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor', 'subject']).where('action', '=', 'post.publish').orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'post.publish', actor: 'scheduler', subject: `post:${soon}` },
      { action: 'post.publish', actor: 'scheduler', subject: `post:${whileDown}` },
    ]);
  });

  it('finishes the job in progress before closing the database', async () => {
    const server = await start();
    await enqueueJob(server.ctx.database.db, { kind: 'slow', runAt: clock.now(), payload: 'slow one' }, clock.now());
    await vi.waitFor(async () => {
      const row = await t.database.db.selectFrom('jobs').select('status').where('kind', '=', 'slow').executeTakeFirstOrThrow();
      expect(row.status).toBe('running');
    }, { timeout: 10_000, interval: 20 });
    await server.close();
    expect(ran).toEqual(['slow one']);
    const row = await t.database.db.selectFrom('jobs').select('status').where('kind', '=', 'slow').executeTakeFirstOrThrow();
    expect(row.status).toBe('done');
  });

  it('writes queued mail to the outbox folder as .eml files when no SMTP server is configured', async () => {
    const server = await start();
    try {
      await queueMail(server.ctx.database.db, { to: 'ed@lantern.example', subject: 'Hello', text: 'Hi Ed.', idempotencyKey: 'hello:ed' }, clock.now());
      const folder = path.join(t.dataDir, 'outbox');
      await vi.waitFor(() => expect(fs.existsSync(folder) && fs.readdirSync(folder)).toEqual([expect.stringMatching(/^20260615T120000Z-\d+\.eml$/)]), { timeout: 10_000 });
      const eml = fs.readFileSync(path.join(folder, fs.readdirSync(folder)[0]!), 'utf8');
      expect(eml).toContain('From: Broadside <noreply@localhost>');
      expect(eml).toContain('To: ed@lantern.example');
    } finally {
      await server.close();
    }
  });

  it('runs the purges at start-up: expired sessions and used password-reset links are gone', async () => {
    const db = t.database.db;
    const userId = (await db
      .insertInto('users')
      .values({ email: 'ed@lantern.example', name: 'Ed', role: 'editor', password_hash: 'x', author_id: null, created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' })
      .returning('id')
      .executeTakeFirstOrThrow()).id;
    const session = (id: string, expires: string) => ({
      id_hash: id, user_id: userId, csrf_token: 'c', created_at: '2026-06-01T00:00:00.000Z', last_seen_at: '2026-06-15T11:00:00.000Z', expires_at: expires,
    });
    await db.insertInto('sessions').values([session('live', '2026-07-01T00:00:00.000Z'), session('expired', '2026-06-15T11:59:59.000Z')]).execute();
    await db.insertInto('password_resets').values([
      { token_hash: 'unused', user_id: userId, created_at: '2026-06-15T11:30:00.000Z', expires_at: '2026-06-15T12:30:00.000Z', used_at: null },
      { token_hash: 'used', user_id: userId, created_at: '2026-06-15T11:30:00.000Z', expires_at: '2026-06-15T12:30:00.000Z', used_at: '2026-06-15T11:40:00.000Z' },
      { token_hash: 'expired', user_id: userId, created_at: '2026-06-15T10:00:00.000Z', expires_at: '2026-06-15T11:00:00.000Z', used_at: null },
    ]).execute();
    const server = await start();
    try {
      await vi.waitFor(async () => {
        expect((await db.selectFrom('sessions').select('id_hash').execute()).map((r) => r.id_hash)).toEqual(['live']);
        expect((await db.selectFrom('password_resets').select('token_hash').execute()).map((r) => r.token_hash)).toEqual(['unused']);
      }, { timeout: 10_000 });
    } finally {
      await server.close();
    }
  });
});
