export { pagesRoutes } from './routes.js';
export { findPublishedPage, listMenuPages, pageInputSchema, upsertPage, type PageInput, type PublicPage } from './service.js';
