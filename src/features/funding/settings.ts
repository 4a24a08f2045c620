import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { parseInput } from '../../lib/validate.js';
import type { DB } from '../../storage/schema.js';
import { CURRENCY_PATTERN } from './money.js';

const SETTINGS_KEY = 'funding';

const link = z.string().trim().max(500)
  .refine((v) => v === '' || /^https:\/\/[^\s/]+(\/\S*)?$/.test(v), 'Enter an address starting with https://, or leave it empty');

/**
 * The funding settings, one JSON row (`settings.key = 'funding'`) beside the site settings.
 * Stripe keys here are used only when the env (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET) has none.
 */
export const fundingSettingsSchema = z.object({
  /** Currencies the donate page offers, the first is the default. */
  currencies: z.array(z.string().trim().toUpperCase().regex(CURRENCY_PATTERN, 'Enter currency codes such as EUR, USD')).min(1, 'Enter at least one currency').max(10),
  /** Preset amounts on the donate page, in whole units of the currency. */
  presets: z.array(z.number().int().positive().max(1_000_000)).min(1, 'Enter at least one amount').max(8),
  /** Smallest amount accepted, in whole units. */
  minimum: z.number().int().positive().max(1000),
  stripeSecretKey: z.string().trim().max(300),
  stripeWebhookSecret: z.string().trim().max(300),
  paypalUrl: link,
  patreonUrl: link,
  liberapayUrl: link,
  openCollectiveUrl: link,
  /** Bank-transfer details shown as text (account holder, IBAN, BIC, reference). */
  bankDetails: z.string().max(1000),
});

export type FundingSettings = z.infer<typeof fundingSettingsSchema>;

export const DEFAULT_FUNDING_SETTINGS: FundingSettings = Object.freeze({
  currencies: ['EUR'],
  presets: [5, 10, 25, 50],
  minimum: 1,
  stripeSecretKey: '',
  stripeWebhookSecret: '',
  paypalUrl: '',
  patreonUrl: '',
  liberapayUrl: '',
  openCollectiveUrl: '',
  bankDetails: '',
});

/** The funding settings in force: the stored row over defaults (a row that no longer validates is ignored). */
export async function loadFundingSettings(db: Kysely<DB>): Promise<FundingSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst();
  if (!row) return DEFAULT_FUNDING_SETTINGS;
  try {
    const parsed = fundingSettingsSchema.safeParse({ ...DEFAULT_FUNDING_SETTINGS, ...(JSON.parse(row.value) as object) });
    return parsed.success ? parsed.data : DEFAULT_FUNDING_SETTINGS;
  } catch {
    return DEFAULT_FUNDING_SETTINGS;
  }
}

/** Validates and stores a change; throws AppError('VALIDATION', { fields }). */
export async function writeFundingSettings(db: Kysely<DB>, change: Partial<FundingSettings>): Promise<FundingSettings> {
  const next = parseInput(fundingSettingsSchema, { ...(await loadFundingSettings(db)), ...change });
  const value = JSON.stringify(next);
  await db.insertInto('settings').values({ key: SETTINGS_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  return next;
}

export interface StripeKeys {
  /** Empty when online donations are off. */
  secretKey: string;
  webhookSecret: string;
}

/** The Stripe keys in force: each from the env when set there, else from the settings. */
export function stripeKeys(config: Pick<Config, 'stripeSecretKey' | 'stripeWebhookSecret'>, settings: FundingSettings): StripeKeys {
  return {
    secretKey: config.stripeSecretKey || settings.stripeSecretKey,
    webhookSecret: config.stripeWebhookSecret || settings.stripeWebhookSecret,
  };
}
