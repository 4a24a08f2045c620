import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** A server under test, in its own process. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** From spawn to the first 200 answer to `probe`, in milliseconds. */
  coldStartMs: number;
  /** Peak resident memory so far (VmHWM of /proc/PID/status), in MB. */
  peakRssMb(): number;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Spawns `node ...args` with `env` (PORT is set to a free port) and polls `probe` every 5 ms
 * until it answers 200. Throws, with what the process printed, when it exits or takes over 60 s.
 */
export async function startServer(args: string[], env: Record<string, string>, probe = '/'): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let coldStartMs = 0;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}: ${stderr}`);
    if (performance.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} did not answer within 60 s: ${stderr}`);
    }
    const status = await fetch(url + probe).then((r) => r.arrayBuffer().then(() => r.status), () => 0);
    if (status === 200) {
      coldStartMs = performance.now() - started;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    coldStartMs,
    peakRssMb: () => {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(status.match(/^VmHWM:\s+(\d+) kB/m)?.[1] ?? Number.NaN) / 1024;
    },
    stop: async () => {
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(force);
    },
  };
}
