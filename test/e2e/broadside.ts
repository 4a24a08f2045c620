// bin/broadside.js over src/ instead of dist/, for tests that start the command as a real
// process: `node --import ./test/e2e/ts-register.mjs test/e2e/broadside.ts serve`.
import { runCli } from '../../src/cli.js';

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stdin: process.stdin,
  env: process.env,
});
if (code !== 0) process.exit(code);
