import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/helpers.js';
import { openSecondConnection } from '../../../test/second-connection.js';
import { fixedClock } from '../../lib/clock.js';
import type { Database } from '../../storage/db.js';
import { claimDueJobs, createWorker, enqueueJob, type JobHandlers, type Sweep, sweepKey } from './index.js';

const silent = pino({ level: 'silent' });
const START = '2026-06-15T12:00:00.000Z';

describe.each(DIALECTS)('the background worker on %s', (dialect) => {
  let t: TestDatabase;
  const clock = fixedClock(START);
  const deps = (database: Database = t.database) => ({ db: database.db, helpers: database.helpers, clock, log: silent });

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    clock.set(START);
  });
  afterEach(async () => t.drop());

  it('runs each of 60 jobs exactly once when two workers in two processes poll the same database at once', async () => {
    const other = await openSecondConnection(t);
    try {
      const runs = new Map<number, string[]>();
      const handlersFor = (name: string): JobHandlers => ({
        count: {
          run: async (payload) => {
            runs.set(payload as number, [...(runs.get(payload as number) ?? []), name]);
            await new Promise((resolve) => setTimeout(resolve, 5));
          },
        },
      });
      // Both pools connected before the race, so neither starts late.
      await Promise.all([t.database, other].map((d) => d.db.selectFrom('jobs').select('id').execute()));
      for (let i = 0; i < 60; i++) await enqueueJob(t.database.db, { kind: 'count', runAt: clock.now(), payload: i }, clock.now());
      const a = createWorker(deps(), { handlers: handlersFor('a') }, { workerId: 'a', batch: 4 });
      const b = createWorker(deps(other), { handlers: handlersFor('b') }, { workerId: 'b', batch: 4 });
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      expect([...runs.keys()].sort((x, y) => x - y)).toEqual([...Array(60).keys()]);
      expect([...runs.values()].filter((workers) => workers.length !== 1)).toEqual([]);
      const byWorker = (w: string) => [...runs.values()].filter((workers) => workers[0] === w).length;
      expect(byWorker('a') + byWorker('b')).toBe(60);
      expect(Math.min(byWorker('a'), byWorker('b'))).toBeGreaterThan(0);
      const statuses = await t.database.db.selectFrom('jobs').select('status').distinct().execute();
      expect(statuses).toEqual([{ status: 'done' }]);
    } finally {
      await other.close();
    }
  });

  it('never hands one job to two of eight claims racing over two connections', async () => {
    const other = await openSecondConnection(t);
    try {
      for (let i = 0; i < 40; i++) await enqueueJob(t.database.db, { kind: 'count', runAt: clock.now(), payload: i }, clock.now());
      const claims = await Promise.all(
        [...Array(8).keys()].map((i) => {
          const database = i % 2 ? other : t.database;
          return claimDueJobs(database.db, database.helpers, { workerId: `w${i}`, now: clock.now(), leaseMs: 60_000, limit: 5, kinds: ['count'] });
        }),
      );
      // Under contention a claim may come back short (a row it picked was taken first), never doubled.
      const ids = claims.flat().map((job) => job.id);
      expect(new Set(ids).size).toBe(ids.length);
      const rest = await claimDueJobs(t.database.db, t.database.helpers, { workerId: 'last', now: clock.now(), leaseMs: 60_000, limit: 40, kinds: ['count'] });
      expect(new Set([...ids, ...rest.map((job) => job.id)]).size).toBe(40);
      expect(ids.length + rest.length).toBe(40);
    } finally {
      await other.close();
    }
  });

  it('runs every sweep once at start-up, then again each interval, and keeps a failing sweep on schedule', async () => {
    const calls: string[] = [];
    const sweeps: Sweep[] = [
      { name: 'tidy', run: async (_db, now) => void calls.push(`tidy ${now.toISOString()}`) },
      { name: 'flaky', run: async () => Promise.reject(new Error('disk hiccup')) },
    ];
    const worker = createWorker(deps(), { sweeps }, { sweepEveryMs: 15_000, pollMs: 60_000 });
    await worker.start();
    await vi.waitFor(() => expect(calls).toEqual([`tidy ${START}`]), { timeout: 10_000 });
    await worker.tick();
    expect(calls).toHaveLength(1);
    clock.advance(15_000);
    await worker.tick();
    expect(calls).toEqual([`tidy ${START}`, 'tidy 2026-06-15T12:00:15.000Z']);
    const flaky = await t.database.db.selectFrom('jobs').selectAll().where('unique_key', '=', sweepKey('flaky')).executeTakeFirstOrThrow();
    expect(flaky).toMatchObject({ status: 'pending', last_error: 'disk hiccup', run_at: '2026-06-15T12:00:30.000Z', attempts: 0 });
    await worker.stop();
  });

  it('with a start delay, runs the first sweep only once the delay is over, and nothing when stopped before', async () => {
    const calls: string[] = [];
    const sweeps: Sweep[] = [{ name: 'tidy', run: async (_db, now) => void calls.push(`tidy ${now.toISOString()}`) }];
    const early = createWorker(deps(), { sweeps }, { pollMs: 60_000, startDelayMs: 200 });
    await early.start();
    await early.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toEqual([]);
    expect(await t.database.db.selectFrom('jobs').select('id').execute()).toEqual([]);

    const worker = createWorker(deps(), { sweeps }, { pollMs: 60_000, startDelayMs: 200 });
    const started = performance.now();
    await worker.start();
    expect(calls).toEqual([]);
    await vi.waitFor(() => expect(calls).toEqual([`tidy ${START}`]), { timeout: 10_000, interval: 10 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    await worker.stop();
  });

  it('runs a sweep in only one of two workers per interval, and at start-up again after a restart', async () => {
    const other = await openSecondConnection(t);
    try {
      const calls: string[] = [];
      const sweepFor = (name: string): Sweep[] => [{ name: 'tidy', run: async () => void calls.push(name) }];
      const a = createWorker(deps(), { sweeps: sweepFor('a') }, { pollMs: 60_000 });
      await a.start();
      await vi.waitFor(() => expect(calls).toEqual(['a']), { timeout: 10_000 });
      const b = createWorker(deps(other), { sweeps: sweepFor('b') }, { pollMs: 60_000 });
      clock.advance(15_000);
      await Promise.all([a.tick(), b.tick()]);
      expect(calls).toHaveLength(2);
      await a.stop();
      await b.start();
      await vi.waitFor(() => expect(calls).toHaveLength(3), { timeout: 10_000 });
      await b.stop();
    } finally {
      await other.close();
    }
  });

  it('polls on its own, runs the pollers each time, and does nothing more once stopped', async () => {
    const done: unknown[] = [];
    let polls = 0;
    const worker = createWorker(
      deps(),
      { handlers: { note: { run: async (p) => void done.push(p) } }, pollers: [{ name: 'count', run: async () => polls++ }] },
      { pollMs: 10 },
    );
    await worker.start();
    await enqueueJob(t.database.db, { kind: 'note', runAt: clock.now(), payload: 'while running' }, clock.now());
    await vi.waitFor(() => expect(done).toEqual(['while running']), { timeout: 10_000 });
    await vi.waitFor(() => expect(polls).toBeGreaterThan(2), { timeout: 10_000 });
    await worker.stop();
    const after = polls;
    await enqueueJob(t.database.db, { kind: 'note', runAt: clock.now(), payload: 'after stop' }, clock.now());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toEqual(['while running']);
    expect(polls).toBe(after);
  });

  it('never keeps the process alive: its timer is unref’d', async () => {
    const timers = vi.spyOn(globalThis, 'setTimeout');
    try {
      const worker = createWorker(deps(), {}, { pollMs: 5_000 });
      await worker.start();
      await vi.waitFor(() => expect(timers.mock.calls.some((call) => call[1] === 5_000)).toBe(true), { timeout: 10_000 });
      const index = timers.mock.calls.findIndex((call) => call[1] === 5_000);
      expect((timers.mock.results[index]!.value as NodeJS.Timeout).hasRef()).toBe(false);
      await worker.stop();
    } finally {
      timers.mockRestore();
    }
  });

  it('logs a poller’s error and keeps polling', async () => {
    const errors: unknown[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => void errors.push(JSON.parse(line)) });
    let polls = 0;
    const worker = createWorker(
      { ...deps(), log },
      { pollers: [{ name: 'grumpy', run: async () => { polls++; throw new Error('SMTP is down'); } }] },
      { pollMs: 10 },
    );
    await worker.start();
    await vi.waitFor(() => expect(polls).toBeGreaterThan(2), { timeout: 10_000 });
    await worker.stop();
    expect(errors[0]).toMatchObject({ poller: 'grumpy', err: { message: 'SMTP is down' } });
  });
});
