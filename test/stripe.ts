import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import type { StripeFactory } from '../src/features/funding/index.js';
import type { TestApp } from './helpers.js';

/** Helpers for funding tests: a local stand-in for Stripe's API, and signed webhook deliveries. */

export const WEBHOOK_SECRET = 'whsec_test_broadside_secret';
export const SECRET_KEY = 'sk_test_broadside';

export interface StripeRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The form-encoded body, decoded into a flat map (`line_items[0][price_data][currency]`). */
  params: Record<string, string>;
}

export interface FakeStripe {
  /** Point the official client at this server. */
  factory: StripeFactory;
  requests: StripeRequest[];
  /** Answer the next requests with this status (e.g. 500), until set back to 200. */
  failWith(status: number): void;
  close(): Promise<void>;
}

/**
 * A node:http server answering the few Stripe API calls Broadside makes (Checkout Sessions,
 * billing-portal sessions) like Stripe does, and recording every request exactly as sent.
 */
export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: StripeRequest[] = [];
  let status = 200;
  let n = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stripe.local');
      requests.push({ method: req.method ?? '', path: url.pathname, headers: req.headers, params: Object.fromEntries(new URLSearchParams(body)) });
      res.setHeader('content-type', 'application/json');
      n += 1;
      if (status !== 200) {
        res.statusCode = status;
        res.end(JSON.stringify({ error: { type: 'api_error', message: 'Stripe is down in this test' } }));
      } else if (url.pathname === '/v1/checkout/sessions') {
        res.end(JSON.stringify({ id: `cs_test_${n}`, object: 'checkout.session', url: `https://checkout.stripe.com/c/pay/cs_test_${n}` }));
      } else if (url.pathname === '/v1/billing_portal/sessions') {
        res.end(JSON.stringify({ id: `bps_test_${n}`, object: 'billing_portal.session', url: `https://billing.stripe.com/p/session/test_${n}` }));
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    factory: (key) => new Stripe(key, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 }),
    requests,
    failWith: (s) => {
      status = s;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let eventCounter = 0;

/** A Stripe event envelope around `object`, as Stripe posts it. */
export function stripeEvent(type: string, object: Record<string, unknown>, id = `evt_test_${++eventCounter}_${Date.now()}`) {
  return { id, object: 'event', api_version: '2026-10-28.endive', created: 1781524800, type, livemode: false, data: { object } };
}

/**
 * Posts an event to /webhooks/stripe signed with the `stripe` package's own test helper.
 * `timestamp` (seconds) defaults to the app clock's now; `secret` to the configured one.
 */
export async function deliver(t: TestApp, event: object, options: { secret?: string; timestamp?: number; tamper?: (body: string) => string } = {}) {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({
    payload, secret: options.secret ?? WEBHOOK_SECRET, timestamp: options.timestamp ?? Math.floor(t.clock.now().getTime() / 1000),
  });
  return t.app.inject({
    method: 'POST', url: '/webhooks/stripe',
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header },
    payload: options.tamper ? options.tamper(payload) : payload,
  });
}
