/**
 * Money as integer minor units beside an ISO 4217 code, never floats. The number of minor
 * digits per currency comes from Intl (2 for EUR, 0 for JPY, 3 for KWD).
 */

/** A three-letter ISO 4217 code, upper case. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** Digits after the decimal point for a currency (2 when Intl does not know it). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * Parses an amount a person typed ("25", "25.50", "1 000,5") into minor units of `currency`.
 * Returns null for anything that is not a positive amount with at most the currency's digits.
 */
export function parseAmount(text: string, currency: string): number | null {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f']/g, '').replace(',', '.');
  const digits = minorDigits(currency);
  const match = /^(\d{1,9})(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return minor > 0 && Number.isSafeInteger(minor) ? minor : null;
}

/** "€1,234.50" in the reader's language. */
export function formatMoney(minor: number, currency: string, language = 'en'): string {
  const digits = minorDigits(currency);
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency, minimumFractionDigits: minor % 10 ** digits === 0 ? 0 : digits })
      .format(minor / 10 ** digits);
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

/** The amount as a plain decimal string ("1234.50"), for CSV and form values. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 10 ** digits)}.${String(abs % 10 ** digits).padStart(digits, '0')}`;
}
