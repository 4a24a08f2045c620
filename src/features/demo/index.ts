export { isSiteEmpty, seedDemo, type SeedOutcome } from './seed.js';
