import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** A server under test, in its own process. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** From spawn to the first 200 answer to `probe`, in milliseconds. */
  coldStartMs: number;
  /**
   * CPU time the process had used (all its threads, user + system) when that first 200 came, in
   * milliseconds: what a cold start costs, which holds on a busy machine where wall time does not.
   * NaN where /proc/PID/task/N/schedstat is missing (not Linux).
   */
  coldStartCpuMs: number;
  /** Peak resident memory so far (VmHWM of /proc/PID/status), in MB. */
  peakRssMb(): number;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

/** CPU time of every thread of process `pid` so far, in milliseconds (Linux schedstat: nanoseconds on the CPU). */
function cpuMs(pid: number): number {
  try {
    let ns = 0;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      ns += Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    }
    return ns / 1e6;
  } catch {
    return Number.NaN;
  }
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
  let coldStartCpuMs = Number.NaN;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}: ${stderr}`);
    if (performance.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} did not answer within 60 s: ${stderr}`);
    }
    const status = await fetch(url + probe).then((r) => r.arrayBuffer().then(() => r.status), () => 0);
    if (status === 200) {
      coldStartMs = performance.now() - started;
      coldStartCpuMs = cpuMs(child.pid!);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    coldStartMs,
    coldStartCpuMs,
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
