import type { Kysely } from 'kysely';
import { messagesFor } from '../../i18n/index.js';
import type { DB } from '../../storage/schema.js';
import type { Frame } from '../../views/frame.js';
import { listMenuPages } from '../pages/service.js';
import { createVersionedMemo, type Loaded } from '../../lib/versioned-memo.js';
import { loadSettings, type Settings } from './settings.js';

export type FrameLoader = (lang?: string) => Promise<Frame>;

/** What the frame reads from the database. */
export interface FrameData {
  settings: Settings;
  pages: { title: string; slug: string; language: string }[];
}

/**
 * Builds the loader of what surrounds every page (settings, menu, stylesheet URL).
 * `lang` defaults to the site's language. With `dataVersion` (the database's), the reads are
 * remembered while it holds.
 */
export function createFrameLoader(deps: { db: Kysely<DB>; stylesheet: string; dataVersion?: () => string | null }): FrameLoader {
  const memo = deps.dataVersion ? createVersionedMemo<FrameData>(deps.dataVersion, 1) : null;
  const read = async (): Promise<Loaded<FrameData>> => {
    const [settings, pages] = await Promise.all([loadSettings(deps.db), listMenuPages(deps.db)]);
    return { value: { settings, pages }, until: null };
  };
  return async (lang) => {
    const { settings, pages } = memo ? await memo('frame', '', read) : (await read()).value;
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
