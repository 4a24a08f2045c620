// The `broadside` process: runs the CLI with the real standard streams and environment, then
// ends the process unless a server keeps it running. bin/broadside.js runs the bundle built from
// this file (scripts/bundle.mjs, a CommonJS file: so no top-level await here); end-to-end tests
// and the benchmark run this same file.
import { runCli } from './cli.js';

// When whoever reads the output goes away (`broadside start | head`, a killed `tee`, a log
// collector restarting), writing to it fails with EPIPE. Left unhandled, that ended a server that
// was serving fine, and the logger then retried its last line for ever on the way out. The
// output is gone; the work goes on (the logger drops its lines itself on EPIPE).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

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
