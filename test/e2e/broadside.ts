// bin/broadside.js over src/ instead of the bundle, for tests that start the command as a real
// process: `node --import ./test/e2e/ts-register.mjs test/e2e/broadside.ts serve`.
import '../../src/bin.js';
