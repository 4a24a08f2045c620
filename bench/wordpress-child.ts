import { runCli } from '../src/cli.js';

/**
 * The child process of bench/wordpress.ts: `broadside import wordpress FILE` as the real command
 * line runs it, then one JSON line with its peak resident memory (KB) on stdout.
 */
const [file] = process.argv.slice(2);
const lines: string[] = [];
const code = await runCli(['import', 'wordpress', file!], {
  out: (line) => lines.push(line),
  err: (line) => process.stderr.write(`${line}\n`),
  stdin: process.stdin,
  env: process.env,
});
process.stdout.write(`${JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS, summary: lines })}\n`);
process.exit(code);
