import type { Kysely } from 'kysely';
import { messagesFor } from '../../i18n/index.js';
import type { DB } from '../../storage/schema.js';
import type { Frame } from '../../views/frame.js';
import { listMenuPages } from '../pages/service.js';
import { loadSettings } from './settings.js';

export type FrameLoader = (lang?: string) => Promise<Frame>;

/**
 * Builds the loader of what surrounds every page (settings, menu, stylesheet URL).
 * `lang` defaults to the site's language.
 */
export function createFrameLoader(deps: { db: Kysely<DB>; stylesheet: string }): FrameLoader {
  return async (lang) => {
    const [settings, pages] = await Promise.all([loadSettings(deps.db), listMenuPages(deps.db)]);
    const language = lang ?? settings.defaultLanguage;
    return {
      settings,
      lang: language,
      t: messagesFor(language),
      nav: pages.map((p) => ({ title: p.title, path: `/${p.slug}/`, lang: p.language })),
      stylesheet: deps.stylesheet,
    };
  };
}
