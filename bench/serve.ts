// What bin/broadside.js is, over the benchmark's compiled src/ (bench/run.mjs compiles src/ and
// bench/ together with tsc, so the server under load is exactly the current source, built).
import { runCli } from '../src/cli.js';

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stdin: process.stdin,
  env: process.env,
});
if (code !== 0) process.exit(code);
