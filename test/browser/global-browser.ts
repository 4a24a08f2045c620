import { type BrowserServer, chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** WebSocket endpoint of the one Chromium shared by every browser test file. */
    browserWsEndpoint: string;
  }
}

/** Longest we wait for Chromium to start; past this the run fails instead of hanging. */
const LAUNCH_TIMEOUT_MS = 60_000;
/** Longest we wait for a graceful close before killing the browser's process group. */
const CLOSE_TIMEOUT_MS = 10_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Runs once per `vitest run`: launches one headless Chromium (Debian's, or CHROMIUM_PATH) and
 * hands its endpoint to the test files through `provide`; each browser test file connects to it
 * with `connectBrowser()` from ./harness.ts and opens its own isolated contexts.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const server = await launch(executablePath);
  project.provide('browserWsEndpoint', server.wsEndpoint());
  return async () => {
    await closeWithin(server, CLOSE_TIMEOUT_MS);
  };
}

async function launch(executablePath: string): Promise<BrowserServer> {
  const launching = chromium.launchServer({
    executablePath,
    headless: true,
    timeout: LAUNCH_TIMEOUT_MS,
    args: CHROMIUM_ARGS,
  });
  // Playwright's own timeout should fire first; this guard covers a launch that never settles.
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${LAUNCH_TIMEOUT_MS + 5_000} ms`)), LAUNCH_TIMEOUT_MS + 5_000);
  });
  try {
    return await Promise.race([launching, guard]);
  } catch (error) {
    // If the launch finishes after we gave up, do not leave that browser running.
    launching.then((late) => late.kill(), () => undefined);
    throw new Error(
      `The browser tests need Chromium at ${executablePath} (set CHROMIUM_PATH to use another): ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

async function closeWithin(server: BrowserServer, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    const outcome = await Promise.race([server.close().then(() => 'closed' as const), timedOut]);
    if (outcome === 'timeout') await server.kill();
  } catch {
    await server.kill();
  } finally {
    clearTimeout(timer);
  }
}
