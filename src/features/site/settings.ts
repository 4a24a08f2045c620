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
});

/** The settings in force: stored values over defaults. A stored value that no longer validates is ignored. */
export async function loadSettings(db: Kysely<DB>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
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
