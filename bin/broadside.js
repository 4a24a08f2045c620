#!/usr/bin/env node
// The `broadside` command. Runs the compiled CLI in dist/ (built by `npm install`).
import { runCli } from '../dist/cli.js';

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stdin: process.stdin,
  env: process.env,
  progress: process.stderr.isTTY ? (line) => process.stderr.write(line ? `\r\x1b[K${line}` : '\r\x1b[K') : undefined,
});
// serve/start keep running; every other command ends here.
if (code !== 0) process.exit(code);
