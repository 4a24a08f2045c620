export {
  type AdminPage, createPage, deletePage, findPageForAdmin, listPagesForAdmin, type PageDeps, updatePage,
} from './admin-service.js';
export { pagesRoutes } from './routes.js';
export { findPublishedPage, listMenuPages, pageInputSchema, pageValues, upsertPage, type PageInput, type PublicPage } from './service.js';
