export { pagesSection } from './pages-routes.js';
