export { importSection } from './routes.js';
