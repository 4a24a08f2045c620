import { z } from 'zod';
import { INTERFACE_LANGUAGES } from '../../i18n/index.js';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/**
 * The query string of an archive page: `?lang=ru` narrows it (and its sidebar) to one
 * language; an empty `lang` means all languages. Other parameters are ignored. A malformed
 * or repeated `lang` fails, and the page answers 404.
 */
export const archiveQuerySchema = z
  .object({ lang: z.union([z.literal(''), z.string().regex(LANGUAGE)]).optional() })
  .transform((query) => ({ language: query.lang || undefined }));

/**
 * The interface language of an archive narrowed to `language`: that language when it has a
 * message catalogue, else undefined (the site's default language).
 */
export function interfaceLanguage(language: string | undefined): string | undefined {
  return language && INTERFACE_LANGUAGES.includes(language.toLowerCase().split('-')[0]!) ? language : undefined;
}
