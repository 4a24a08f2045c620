/**
 * Bank details for the "bank transfer" part of an appeal: IBAN (ISO 13616, mod-97 checksum)
 * and BIC (ISO 9362). Pure; never throws.
 */

/** Lengths of the IBANs of the SEPA countries and a few others; other countries: 15–34. */
const LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18,
  FR: 27, GB: 22, GE: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20,
  LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, RS: 22,
  SE: 24, SI: 19, SK: 24, SM: 27, UA: 29, VA: 22,
};

/** An IBAN as typed ("de89 3704 0044 0532 0130 00") in its stored form: upper case, no spaces. */
export function compactIban(text: string): string {
  return text.replace(/[\s\u00a0-]+/g, '').toUpperCase();
}

/**
 * True when `text` (spaces allowed) is a well-formed IBAN: country code, two check digits,
 * up to 30 letters and digits, the country's length where known, and the mod-97 checksum.
 */
export function isValidIban(text: string): boolean {
  const iban = compactIban(text);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const length = LENGTHS[iban.slice(0, 2)];
  if (length !== undefined && iban.length !== length) return false;
  // Move the first four characters to the end, letters to numbers (A=10 … Z=35), then mod 97,
  // a few digits at a time so no number grows past what a double holds exactly.
  const digits = [...(iban.slice(4) + iban.slice(0, 4))].map((ch) => parseInt(ch, 36)).join('');
  let remainder = 0;
  for (let i = 0; i < digits.length; i += 7) remainder = Number(`${remainder}${digits.slice(i, i + 7)}`) % 97;
  return remainder === 1;
}

/** The IBAN in groups of four, as printed on paper ("DE89 3704 0044 0532 0130 00"). */
export function formatIban(iban: string): string {
  return compactIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

/** True for a BIC of 8 or 11 characters (bank, country, location, optional branch). */
export function isValidBic(text: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(text.trim().toUpperCase());
}
