import type { Kysely } from 'kysely';
import { APPEALS, type Invalidator, thenInvalidate } from '../../cache/index.js';
import { AppError } from '../../../errors.js';
import type { Clock } from '../../../lib/clock.js';
import type { DB } from '../../../storage/schema.js';
import { type AuditActor, recordAudit } from '../../audit/index.js';
import { loadSettings } from '../../site/index.js';
import { type CheckedAppeal, checkAppeal } from './check-input.js';
import { listDriveChoices } from './drives.js';
import type { AppealInput } from './model.js';
import { findAppeal, insertAppeal, updateAppealRow } from './storage.js';

/** Who acts, for the audit log: a signed-in user, or nobody (the demo loader). */
export type AppealActor = Omit<AuditActor, 'userId'> & { userId: number | null };

/** What the appeal services need. */
export interface AppealDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Told after a change commits: appeals show on every public page. */
  invalidator?: Invalidator | undefined;
}

async function check(deps: AppealDeps, input: AppealInput): Promise<CheckedAppeal> {
  const [settings, categories, drives] = await Promise.all([
    loadSettings(deps.db),
    deps.db.selectFrom('categories').select('id').execute(),
    listDriveChoices(deps.db),
  ]);
  return checkAppeal(input, {
    timeZone: settings.timeZone,
    siteUrl: settings.baseUrl,
    knownCategories: new Set(categories.map((c) => c.id)),
    knownDrive: (id) => drives.some((d) => d.id === id),
  });
}

/** Creates an appeal; returns its id. Throws VALIDATION with a message per field. */
export async function createAppeal(deps: AppealDeps, input: AppealInput, actor: AppealActor): Promise<number> {
  const appeal = await check(deps, input);
  const now = deps.clock.now();
  return thenInvalidate(deps, [APPEALS], deps.db.transaction().execute(async (trx) => {
    const id = await insertAppeal(trx, appeal, now.toISOString());
    await recordAudit(trx, { ...actor, action: 'appeal.create', subject: `appeal:${id}`, details: { title: appeal.title } }, now);
    return id;
  }));
}

/** Replaces every field of appeal `id`. Throws NOT_FOUND or VALIDATION. */
export async function updateAppeal(deps: AppealDeps, id: number, input: AppealInput, actor: AppealActor): Promise<void> {
  await mustExist(deps.db, id);
  const appeal = await check(deps, input);
  const now = deps.clock.now();
  await thenInvalidate(deps, [APPEALS], deps.db.transaction().execute(async (trx) => {
    await updateAppealRow(trx, id, appeal, now.toISOString());
    await recordAudit(trx, { ...actor, action: 'appeal.update', subject: `appeal:${id}`, details: { title: appeal.title } }, now);
  }));
}

/** Shows (enabled) or hides an appeal without touching its other fields. Throws NOT_FOUND. */
export async function setAppealEnabled(deps: AppealDeps, id: number, enabled: boolean, actor: AppealActor): Promise<void> {
  const appeal = await mustExist(deps.db, id);
  const now = deps.clock.now();
  await thenInvalidate(deps, [APPEALS], deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('appeals').set({ enabled: Number(enabled), updated_at: now.toISOString() }).where('id', '=', id).execute();
    await recordAudit(trx, { ...actor, action: enabled ? 'appeal.enable' : 'appeal.disable', subject: `appeal:${id}`, details: { title: appeal.title } }, now);
  }));
}

/** Deletes an appeal for good. Throws NOT_FOUND. */
export async function deleteAppeal(deps: AppealDeps, id: number, actor: AppealActor): Promise<void> {
  const appeal = await mustExist(deps.db, id);
  const now = deps.clock.now();
  await thenInvalidate(deps, [APPEALS], deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('appeals').where('id', '=', id).execute();
    await recordAudit(trx, { ...actor, action: 'appeal.delete', subject: `appeal:${id}`, details: { title: appeal.title } }, now);
  }));
}

async function mustExist(db: Kysely<DB>, id: number) {
  const appeal = await findAppeal(db, id);
  if (!appeal) throw new AppError('NOT_FOUND');
  return appeal;
}
