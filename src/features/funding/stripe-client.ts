import type Stripe from 'stripe';

/**
 * Builds a Stripe client for a secret key. The app context carries one, so tests point the
 * official client at a local stand-in for Stripe's API (`host`, `port`, `protocol: 'http'`).
 */
export type StripeFactory = (secretKey: string) => Stripe | Promise<Stripe>;

/**
 * The Stripe library, loaded on first use: it is the largest package Broadside uses, and most
 * processes never talk to Stripe (a site without keys, or a process that serves only pages).
 */
export async function loadStripe(): Promise<typeof Stripe> {
  return (await import('stripe')).default;
}

/** The real Stripe API, no automatic retries (each request is idempotent by key, and one reader waits on it). */
export const defaultStripeFactory: StripeFactory = async (secretKey) => new (await loadStripe())(secretKey, { maxNetworkRetries: 1, timeout: 20_000 });

export type { Stripe };
