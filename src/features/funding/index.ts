export { getDriveProgress, type DriveProgress } from './progress.js';
export {
  createDrive, deleteDrive, type DriveInput, type DriveRow, findDrive, findDriveBySlug, listDrives, listRunningDrives, updateDrive,
} from './drives.js';
export { type ManualDonationInput, recordManualDonation, refundManualDonation } from './manual.js';
export { formatMoney, minorDigits, minorToDecimal, parseAmount } from './money.js';
export { driveProgressBar } from './progress-view.js';
export { drivePath } from './drive-view.js';
export { otherWaysToGive } from './donate-view.js';
export { type FundingSettings, loadFundingSettings, writeFundingSettings } from './settings.js';
export { defaultStripeFactory, type StripeFactory } from './stripe-client.js';
export { fundingRoutes, type FundingRoutesDeps } from './public-routes.js';
export { stripeWebhookRoutes, type WebhookRoutesDeps } from './webhook-routes.js';
export { processStripeEvent } from './webhooks.js';
export {
  adminCreateDrive, adminDeleteDrive, adminRecordManualDonation, adminRefundManualDonation, adminUpdateDrive, adminWriteFundingSettings,
  auditLedgerExport, type FundingAdminDeps,
} from './admin-service.js';
export { ledgerCsv, type LedgerFilter, ledgerFilterSchema, type LedgerRow, type LedgerTotals, ledgerTotals, listLedger } from './ledger.js';
export { csvCell, toCsv } from './csv.js';
export { DEFAULT_FUNDING_SETTINGS, stripeKeys } from './settings.js';
export { seedDemoFunding } from './demo.js';
export { dayEnd, dayNoon, dayStart, lastDay, localDay } from './local-days.js';
