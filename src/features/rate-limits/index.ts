export { blockKey, checkLimit, hitLimit, type LimitRule, type LimitState, resetLimit } from './service.js';
