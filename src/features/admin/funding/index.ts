import { guardedSection } from '../site/shared.js';
import { registerDriveRoutes } from './drives-routes.js';
import { registerLedgerRoutes } from './ledger-routes.js';
import { registerFundingSettingsRoutes } from './settings-routes.js';

/**
 * /admin/funding: the donations ledger (with donor emails), manual gifts, drives and the
 * funding settings (Stripe keys). Admins only (`funding.manage`): editors neither see nor
 * change it, since it holds private donor data and says where money goes.
 */
export const fundingSection = guardedSection('funding.manage', (app, deps) => {
  registerLedgerRoutes(app, deps);
  registerDriveRoutes(app, deps);
  registerFundingSettingsRoutes(app, deps);
});
