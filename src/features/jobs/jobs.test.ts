import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/helpers.js';
import { fixedClock } from '../../lib/clock.js';
import { claimDueJobs, enqueueJob, JOB_RETRY, type JobHandlers, releaseJob, runDueJobs } from './index.js';

const silent = pino({ level: 'silent' });
const START = '2026-06-15T12:00:00.000Z';

describe.each(DIALECTS)('scheduled jobs on %s', (dialect) => {
  let t: TestDatabase;
  const clock = fixedClock(START);
  const deps = () => ({ db: t.database.db, helpers: t.database.helpers, clock, log: silent });
  const options = { workerId: 'worker-a', leaseMs: 60_000, batch: 5 };
  const job = (id: number) => t.database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  let seen: unknown[];
  const handlers: JobHandlers = {
    note: { run: async (payload) => void seen.push(payload) },
    broken: { run: async () => Promise.reject(new Error('the printer is on fire')) },
  };

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    clock.set(START);
    seen = [];
  });
  afterEach(async () => t.drop());

  it('stores a job as pending with its payload, and enqueueing the same unique key again changes nothing', async () => {
    const first = await enqueueJob(t.database.db, { kind: 'note', runAt: clock.now(), payload: { n: 1 }, uniqueKey: 'note:1' }, clock.now());
    const again = await enqueueJob(t.database.db, { kind: 'note', runAt: new Date('2030-01-01'), payload: { n: 2 }, uniqueKey: 'note:1' }, clock.now());
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await job(first.id)).toMatchObject({ status: 'pending', payload: '{"n":1}', run_at: START, attempts: 0 });
    expect(await t.database.db.selectFrom('jobs').select('id').execute()).toHaveLength(1);
  });

  it('lets two enqueues of one key race and keeps exactly one job', async () => {
    const input = { kind: 'note', runAt: clock.now(), uniqueKey: 'race' };
    const results = await Promise.all([1, 2, 3].map(() => enqueueJob(t.database.db, input, clock.now())));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it('runs a job only once its time has come, hands the handler its payload, and marks it done', async () => {
    const { id } = await enqueueJob(t.database.db, { kind: 'note', runAt: new Date('2026-06-15T13:00:00Z'), payload: { hello: 'world' } }, clock.now());
    expect(await runDueJobs(deps(), handlers, options)).toMatchObject({ claimed: 0 });
    clock.set('2026-06-15T13:00:00Z');
    expect(await runDueJobs(deps(), handlers, options)).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0 });
    expect(seen).toEqual([{ hello: 'world' }]);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 1, locked_by: null, locked_until: null, finished_at: '2026-06-15T13:00:00.000Z' });
    expect(await runDueJobs(deps(), handlers, options)).toMatchObject({ claimed: 0 });
    expect(seen).toHaveLength(1);
  });

  it('retries a failing job with growing back-off, then marks it failed keeping the last error', async () => {
    const { id } = await enqueueJob(t.database.db, { kind: 'broken', runAt: clock.now() }, clock.now());
    const waits: number[] = [];
    for (let i = 1; i < JOB_RETRY.maxAttempts; i++) {
      expect(await runDueJobs(deps(), handlers, options)).toMatchObject({ claimed: 1, retried: 1 });
      const row = await job(id);
      expect(row).toMatchObject({ status: 'pending', attempts: i, last_error: 'the printer is on fire', locked_by: null });
      waits.push(Date.parse(row.run_at) - clock.now().getTime());
      clock.set(row.run_at);
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(await runDueJobs(deps(), handlers, options)).toMatchObject({ claimed: 1, failed: 1 });
    expect(await job(id)).toMatchObject({ status: 'failed', attempts: JOB_RETRY.maxAttempts, last_error: 'the printer is on fire' });
    clock.advance(24 * 3600_000);
    expect(await runDueJobs(deps(), handlers, options)).toMatchObject({ claimed: 0 });
  });

  it('runs again a job whose worker died holding it, once the lease has expired, and ignores the dead worker if it comes back', async () => {
    const { id } = await enqueueJob(t.database.db, { kind: 'note', runAt: clock.now(), payload: 'again' }, clock.now());
    const [claimed] = await claimDueJobs(t.database.db, t.database.helpers, { workerId: 'crashed', now: clock.now(), leaseMs: 60_000, limit: 5, kinds: ['note'] });
    expect(claimed).toMatchObject({ id, status: 'running', locked_by: 'crashed', attempts: 1 });
    clock.advance(59_000);
    expect(await runDueJobs(deps(), handlers, options)).toMatchObject({ claimed: 0 });
    clock.advance(1_000);
    expect(await runDueJobs(deps(), handlers, options)).toMatchObject({ claimed: 1, done: 1 });
    expect(seen).toEqual(['again']);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await releaseJob(t.database.db, { id, workerId: 'crashed' }, { kind: 'failed', error: 'late' }, clock.now())).toBe(false);
    expect(await job(id)).toMatchObject({ status: 'done', last_error: null });
  });

  it('keeps a long job to its worker while the handler renews the lease, and tells a worker that lost it', async () => {
    const renewals: boolean[] = [];
    const long: JobHandlers = {
      long: {
        run: async (_payload, job) => {
          clock.advance(50_000);
          renewals.push(await job.renewLease());
          clock.advance(50_000); // past the first lease's end: only the renewal keeps the job ours
          const [stolen] = await claimDueJobs(t.database.db, t.database.helpers, { workerId: 'worker-b', now: clock.now(), leaseMs: 60_000, limit: 1, kinds: ['long'] });
          renewals.push(stolen === undefined);
          clock.advance(20_000); // now the renewed lease has ended too
          await claimDueJobs(t.database.db, t.database.helpers, { workerId: 'worker-b', now: clock.now(), leaseMs: 60_000, limit: 1, kinds: ['long'] });
          renewals.push(await job.renewLease());
        },
      },
    };
    const { id } = await enqueueJob(t.database.db, { kind: 'long', runAt: clock.now() }, clock.now());
    await runDueJobs(deps(), long, options);
    expect(renewals).toEqual([true, true, false]);
    expect(await job(id)).toMatchObject({ status: 'running', locked_by: 'worker-b' });
  });

  it('gives up on a job whose runs keep dying before they finish', async () => {
    const { id } = await enqueueJob(t.database.db, { kind: 'note', runAt: clock.now() }, clock.now());
    for (let i = 0; i < JOB_RETRY.maxAttempts; i++) {
      await claimDueJobs(t.database.db, t.database.helpers, { workerId: `doomed-${i}`, now: clock.now(), leaseMs: 1000, limit: 1, kinds: ['note'] });
      clock.advance(1000);
    }
    expect(await runDueJobs(deps(), handlers, options)).toMatchObject({ claimed: 1, failed: 1 });
    expect(seen).toEqual([]);
    expect(await job(id)).toMatchObject({ status: 'failed', last_error: `gave up after ${JOB_RETRY.maxAttempts} tries that never finished` });
  });

  it('leaves alone jobs of kinds this worker has no handler for', async () => {
    const { id } = await enqueueJob(t.database.db, { kind: 'from-a-newer-version', runAt: clock.now() }, clock.now());
    expect(await runDueJobs(deps(), handlers, options)).toMatchObject({ claimed: 0 });
    expect(await job(id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('claims at most one batch at a time, oldest first', async () => {
    for (let i = 0; i < 7; i++) {
      await enqueueJob(t.database.db, { kind: 'note', runAt: new Date(Date.parse(START) - i * 1000), payload: i }, clock.now());
    }
    expect(await runDueJobs(deps(), handlers, { ...options, batch: 3 })).toMatchObject({ claimed: 3, done: 3 });
    expect([...seen].sort()).toEqual([4, 5, 6]);
  });
});
