import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock.js';
import { driveTag, type Invalidator, thenInvalidate } from '../cache/index.js';
import type { DB } from '../../storage/schema.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { createDrive, deleteDrive, type DriveInput, type DriveRow, updateDrive } from './drives.js';
import type { LedgerFilter } from './ledger.js';
import { type ManualDonationInput, recordManualDonation, refundManualDonation } from './manual.js';
import { type FundingSettings, writeFundingSettings } from './settings.js';

/**
 * What admins do to funding, each change in one transaction with its audit entry. Secrets
 * (Stripe keys) are never written to the audit log, only whether they changed. Once a change
 * that moves a drive's total or shows (a gift, a refund, a drive edit) has committed, the
 * cached pages naming `drive:N` are dropped, as after a Stripe webhook.
 */
export interface FundingAdminDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Told after a drive's total or details changed (its progress shows on cached pages). */
  invalidator?: Invalidator | undefined;
}

const driveTags = (driveId: number | null | undefined): string[] => (driveId ? [driveTag(driveId)] : []);

export async function adminCreateDrive(deps: FundingAdminDeps, input: DriveInput, actor: AuditActor): Promise<DriveRow> {
  return deps.db.transaction().execute(async (trx) => {
    const drive = await createDrive({ db: trx, clock: deps.clock }, input);
    await recordAudit(trx, { action: 'funding.drive_create', subject: `drive:${drive.id}`, ...actor, details: { title: drive.title, target: drive.target_minor, currency: drive.currency } }, deps.clock.now());
    return drive;
  });
}

export async function adminUpdateDrive(deps: FundingAdminDeps, id: number, input: DriveInput, actor: AuditActor): Promise<DriveRow> {
  return thenInvalidate(deps, [driveTag(id)], deps.db.transaction().execute(async (trx) => {
    const drive = await updateDrive({ db: trx, clock: deps.clock }, id, input);
    await recordAudit(trx, { action: 'funding.drive_update', subject: `drive:${id}`, ...actor, details: { title: drive.title, target: drive.target_minor, currency: drive.currency } }, deps.clock.now());
    return drive;
  }));
}

export async function adminDeleteDrive(deps: FundingAdminDeps, id: number, actor: AuditActor): Promise<DriveRow> {
  return thenInvalidate(deps, [driveTag(id)], deps.db.transaction().execute(async (trx) => {
    const drive = await deleteDrive(trx, id);
    await recordAudit(trx, { action: 'funding.drive_delete', subject: `drive:${id}`, ...actor, details: { title: drive.title } }, deps.clock.now());
    return drive;
  }));
}

export async function adminRecordManualDonation(deps: FundingAdminDeps, input: ManualDonationInput, actor: AuditActor): Promise<number> {
  return thenInvalidate(deps, driveTags(input.driveId), deps.db.transaction().execute(async (trx) => {
    const id = await recordManualDonation(trx, input);
    await recordAudit(trx, { action: 'funding.manual_donation', subject: `donation:${id}`, ...actor, details: { amount: input.amountMinor, currency: input.currency, drive: input.driveId ?? null } }, deps.clock.now());
    return id;
  }));
}

export async function adminRefundManualDonation(deps: FundingAdminDeps, id: number, actor: AuditActor): Promise<void> {
  const { driveId } = await deps.db.transaction().execute(async (trx) => {
    const refunded = await refundManualDonation(trx, id, deps.clock.now());
    await recordAudit(trx, { action: 'funding.manual_refund', subject: `donation:${id}`, ...actor }, deps.clock.now());
    return refunded;
  });
  await deps.invalidator?.invalidate(driveTags(driveId));
}

export async function adminWriteFundingSettings(deps: FundingAdminDeps, change: Partial<FundingSettings>, actor: AuditActor): Promise<FundingSettings> {
  return deps.db.transaction().execute(async (trx) => {
    const next = await writeFundingSettings(trx, change);
    const changed = Object.keys(change).map((k) => (k.startsWith('stripe') ? `${k} (secret)` : k));
    await recordAudit(trx, { action: 'funding.settings', subject: 'settings:funding', ...actor, details: { changed } }, deps.clock.now());
    return next;
  });
}

/** Records that someone downloaded the ledger (it holds donor emails). */
export async function auditLedgerExport(deps: FundingAdminDeps, filter: LedgerFilter, actor: AuditActor): Promise<void> {
  await recordAudit(deps.db, { action: 'funding.ledger_export', subject: 'donations', ...actor, details: { filter } }, deps.clock.now());
}
