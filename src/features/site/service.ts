import type { Kysely } from 'kysely';
import { EVERYTHING, type Invalidator, thenInvalidate } from '../cache/index.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/dates.js';
import type { DB } from '../../storage/schema.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { recomputeLocalDates } from '../posts/index.js';
import { loadSettings, type Settings, writeSettings } from './settings.js';

/**
 * Changes site settings in one transaction. A new time zone moves every post's local date
 * (and so its archive day and URL) in the same transaction; old URLs redirect. With an
 * `actor`, a change of at least one value is recorded as `settings.change` with the changed keys
 * (members of a group by their dotted name: `comments.threadDepth`).
 */
export async function updateSiteSettings(
  deps: { db: Kysely<DB>; clock: Clock; invalidator?: Invalidator | undefined },
  change: Partial<Settings>,
  options: { actor?: AuditActor } = {},
): Promise<Settings> {
  return thenInvalidate(deps, [EVERYTHING], deps.db.transaction().execute(async (trx) => {
    const before = await loadSettings(trx);
    const after = await writeSettings(trx, change);
    if (after.timeZone !== before.timeZone) await recomputeLocalDates(trx, after.timeZone, toIso(deps.clock.now()));
    const changed = changedKeys(before, after);
    if (options.actor && changed.length > 0) {
      await recordAudit(trx, { action: 'settings.change', subject: 'settings', ...options.actor, details: { keys: changed } }, deps.clock.now());
    }
    return after;
  }));
}

/** The settings that differ, in schema order; a group (`comments`) is named by its members (`comments.threadDepth`). */
function changedKeys(before: Settings, after: Settings): string[] {
  const differ = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  return (Object.keys(after) as (keyof Settings)[]).flatMap((key) => {
    const [a, b] = [after[key], before[key]];
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return differ(a, b) ? [key] : [];
    return Object.keys(a).filter((sub) => differ((a as Record<string, unknown>)[sub], (b as Record<string, unknown>)[sub])).map((sub) => `${key}.${sub}`);
  });
}
