// The `broadside` process: runs the CLI with the real standard streams and environment, then
// ends the process unless a server keeps it running. bin/broadside.js runs the bundle built from
// this file (scripts/bundle.mjs, a CommonJS file: so no top-level await here); end-to-end tests
// and the benchmark run this same file.
import { runCli } from './cli.js';

void runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stdin: process.stdin,
  env: process.env,
  progress: process.stderr.isTTY ? (line) => process.stderr.write(line ? `\r\x1b[K${line}` : '\r\x1b[K') : undefined,
}).then((code) => {
  // serve/start keep running; every other command ends here.
  if (code !== 0) process.exit(code);
});
