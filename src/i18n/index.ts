import { en } from './en.js';
import type { Messages } from './messages.js';
import { ru } from './ru.js';

export type { Messages } from './messages.js';

const CATALOGUES: Record<string, Messages> = { en, ru };

/** Languages with a full interface catalogue. Content may be in others; its interface falls back. */
export const INTERFACE_LANGUAGES = Object.keys(CATALOGUES);

/** The catalogue for a language tag (`ru`, `ru-RU`), falling back to English. */
export function messagesFor(language: string): Messages {
  return CATALOGUES[language.toLowerCase().split('-')[0]!] ?? en;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "31 January 2025" / "31 января 2025 г." for an instant, in the site's time zone. */
export function formatDate(instant: string | Date, language: string, timeZone: string): string {
  const key = `${language}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(messagesFor(language).locale, { dateStyle: 'long', timeZone });
    dateFormats.set(key, format);
  }
  return format.format(new Date(instant));
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "Anna and Timur" / "Анна и Тимур". */
export function formatList(items: string[], language: string): string {
  // Building a ListFormat costs more than formatting with it; they are immutable, so keep one per locale.
  const locale = messagesFor(language).locale;
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(items);
}

/** The name of a language in a language: languageName('ru', 'en') → "Russian", ('ru','ru') → "русский". */
export function languageName(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([messagesFor(inLanguage).locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
