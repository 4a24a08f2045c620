/**
 * Wall-clock times in the site's time zone, as a `datetime-local` field shows and sends them
 * (`2026-12-01T09:30`), and their UTC instants. Pure; Intl only.
 */

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone, calendar: 'gregory', numberingSystem: 'latn', hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of an instant in a time zone, as if they were UTC (milliseconds). */
function wallClockMs(instantMs: number, timeZone: string): number {
  const parts = wallClockFormatter(timeZone).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/**
 * The UTC ISO instant of a wall-clock time in `timeZone`, or null when `local` is not a real
 * date and time. A time skipped by a daylight-saving jump resolves to the instant an hour later
 * (as clocks read after the jump); a repeated time resolves to its first occurrence.
 */
export function localInputToUtc(local: string, timeZone: string): string | null {
  const m = LOCAL_INPUT.exec(local.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // Try the offsets in force around that moment; the earliest instant whose wall clock matches wins.
  const offsets = [asUtc - 86_400_000, asUtc, asUtc + 86_400_000].map((probe) => wallClockMs(probe, timeZone) - probe);
  const candidates = [...new Set(offsets)].map((offset) => asUtc - offset).sort((a, b) => a - b);
  const exact = candidates.find((instant) => wallClockMs(instant, timeZone) === asUtc);
  return new Date(exact ?? Math.max(...candidates)).toISOString();
}

/** The `datetime-local` value (to the minute) of a UTC instant in `timeZone`. */
export function utcToLocalInput(instant: string | Date, timeZone: string): string {
  return new Date(wallClockMs(new Date(instant).getTime(), timeZone)).toISOString().slice(0, 16);
}
