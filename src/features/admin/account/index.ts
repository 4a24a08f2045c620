import type { AdminSection } from '../routes.js';
import { registerAccountRoutes } from './account-routes.js';
import { registerPasswordResetRoutes } from './reset-routes.js';

/** The user's own account (/admin/account) and password reset by email (/admin/password-reset). */
export const accountSection: AdminSection = (app, deps) => {
  registerPasswordResetRoutes(app, deps);
  registerAccountRoutes(app, deps);
};
