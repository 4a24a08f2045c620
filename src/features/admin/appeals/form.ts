import { z } from 'zod';
import type { Appeal, AppealInput } from '../../funding/appeals/index.js';
import { utcToLocalInput } from '../../posts/index.js';
import type { FieldState } from '../views/forms.js';
import { idList, optionalId, text } from '../site/shared.js';

/** The appeal form's fields, between what the browser sends and what the appeal service takes. */

/** Rows of buttons the form offers; unused rows are left with no kind. */
export const BUTTON_ROWS = 4;
const ROWS = Array.from({ length: BUTTON_ROWS }, (_, i) => i + 1);

const words = z.union([z.string().max(40), z.array(z.string().max(40)).max(50)]).default([]).transform((v) => [v].flat());

export const appealForm = z.object({
  title: text(1000),
  language: text(40),
  body: text(20_000),
  ...Object.fromEntries(ROWS.flatMap((n) => [[`button${n}Kind`, text(40)], [`button${n}Label`, text(1000)], [`button${n}Url`, text(4000)]])),
  bankHolder: text(1000),
  bankIban: text(200),
  bankBic: text(100),
  bankReference: text(1000),
  driveId: optionalId,
  'placements[]': words,
  'languages[]': words,
  'categoryIds[]': idList,
  startsAt: text(40),
  endsAt: text(40),
  position: text(20),
  enabled: z.literal('on').optional(),
}) as z.ZodType<AppealForm>;

export interface AppealForm {
  title: string;
  language: string;
  body: string;
  [button: `button${number}${'Kind' | 'Label' | 'Url'}`]: string;
  bankHolder: string;
  bankIban: string;
  bankBic: string;
  bankReference: string;
  driveId: number | null;
  'placements[]': string[];
  'languages[]': string[];
  'categoryIds[]': number[];
  startsAt: string;
  endsAt: string;
  position: string;
  enabled?: 'on';
}

/** What the service takes. A position that is not a whole number becomes NaN, which the service names. */
export function toInput(form: AppealForm): AppealInput {
  return {
    title: form.title, language: form.language.trim(), body: form.body,
    buttons: ROWS.map((n) => ({ kind: form[`button${n}Kind`] ?? '', label: form[`button${n}Label`] ?? '', url: form[`button${n}Url`] ?? '' })),
    bank: { holder: form.bankHolder, iban: form.bankIban, bic: form.bankBic, reference: form.bankReference },
    driveId: form.driveId,
    placements: form['placements[]'],
    languages: form['languages[]'],
    categoryIds: form['categoryIds[]'],
    startsAt: form.startsAt,
    endsAt: form.endsAt,
    enabled: form.enabled === 'on',
    position: /^\s*-?\d{1,6}\s*$/.test(form.position) ? Number(form.position) : form.position.trim() === '' ? 0 : Number.NaN,
  };
}

/** The form exactly as it was sent, to show again with its errors. */
export function shownForm(form: AppealForm): FieldState['values'] {
  const values: FieldState['values'] = {};
  for (const [key, value] of Object.entries(form)) {
    const name = key.replace(/\[\]$/, '');
    values[name] = Array.isArray(value) ? value.map(String) : value === null ? '' : String(value);
  }
  return values;
}

/** A stored appeal as the form shows it, dates in the site's time zone. */
export function appealValues(appeal: Appeal, timeZone: string): FieldState['values'] {
  const values: FieldState['values'] = {
    title: appeal.title, language: appeal.language, body: appeal.body,
    bankHolder: appeal.bank?.holder ?? '', bankIban: appeal.bank?.iban ?? '', bankBic: appeal.bank?.bic ?? '', bankReference: appeal.bank?.reference ?? '',
    driveId: appeal.driveId === null ? '' : String(appeal.driveId),
    placements: appeal.placements, languages: appeal.languages, categoryIds: (appeal.categoryIds ?? []).map(String),
    startsAt: appeal.startsAt ? utcToLocalInput(appeal.startsAt, timeZone) : '',
    endsAt: appeal.endsAt ? utcToLocalInput(appeal.endsAt, timeZone) : '',
    position: String(appeal.position),
    ...(appeal.enabled ? { enabled: 'on' } : {}),
  };
  appeal.buttons.forEach((b, i) => {
    values[`button${i + 1}Kind`] = b.kind;
    values[`button${i + 1}Label`] = b.label;
    values[`button${i + 1}Url`] = b.kind === 'donate' ? '' : b.url;
  });
  return values;
}

/** A new appeal's form: after articles, in the site's language, shown. */
export const newAppealValues = (language: string): FieldState['values'] => ({
  language, placements: ['article'], position: '0', enabled: 'on', button1Kind: 'donate',
});
