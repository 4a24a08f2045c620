export { commentsDesk } from './routes.js';
export { commentSettingsSection } from './settings-routes.js';
