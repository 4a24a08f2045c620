export { getDriveProgress, type DriveProgress } from './progress.js';
export {
  createDrive, deleteDrive, type DriveInput, type DriveRow, findDrive, findDriveBySlug, listDrives, listRunningDrives, updateDrive,
} from './drives.js';
export { type ManualDonationInput, recordManualDonation, refundManualDonation } from './manual.js';
export { formatMoney, minorDigits, minorToDecimal, parseAmount } from './money.js';
