export { appealsSection } from './routes.js';
