import type { Kysely } from 'kysely';
import type { DB } from '../../storage/schema.js';
import type { JobHandlers } from './run.js';

/**
 * Periodic housekeeping ("publish the posts whose time has come", "purge expired sessions").
 * `run` must be safe to call at any time and more than once; what it returns (a count) is logged.
 *
 * Each sweep is one recurring row in the jobs table (`sweep:<name>`), so with several processes
 * on one PostgreSQL a sweep runs in one process at a time, once per interval, and a sweep cut
 * short by a crash runs again when its lease expires.
 */
export interface Sweep {
  name: string;
  run(db: Kysely<DB>, now: Date): Promise<unknown>;
}

export const sweepKey = (name: string): string => `sweep:${name}`;

/** Handlers that run each sweep and make it due again `everyMs` after it finishes. */
export function sweepHandlers(sweeps: readonly Sweep[], everyMs: number): JobHandlers {
  return Object.fromEntries(
    sweeps.map((sweep) => [
      sweepKey(sweep.name),
      {
        everyMs,
        run: async (_payload, ctx) => {
          const result = await sweep.run(ctx.db, ctx.now);
          ctx.log.debug({ sweep: sweep.name, result }, 'sweep finished');
        },
      },
    ]),
  );
}

/**
 * Makes every sweep due now (at start-up): creates its row, or moves an existing one's time to
 * `now` — unless another process is running it at this moment.
 */
export async function scheduleSweeps(db: Kysely<DB>, sweeps: readonly Sweep[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (const sweep of sweeps) {
    const key = sweepKey(sweep.name);
    await db
      .insertInto('jobs')
      .values({
        kind: key, unique_key: key, run_at: at, payload: '{}', status: 'pending', attempts: 0,
        locked_until: null, locked_by: null, last_error: null, created_at: at, finished_at: null,
      })
      .onConflict((oc) =>
        oc
          .column('unique_key')
          .doUpdateSet({ kind: key, run_at: at, status: 'pending', attempts: 0, locked_by: null, locked_until: null })
          .where('jobs.status', '!=', 'running'),
      )
      .execute();
  }
}
