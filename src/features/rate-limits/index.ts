export { blockKey, checkLimit, hitLimit, hitLimitIn, type LimitRule, type LimitState, resetLimit } from './service.js';
