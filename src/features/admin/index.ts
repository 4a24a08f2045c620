export { type AdminDeps, adminFrame, currentUser, flash, requirePermission, sendPage } from './context.js';
export { adminRoutes, type AdminSection } from './routes.js';
export { ADMIN_SECTIONS } from './sections.js';
export { csrfField, emptyForm, type FieldState } from './views/forms.js';
export { adminLayout, type AdminFrame } from './views/layout.js';
