import { localInputToUtc } from '../posts/index.js';

const ZERO = /^0000-00-00/;
const WP_DATE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/;

/**
 * The UTC ISO instant of a WordPress date pair: the GMT date when the file has one, else the
 * local date read in the site's time zone. "0000-00-00 00:00:00" (a draft never dated) counts as
 * absent; returns null when neither is usable.
 */
export function wpInstant(gmt: string, local: string, timeZone: string): string | null {
  const g = WP_DATE.exec(gmt.trim());
  if (g && !ZERO.test(gmt)) {
    const instant = new Date(`${g[1]}T${g[2]}Z`);
    if (!Number.isNaN(instant.getTime())) return instant.toISOString();
  }
  const l = WP_DATE.exec(local.trim());
  if (l && !ZERO.test(local)) return localInputToUtc(`${l[1]}T${l[2]}`, timeZone);
  return null;
}
