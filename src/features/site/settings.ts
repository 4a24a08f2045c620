import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isValidTimeZone } from '../../lib/dates.js';
import { parseInput } from '../../lib/validate.js';
import type { DB } from '../../storage/schema.js';

/** An integer from `min` to `max`, with one message for anything else. */
const wholeNumber = (min: number, max: number, message: string) => z.number({ error: message }).int(message).min(min, message).max(max, message);

/**
 * The site settings: schema with defaults, and the two functions that read and write them.
 * Stored as one row per key (JSON value), so later features add keys without a migration.
 */
export const settingsSchema = z.object({
  title: z.string().trim().min(1, 'Enter a site title').max(120, 'Keep the title under 120 characters'),
  tagline: z.string().trim().max(200, 'Keep the tagline under 200 characters'),
  baseUrl: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^/\s]+(\/.*)?$/.test(v), 'Enter the full address, like https://news.example.org')
    .transform((v) => v.replace(/\/+$/, '')),
  defaultLanguage: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'Enter a language code such as en or ru'),
  timeZone: z.string().refine(isValidTimeZone, 'Enter a time zone name such as Europe/Brussels'),
  /** 0 = Sunday, 1 = Monday … 6 = Saturday. */
  firstDayOfWeek: wholeNumber(0, 6, 'Choose the first day of the week'),
  postsPerPage: wholeNumber(1, 100, 'Enter a whole number from 1 to 100'),
  /** What feeds carry: the whole article (body and post-script) or its standfirst only. */
  feedContent: z.enum(['full', 'summary'], { error: 'Choose full text or summary' }),
  /** How many of the newest articles a feed lists. */
  feedItems: z.number({ error: 'Enter a whole number from 1 to 100' }).int('Enter a whole number from 1 to 100')
    .min(1, 'Enter a whole number from 1 to 100').max(100, 'Enter a whole number from 1 to 100'),
  /** Reader comments: threading, moderation and spam defences (features/comments). */
  comments: z.object({
    /** Deepest reply level shown and accepted (1 = no replies). */
    threadDepth: wholeNumber(1, 10, 'Enter a whole number from 1 to 10'),
    /** Top-level threads per page of comments. */
    commentsPerPage: wholeNumber(5, 500, 'Enter a whole number from 5 to 500'),
    /** Once a moderator approves a comment from an email, later ones from it publish at once. */
    autoApproveKnown: z.boolean({ error: 'Choose yes or no' }),
    /** Fastest plausible time from loading the page to sending a comment. */
    minSubmitSeconds: wholeNumber(0, 600, 'Enter a whole number of seconds from 0 to 600'),
    /** More links than this hold a comment for moderation. */
    maxLinks: wholeNumber(0, 50, 'Enter a whole number from 0 to 50'),
    commentMaxLength: wholeNumber(100, 100000, 'Enter a whole number from 100 to 100000'),
    /** Days a commenter's raw IP address is kept before the sweep erases it. */
    ipRetentionDays: wholeNumber(1, 3650, 'Enter a whole number of days from 1 to 3650'),
    /** Comments close on posts older than this many days; 0 = never. */
    closeCommentsAfterDays: wholeNumber(0, 36500, 'Enter a whole number of days (0 for never)'),
    /** Comments per hour from one IP address, and from one email address. */
    perIpPerHour: wholeNumber(1, 10000, 'Enter a whole number from 1 to 10000'),
    perEmailPerHour: wholeNumber(1, 10000, 'Enter a whole number from 1 to 10000'),
    /** A comment whose hidden honeypot field is filled goes to spam. Defaults for groups stored before it existed. */
    honeypot: z.boolean({ error: 'Choose yes or no' }).default(true),
    /** The same text from the same email under the same post is refused. */
    refuseDuplicates: z.boolean({ error: 'Choose yes or no' }).default(true),
  }),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  title: 'Broadside',
  tagline: 'Independent journalism, funded by its readers',
  baseUrl: 'http://127.0.0.1:3000',
  defaultLanguage: 'en',
  timeZone: 'UTC',
  firstDayOfWeek: 1,
  postsPerPage: 10,
  feedContent: 'full',
  feedItems: 20,
  comments: Object.freeze({
    threadDepth: 5,
    commentsPerPage: 50,
    autoApproveKnown: true,
    minSubmitSeconds: 3,
    maxLinks: 2,
    commentMaxLength: 5000,
    ipRetentionDays: 90,
    closeCommentsAfterDays: 0,
    perIpPerHour: 10,
    perEmailPerHour: 10,
    honeypot: true,
    refuseDuplicates: true,
  }),
});

/** The settings in force: stored values over defaults. A stored value that no longer validates is ignored. */
export async function loadSettings(db: Kysely<DB>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  // Validating is most of the cost and every page loads the settings: the same rows give the
  // same (frozen) settings, so remember the last few.
  const key = JSON.stringify(rows);
  const known = parsedSettings.get(key);
  if (known) return known;
  const settings = deepFreeze(parseSettings(rows));
  if (parsedSettings.size >= 16) parsedSettings.delete(parsedSettings.keys().next().value!);
  parsedSettings.set(key, settings);
  return settings;
}

const parsedSettings = new Map<string, Settings>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

function parseSettings(rows: { key: string; value: string }[]): Settings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (!(row.key in DEFAULT_SETTINGS)) continue;
    try {
      merged[row.key] = JSON.parse(row.value);
    } catch {
      // keep the default: a hand-edited row must not take the site down
    }
  }
  const parsed = settingsSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) merged[String(issue.path[0])] = DEFAULT_SETTINGS[issue.path[0] as keyof Settings];
  return settingsSchema.parse(merged);
}

/**
 * Validates and stores a partial change. Throws AppError('VALIDATION', { fields }) naming each
 * bad field. Runs inside the caller's transaction when given one.
 */
export async function writeSettings(db: Kysely<DB>, change: Partial<Settings>): Promise<Settings> {
  const current = await loadSettings(db);
  const next = parseInput(settingsSchema, { ...current, ...change });
  for (const key of Object.keys(change) as (keyof Settings)[]) {
    const value = JSON.stringify(next[key]);
    await db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
  return next;
}
