import type { Transaction } from 'kysely';
import type { DB } from '../../storage/schema.js';
import { addRedirect } from '../redirects/index.js';
import type { RunContext } from './run-context.js';
import { count } from './summary.js';

/**
 * The old site's addresses of an item, as the not-found handler looks them up: decoded paths
 * (`/2019/05/тест/`), and query addresses kept with their one parameter (`/?p=12`).
 */

/** The decoded path of `link` when it is an address of the old site, else null. */
export function oldPathOf(ctx: RunContext, link: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, `${ctx.scan.siteUrl}/`);
    const path = decodeURI(url.pathname);
    if (url.search) return `${path}${url.search}`;
    return path === '/' || path === `${ctx.sitePath}/` ? null : path;
  } catch {
    return null;
  }
}

/** `/blog/?p=12` for `p`, `12` on a site that lived under /blog. */
export function queryPath(ctx: RunContext, key: string, value: string): string {
  return `${ctx.sitePath}/?${key}=${encodeURIComponent(value)}`;
}

/**
 * Adds redirects from each old address to `to` (skipping empty ones, `to` itself and those already
 * there), counted. `fresh`: the addresses belong to an item written in this transaction, so none
 * can be there yet and the check is skipped.
 */
export async function redirectAll(trx: Transaction<DB>, ctx: RunContext, from: (string | null)[], to: string, now: string, fresh = false): Promise<void> {
  for (const path of new Set(from)) {
    if (!path || path === to) continue;
    const same = !fresh && await trx.selectFrom('redirects').select('id').where('from_path', '=', path).where('to_path', '=', to).executeTakeFirst();
    if (same) continue;
    await addRedirect(trx, path, to, now);
    count(ctx.summary.imported, 'redirect');
  }
}
