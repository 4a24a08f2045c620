import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { expectValidHtml } from '../html.js';

/**
 * The browser side of the tests: connect to the shared Chromium (see ./global-browser.ts),
 * open isolated pages that record what went wrong, and check a page the way a careful reader
 * and an auditor would (console, other hosts, accessibility, valid markup).
 */

/** Connects to the one Chromium launched for the run. Close the returned Browser in afterAll. */
export async function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserWsEndpoint'), { timeout: 30_000 });
}

export interface OpenPageOptions {
  /** Defaults to Playwright's 1280×720 desktop. */
  viewport?: { width: number; height: number };
  /** Emulate a phone: meta viewport honoured, touch events on. */
  isMobile?: boolean;
  deviceScaleFactor?: number;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** The site's origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Every console message of type "error" and every uncaught page error, as readable lines. */
  consoleErrors: ConsoleProblem[];
  /** Every request the page made to an origin other than the site's, as `METHOD url (resource type)`. */
  foreignRequests: string[];
  close(): Promise<void>;
}

export interface ConsoleProblem {
  /** `console.error` (including the browser's own errors: failed loads, CSP violations) or `pageerror`. */
  kind: 'console' | 'pageerror';
  text: string;
  /** The URL the message is attributed to, when the browser says. */
  url: string;
}

/** Schemes that never leave the browser, so can never be a request to another host. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/**
 * A new page in its own browser context (no shared cookies or cache), with collectors attached
 * before anything loads. Relative `page.goto('/x/')` resolves against `baseUrl`. Requests to
 * other origins are recorded and then aborted, so the tests never depend on the network.
 * The site's Content-Security-Policy is enforced (bypassCSP stays off).
 */
export async function openPage(browser: Browser, baseUrl: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({
    baseURL: baseUrl,
    bypassCSP: false,
    serviceWorkers: 'block',
    ...(options.viewport ? { viewport: options.viewport } : {}),
    ...(options.isMobile !== undefined ? { isMobile: options.isMobile, hasTouch: options.isMobile } : {}),
    ...(options.deviceScaleFactor !== undefined ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
  });
  const consoleErrors: ConsoleProblem[] = [];
  const foreignRequests: string[] = [];
  const isForeign = (url: URL) => !LOCAL_SCHEMES.has(url.protocol) && url.origin !== origin;

  context.on('request', (request) => {
    if (isForeign(new URL(request.url()))) {
      foreignRequests.push(`${request.method()} ${request.url()} (${request.resourceType()})`);
    }
  });
  await context.route(isForeign, (route) => route.abort('blockedbyclient'));
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const location = message.location();
    const at = location.url ? ` at ${location.url}:${location.lineNumber}` : '';
    consoleErrors.push({ kind: 'console', text: `${message.text()}${at}`, url: location.url });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    consoleErrors.push({ kind: 'pageerror', text: `${error.name}: ${error.message}`, url: page.url() });
  });
  return { page, context, origin, consoleErrors, foreignRequests, close: () => context.close() };
}

interface AxeViolationSummary {
  id: string;
  impact: string | null | undefined;
  help: string;
  helpUrl: string;
  targets: string[];
  html: string;
  summary: string;
  count: number;
}

/**
 * Runs axe-core in the page and returns its serious and critical violations, one readable line
 * each: rule id, impact, help text, the first few elements and the first element's markup.
 *
 * axe is injected with `page.evaluate(source)`, which runs through the DevTools protocol and so
 * is not an inline script in the CSP's sense: the site's policy stays enforced for the page.
 */
