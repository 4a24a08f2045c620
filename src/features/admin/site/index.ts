export { authorsSection } from './authors-routes.js';
export { categoriesSection } from './categories-routes.js';
export { pagesSection } from './pages-routes.js';
export { settingsSection } from './settings-routes.js';
export { tagsSection } from './tags-routes.js';
export { usersSection } from './users-routes.js';
export { auditSection } from './audit-routes.js';
