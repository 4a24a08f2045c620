import { accountSection } from './account/index.js';
import { appealsSection } from './appeals/index.js';
import { registerPostRoutes } from './posts/routes.js';
import { commentSettingsSection, commentsDesk } from './comments/index.js';
import { fundingSection } from './funding/index.js';
import { importSection } from './import/index.js';
import type { AdminSection } from './routes.js';
import { auditSection, authorsSection, categoriesSection, pagesSection, settingsSection, tagsSection, usersSection } from './site/index.js';

/**
 * Every admin section, in one list. Each section is a function registering its routes on the
 * admin plugin (so they share the sign-in guard, CSRF and error handling). Add one line per section.
 */
export const ADMIN_SECTIONS: AdminSection[] = [
  registerPostRoutes,
  pagesSection,
  commentsDesk,
  categoriesSection,
  tagsSection,
  authorsSection,
  usersSection,
  settingsSection,
  auditSection,
  accountSection,
  commentSettingsSection,
  appealsSection,
  fundingSection,
  importSection,
];
