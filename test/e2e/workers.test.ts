import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers.js';
import { type BroadsideProcess, databaseUrlFor, startBroadside } from './processes.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The pids of the workers that have started, from their "background worker started" log lines. */
const workerPids = (p: BroadsideProcess) =>
  [...new Set(p.logs().filter((l) => l.msg === 'background worker started').map((l) => l.pid as number))];

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('broadside serve --workers 2 on PostgreSQL', () => {
  let t: TestDatabase;
  let server: BroadsideProcess;

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    server = await startBroadside(['serve', '--workers', '2'], { DATABASE_URL: databaseUrlFor(t.schema!), BROADSIDE_DATA: t.dataDir });
  }, 120_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    for (const pid of server ? workerPids(server) : []) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await t?.drop();
  });

  it('serves from two worker processes on one port, replaces a worker that dies, and stops them all on SIGTERM', async () => {
    expect(server.lines.find((l) => l.startsWith('Broadside is serving'))).toMatch(/with 2 worker processes \(primary \d+\)\.$/);
    // The workers' log lines reach the shared output in no set order with the primary's line.
    await until(() => workerPids(server).length >= 2, 10_000);
    const first = workerPids(server);
    expect(first).toHaveLength(2);
    expect(first).not.toContain(server.child.pid);
    for (let i = 0; i < 10; i++) expect((await fetch(`${server.url}/`)).status).toBe(200);

    process.kill(first[0]!, 'SIGKILL');
    await server.waitForLine((l) => l.includes('worker exited; starting another'), 10_000);
    // The other worker answers meanwhile.
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    await until(() => workerPids(server).length === 3, 60_000);
    const replacement = workerPids(server).find((pid) => !first.includes(pid))!;
    expect(alive(replacement)).toBe(true);

    expect(await server.stop('SIGTERM')).toBe(0);
    expect(alive(first[1]!)).toBe(false);
    expect(alive(replacement)).toBe(false);
  }, 120_000);
});

describe('broadside serve --workers on SQLite', () => {
  it('refuses more than one worker with a line saying PostgreSQL is needed, and serves nothing', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-workers-'));
    const err: string[] = [];
    const code = await runCli(['serve', '--workers', '3', '--port', '0'], {
      out: () => {},
      err: (line) => err.push(line),
      stdin: Readable.from([]) as unknown as NodeJS.ReadStream,
      env: { BROADSIDE_DATA: dataDir, LOG_LEVEL: 'silent' },
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^broadside: --workers 3 needs PostgreSQL \(set DATABASE_URL\): with SQLite, run one process/)]);
  });
});
