import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_DATABASE_URL } from '../database-url.js';

/**
 * Real `broadside` processes for end-to-end tests: the CLI run from src/ by plain Node through
 * ts-register.mjs (no build needed), with its own environment, its output collected line by line.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');

export interface BroadsideProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT`, from the line the command prints once it serves. */
  url: string;
  /** Every line written so far, stdout and stderr together. */
  lines: string[];
  /** pino's JSON log lines, parsed. */
  logs(): Record<string, unknown>[];
  /** Resolves with the first line matching `test`, waiting up to `timeoutMs`. */
  waitForLine(test: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Sends `signal` (SIGTERM) and resolves with the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** TEST_DATABASE_URL with `options=-c search_path=<schema>`, so a process uses that schema. */
export function databaseUrlFor(schema: string): string {
  const separator = TEST_DATABASE_URL.includes('?') ? '&' : '?';
  return `${TEST_DATABASE_URL}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** How to run `broadside` from src/: Node with the TypeScript hooks, then test/e2e/broadside.ts. */
export const FROM_SOURCE = ['--import', path.join(HERE, 'ts-register.mjs'), path.join(HERE, 'broadside.ts')];

/**
 * Starts `broadside ...args` and resolves once it prints that it is serving (90 s at most).
 * `command` is what Node runs before `args`: src/ by default, or a bundle's file.
 */
export async function startBroadside(args: string[], env: Record<string, string>, command: string[] = FROM_SOURCE): Promise<BroadsideProcess> {
  const child = spawn(process.execPath, [...command, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      lines.push(...parts);
      for (const wake of waiters) wake();
    });
  }
  const waitForLine = (test: (line: string) => boolean, timeoutMs = 30_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.find(test);
        if (found === undefined) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no such line within ${timeoutMs} ms; output:\n${lines.slice(-30).join('\n')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
      void exited.then(() => setTimeout(() => {
        if (!waiters.has(check)) return;
        cleanup();
        reject(new Error(`the process exited; output:\n${lines.slice(-30).join('\n')}`));
      }, 50));
    });
  const serving = await waitForLine((line) => line.startsWith('Broadside is serving'), 90_000).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    child,
    url: serving.match(/at (http:\/\/\S+?)\/?(?:\s|$)/)![1]!,
    lines,
    logs: () => lines.flatMap((line) => (line.startsWith('{') ? [JSON.parse(line) as Record<string, unknown>] : [])),
    waitForLine,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
