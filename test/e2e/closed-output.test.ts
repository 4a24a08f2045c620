import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../free-port.js';
import { FROM_SOURCE } from './processes.js';

// A server whose output reader goes away (`broadside start | head`, `| tee` killed, a log
// collector restarting) keeps serving, and still stops cleanly when told to. Before, the next
// line it printed failed with EPIPE, which ended the process; and on its way out the logger
// retried its last line every 100 ms for ever, so the process neither served nor exited.
describe('a server whose standard output is closed', () => {
  let dataDir = '';
  let kill = () => {};
  afterEach(() => {
    kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps answering readers and stops on SIGTERM', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-closed-output-'));
    const port = await freePort();
    const child = spawn(process.execPath, [...FROM_SOURCE, 'start'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', BROADSIDE_DATA: dataDir, PORT: String(port), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    kill = () => child.kill('SIGKILL');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // `start` on an empty site says it loads the demo, then that it loaded it, then where it
    // serves: the reader leaves after the first line, like `| head -1`.
    await new Promise((resolve) => child.stdout!.once('data', resolve));
    child.stdout!.destroy();
    let status = 0;
    for (const started = Date.now(); status !== 200 && Date.now() - started < 60_000;) {
      status = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.arrayBuffer().then(() => r.status), () => 0);
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    expect(child.exitCode).toBeNull();
    const stopping = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(5000);
  });
});
