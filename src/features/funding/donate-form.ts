import { z } from 'zod';
import type { DonationRequest } from './checkout.js';
import type { DonateFormState } from './donate-view.js';
import type { DriveRow } from './drives.js';
import { minorDigits, parseAmount } from './money.js';
import type { FundingSettings } from './settings.js';

const field = (max: number) => z.string().max(max).default('').catch('');

/** The donate form as posted; every field a string, anything odd read as empty. */
export const donateFormSchema = z.object({
  preset: field(20),
  custom: field(40),
  kind: field(20),
  currency: field(10),
  name: field(1000),
  email: field(1000),
  drive: field(200),
});

export type DonateForm = z.infer<typeof donateFormSchema>;

const EMAIL = /^[^@\s<>"]{1,64}@[^@\s<>"]{1,255}\.[^@\s<>".]{2,63}$/;

/**
 * Reads the donate form into a donation request, or the form state to show again with the
 * errors by their fields. The drive's currency overrides the form's; otherwise the currency
 * must be one the settings offer. The amount is the typed one when given, else the preset.
 */
export function readDonateForm(form: DonateForm, settings: FundingSettings, drive: DriveRow | null): DonationRequest | DonateFormState {
  const errors: DonateFormState['errors'] = {};
  const currency = drive?.currency ?? form.currency.trim().toUpperCase();
  if (!drive && !settings.currencies.includes(currency)) errors.currency = 'currencyInvalid';
  const digits = minorDigits(currency);
  const preset = /^\d{1,7}$/.test(form.preset) && settings.presets.includes(Number(form.preset)) ? Number(form.preset) * 10 ** digits : null;
  const amountMinor = form.custom.trim() ? parseAmount(form.custom, currency) : preset;
  if (amountMinor === null) errors.amount = 'amountInvalid';
  else if (amountMinor < settings.minimum * 10 ** digits) errors.amount = 'amountTooSmall';
  const name = form.name.trim();
  if (name.length > 80) errors.name = 'nameTooLong';
  const email = form.email.trim().toLowerCase();
  if (email && !EMAIL.test(email)) errors.email = 'emailInvalid';
  if (Object.keys(errors).length > 0 || amountMinor === null) {
    return { values: { preset: form.preset, custom: form.custom, kind: form.kind, currency, name: form.name, email: form.email }, errors };
  }
  return { amountMinor, currency, kind: form.kind === 'monthly' ? 'monthly' : 'one-off', displayName: name, email, driveId: drive?.id ?? null };
}

/** The empty form: the first preset after the smallest, one-off, the first currency. */
export function emptyDonateState(settings: FundingSettings, query: { amount?: string; kind?: string }): DonateFormState {
  const preset = query.amount && settings.presets.includes(Number(query.amount)) ? query.amount : String(settings.presets[Math.min(1, settings.presets.length - 1)]);
  return { values: { preset, custom: '', kind: query.kind === 'monthly' ? 'monthly' : 'one-off', currency: settings.currencies[0]!, name: '', email: '' }, errors: {} };
}
