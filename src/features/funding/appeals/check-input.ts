import { AppError } from '../../../errors.js';
import { localInputToUtc } from '../../posts/index.js';
import { type AppealButton, BUTTON_RULES, checkButtonUrl, isButtonKind } from './buttons.js';
import { compactIban, isValidBic, isValidIban } from './iban.js';
import { type AppealInput, type BankDetails, type Placement, PLACEMENTS } from './model.js';
import { renderAppealText } from './text.js';

/** An appeal's columns as checked input makes them (categories apart). */
export interface CheckedAppeal {
  title: string;
  language: string;
  body: string;
  bodyHtml: string;
  buttons: AppealButton[];
  bank: BankDetails | null;
  driveId: number | null;
  placements: Placement[];
  languages: string[];
  categoryIds: number[];
  startsAt: string | null;
  endsAt: string | null;
  enabled: boolean;
  position: number;
}

export const MAX_BODY = 4000;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/**
 * Checks an appeal as the admin typed it and renders its Markdown with the site's renderer and
 * sanitiser. Throws VALIDATION with a message per field (`button2Url`, `bankIban`, …) so the
 * form can show each next to its field. `knownCategories` filters out ids that no longer exist.
 */
export function checkAppeal(
  input: AppealInput,
  context: { timeZone: string; siteUrl: string; knownCategories: Set<number>; knownDrive: (id: number) => boolean },
): CheckedAppeal {
  const errors: Record<string, string> = {};
  const title = input.title.trim();
  if (!title) errors.title = 'Give the appeal a title';
  else if (title.length > 200) errors.title = 'Keep the title under 200 characters';
  if (!LANGUAGE.test(input.language)) errors.language = 'Enter a language code such as en or ru';
  if (input.body.length > MAX_BODY) errors.body = `Keep the text short: under ${MAX_BODY.toLocaleString('en')} characters`;
  const buttons = checkButtons(input.buttons, errors);
  const bank = checkBank(input.bank, errors);
  const placements = PLACEMENTS.filter((p) => input.placements.includes(p));
  if (placements.length === 0) errors.placements = 'Choose at least one place to show the appeal';
  const languages = [...new Set(input.languages.map((l) => l.trim()).filter(Boolean))];
  if (languages.some((l) => !LANGUAGE.test(l))) errors.languages = 'Enter language codes such as en or ru';
  if (input.driveId !== null && !context.knownDrive(input.driveId)) errors.driveId = 'Choose one of the drives';
  const startsAt = checkDate(input.startsAt, 'startsAt', context.timeZone, errors);
  const endsAt = checkDate(input.endsAt, 'endsAt', context.timeZone, errors);
  if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = 'The end must come after the start';
  if (!Number.isInteger(input.position) || Math.abs(input.position) > 9999) errors.position = 'Enter a whole number between -9999 and 9999';
  if (Object.keys(errors).length) throw new AppError('VALIDATION', { fields: errors });
  const body = input.body.trim();
  return {
    title, language: input.language, body,
    bodyHtml: renderAppealText(body, { lang: input.language, siteUrl: context.siteUrl }),
    buttons, bank, driveId: input.driveId, placements, languages,
    categoryIds: [...new Set(input.categoryIds)].filter((id) => context.knownCategories.has(id)),
    startsAt, endsAt, enabled: input.enabled, position: input.position,
  };
}

/** Used rows become buttons; a row's errors are keyed `button{n}Kind|Label|Url` (n from 1). */
function checkButtons(rows: AppealInput['buttons'], errors: Record<string, string>): AppealButton[] {
  const buttons: AppealButton[] = [];
  rows.forEach((row, i) => {
    const key = `button${i + 1}`;
    const label = row.label.trim();
    if (!row.kind) {
      if (label || row.url.trim()) errors[`${key}Kind`] = 'Choose where this button leads';
      return;
    }
    if (!isButtonKind(row.kind)) {
      errors[`${key}Kind`] = 'Choose one of the kinds of button';
      return;
    }
    if (label.length > 80) errors[`${key}Label`] = 'Keep the label under 80 characters';
    const checked = checkButtonUrl(row.kind, row.url);
    if ('error' in checked) errors[`${key}Url`] = checked.error;
    else buttons.push({ kind: row.kind, label: label || BUTTON_RULES[row.kind].defaultLabel, url: checked.url });
  });
  return buttons;
}

/** Null when every bank field is empty; otherwise holder and a valid IBAN are required. */
function checkBank(bank: BankDetails, errors: Record<string, string>): BankDetails | null {
  const holder = bank.holder.trim();
  const iban = compactIban(bank.iban);
  const bic = bank.bic.replace(/\s+/g, '').toUpperCase();
  const reference = bank.reference.trim();
  if (!holder && !iban && !bic && !reference) return null;
  if (!holder) errors.bankHolder = 'Enter the name of the account holder';
  else if (holder.length > 140) errors.bankHolder = 'Keep the name under 140 characters';
  if (!iban) errors.bankIban = 'Enter the IBAN of the account';
  else if (!isValidIban(iban)) errors.bankIban = 'This is not a valid IBAN: check it against your bank statement';
  if (bic && !isValidBic(bic)) errors.bankBic = 'A BIC has 8 or 11 letters and digits, like GENODEF1ABC';
  if (reference.length > 140) errors.bankReference = 'Keep the reference under 140 characters';
  return { holder, iban, bic, reference };
}

function checkDate(local: string, field: string, timeZone: string, errors: Record<string, string>): string | null {
  if (!local.trim()) return null;
  const utc = localInputToUtc(local, timeZone);
  if (!utc) errors[field] = 'Enter a date and time, like 2026-12-01 09:00';
  return utc;
}
