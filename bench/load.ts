/**
 * The load generator, run as its own process so it never shares an event loop with the server:
 * `node load.js <url> <seconds> <connections>` prints one JSON line (LoadResult). Uses autocannon
 * when it is installed (a dev dependency), else a loop of `fetch` calls over keep-alive loopback.
 * `node load.js '<LoadSpec as JSON>'` also sends a method, headers and a body (autocannon only):
 * `[<id>]` in the body is replaced by a fresh id on every request.
 */

export interface LoadSpec {
  url: string;
  seconds: number;
  connections: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

import { pathToFileURL } from 'node:url';

export interface LoadResult {
  tool: 'autocannon' | 'fetch';
  requests: number;
  /** Requests per second, averaged over the run. */
  rps: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  /** Failed requests (connection errors, timeouts) and answers other than 2xx. */
  errors: number;
  non2xx: number;
  /** Responses by status code (autocannon only). */
  statusCodes?: Record<string, number>;
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
}

async function withAutocannon(spec: LoadSpec): Promise<LoadResult | null> {
  let autocannon: (options: object) => Promise<AutocannonResult>;
  try {
    const name = 'autocannon';
    autocannon = (await import(name)).default;
  } catch {
    return null;
  }
  const { url, seconds, connections, method = 'GET', headers, body } = spec;
  // autocannon's own idReplacement miscounts Content-Length; a setupRequest per request does not.
  let n = 0;
  const unique = body?.includes('[<id>]')
    ? { requests: [{ setupRequest: (req: object) => ({ ...req, body: body.replaceAll('[<id>]', `${process.pid}-${++n}`) }) }] }
    : {};
  const result = await autocannon({
    url, duration: seconds, connections, method, ...(headers ? { headers } : {}), ...(body ? { body } : {}), ...unique,
  });
  return {
    tool: 'autocannon',
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count])),
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function withFetch(url: string, seconds: number, connections: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const response = await fetch(url);
        await response.arrayBuffer();
        if (response.status < 200 || response.status > 299) non2xx++;
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  latencies.sort((a, b) => a - b);
  const elapsed = (performance.now() - started) / 1000;
  return {
    tool: 'fetch',
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    non2xx,
  };
}

async function main(): Promise<void> {
  const [url, seconds = '10', connections = '10'] = process.argv.slice(2);
  if (!url) throw new Error("usage: node load.js <url> [seconds] [connections] | node load.js '<LoadSpec JSON>'");
  const spec: LoadSpec = url.startsWith('{') ? (JSON.parse(url) as LoadSpec) : { url, seconds: Number(seconds), connections: Number(connections) };
  const fallback = () => {
    if (spec.method === 'POST') throw new Error('a POST load needs autocannon (npm install)');
    return withFetch(spec.url, spec.seconds, spec.connections);
  };
  const result = (await withAutocannon(spec)) ?? (await fallback());
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
