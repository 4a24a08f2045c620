import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { PageCache } from './features/cache/index.js';
import type { StripeFactory } from './features/funding/stripe-client.js';
import type { Clock } from './lib/clock.js';
import type { Database } from './storage/db.js';

/** The structured logger (pino); Fastify logs requests through the same instance. */
export type Logger = FastifyBaseLogger;

/**
 * Everything a feature may depend on, built once in `main.ts` (or by a test) and passed down.
 * There is no other shared state.
 */
export interface AppContext {
  readonly config: Config;
  readonly database: Database;
  readonly clock: Clock;
  readonly log: Logger;
  /** Builds the Stripe client for a secret key; tests point it at a local fake. Default: the real API. */
  readonly stripe?: StripeFactory;
  /**
   * The page cache of this process; its `invalidator` is what services tell about changes.
   * Absent in contexts that serve no pages (some tests): then nothing is cached.
   */
  readonly pageCache?: PageCache;
}