export async function checkAccessibility(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run);
  if (loaded !== 'function') throw new Error(`axe-core did not load in ${page.url()} (window.axe.run is ${loaded})`);
  const violations = await page.evaluate(async (): Promise<AxeViolationSummary[]> => {
    const { axe: inPage } = window as unknown as { axe: typeof axe };
    const results = await inPage.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.slice(0, 3).map((n) => n.target.map(String).join(' ')),
      html: v.nodes[0]?.html ?? '',
      summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      count: v.nodes.length,
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.count} element(s), e.g. ${v.targets.join(' | ')}` +
        ` — first: ${v.html.slice(0, 200)} — ${v.summary.slice(0, 300)} — ${v.helpUrl}`,
    );
}

/**
 * html-validate on the markup the server sends for `url` (fetched directly, not the browser's
 * DOM, so the server's own HTML is what gets checked).
 */
export async function expectServedHtmlValid(url: string): Promise<void> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.headers.get('content-type'), `content type of ${url}`).toMatch(/^text\/html/);
  await expectValidHtml(await response.text(), new URL(url).pathname);
}

export interface HealthOptions {
  /** The status the document itself is expected to have (404 for the not-found page). */
  documentStatus?: number;
}

/**
 * What already passed the slow checks in this test file: axe per URL and viewport width,
 * html-validate per URL. The demo server's clock stands still, so the same URL serves the same
 * markup; a page revisited on the way to another one need not be audited again.
 */
const auditedForAccessibility = new Set<string>();
const validatedHtml = new Set<string>();

/**
 * The four checks every page the tests open gets: no console error or page error, no request to
 * another host, no serious or critical axe violation, and valid HTML as served. Drains the
 * collectors, so the next call looks only at what happened since. Console and other-host checks
 * run on every visit; axe and html-validate once per URL (and viewport width, for axe) per file.
 */
export async function expectHealthyPage(opened: OpenedPage, options: HealthOptions = {}): Promise<void> {
  const { page } = opened;
  await page.waitForLoadState('load');
  const url = page.url();
  const where = new URL(url).pathname;

  const problems = opened.consoleErrors.splice(0).filter((p) => !isExpectedDocumentError(p, url, options.documentStatus));
  expect(problems.map((p) => `${p.kind}: ${p.text}`), `console errors on ${where}`).toEqual([]);

  const foreign = opened.foreignRequests.splice(0);
  expect(foreign, `requests to other hosts from ${where}`).toEqual([]);

  // axe works in the browser and html-validate in this process, so they run side by side.
  const width = page.viewportSize()?.width;
  const axeKey = `${url} @${width ?? 'default'}px`;
  await Promise.all([
    (async () => {
      if (auditedForAccessibility.has(axeKey)) return;
      expect(await checkAccessibility(page), `serious or critical axe violations on ${where} at ${width}px wide`).toEqual([]);
      auditedForAccessibility.add(axeKey);
    })(),
    (async () => {
      if (validatedHtml.has(url)) return;
      await expectServedHtmlValid(url);
      validatedHtml.add(url);
    })(),
  ]);
}

/** Clicks a link and waits for the page it leads to, then gives that page the four checks. */
export async function follow(opened: OpenedPage, link: Locator): Promise<void> {
  const before = opened.page.url();
  await link.click();
  await opened.page.waitForURL((url) => url.href !== before);
  await expectHealthyPage(opened);
}

/** The page is no wider than the viewport: a reader never has to scroll sideways. */
export async function expectNoHorizontalScroll(opened: OpenedPage): Promise<void> {
  const { scrollWidth, clientWidth } = await opened.page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page width on ${new URL(opened.page.url()).pathname} (viewport ${clientWidth}px)`).toBeLessThanOrEqual(clientWidth);
}

/**
 * Chromium reports a document served with an error status as a console error ("Failed to load
 * resource: … 404"); on a page that is meant to be a 404, that one line is not a problem.
 */
function isExpectedDocumentError(problem: ConsoleProblem, url: string, status: number | undefined): boolean {
  return (
    status !== undefined &&
    problem.kind === 'console' &&
    problem.url === url &&
    problem.text.startsWith(`Failed to load resource: the server responded with a status of ${status} `)
  );
}
