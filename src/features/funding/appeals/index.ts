export { type AppealButton, BUTTON_KINDS, BUTTON_RULES, type ButtonKind, checkButtonUrl, DONATE_PATH } from './buttons.js';
export { compactIban, formatIban, isValidBic, isValidIban } from './iban.js';
export { type Appeal, type AppealInput, type BankDetails, type LiveAppeal, type Placement, PLACEMENTS } from './model.js';
export { type AppealBlocksDeps, withAppeals } from './page-blocks.js';
export { appealsFor, type PageFacts } from './placement.js';
export { type AppealActor, type AppealDeps, createAppeal, deleteAppeal, setAppealEnabled, updateAppeal } from './service.js';
export { findAppeal, listAppeals, listLiveAppeals } from './storage.js';
export { type DriveProgress, driveProgress, listDriveChoices } from './drives.js';
export { seedDemoAppeals } from './demo.js';
