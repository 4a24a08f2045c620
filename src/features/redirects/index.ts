export { addRedirect, findRedirect } from './service.js';
