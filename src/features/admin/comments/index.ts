export { commentsDesk } from './routes.js';
