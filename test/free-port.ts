// A port nothing listens on now, for a server started where the test cannot pass port 0: the
// benchmark's own helper (bench/server-process.ts), which starts its servers the same way.
export { freePort } from '../bench/server-process.js';
