const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      hourCycle: 'h23', calendar: 'gregory', numberingSystem: 'latn',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** WordPress's "never" for a draft's GMT date. */
export const WP_NO_DATE = '0000-00-00 00:00:00';

/** `2026-01-15 11:00:00`: the instant's wall-clock time in `timeZone`, as WordPress stores `post_date`. */
export function wpLocalDate(instant: string, timeZone: string): string {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** `2026-01-15 10:00:00`: the instant in UTC, as WordPress stores `post_date_gmt`. */
export function wpGmtDate(instant: string): string {
  return new Date(instant).toISOString().slice(0, 19).replace('T', ' ');
}

/** RFC 822 date for `<pubDate>`. */
export function rssDate(instant: string): string {
  return new Date(instant).toUTCString().replace('GMT', '+0000');
}
