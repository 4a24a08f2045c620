import Stripe from 'stripe';

/**
 * Builds a Stripe client for a secret key. The app context carries one, so tests point the
 * official client at a local stand-in for Stripe's API (`host`, `port`, `protocol: 'http'`).
 */
export type StripeFactory = (secretKey: string) => Stripe;

/** The real Stripe API, no automatic retries (each request is idempotent by key, and one reader waits on it). */
export const defaultStripeFactory: StripeFactory = (secretKey) => new Stripe(secretKey, { maxNetworkRetries: 1, timeout: 20_000 });

export type { Stripe };
