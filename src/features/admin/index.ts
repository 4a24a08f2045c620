export { type AdminDeps, adminFrame, currentUser, flash, requirePermission, sendPage } from './context.js';
export { adminRoutes, type AdminSection } from './routes.js';
