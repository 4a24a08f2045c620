import type { Kysely } from 'kysely';
import type { Clock } from '../../../lib/clock.js';
import { html, type SafeHtml } from '../../../lib/html.js';
import type { DB } from '../../../storage/schema.js';
import type { Frame } from '../../../views/frame.js';
import { type DriveProgress, driveProgress } from './drives.js';
import type { LiveAppeal, Placement } from './model.js';
import { appealsFor, type PageFacts } from './placement.js';
import { listLiveAppeals } from './storage.js';
import { renderAppeal } from './views.js';

export interface AppealBlocksDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/**
 * Wraps a frame loader (any arguments) so every public page it frames carries the appeals that
 * are live now: those for the sidebar go first in it, and `frame.blocks` places the others
 * after an article and on the home page. One query, two when an appeal follows categories,
 * plus one progress per linked drive.
 */
export function withAppeals<A extends unknown[]>(base: (...args: A) => Promise<Frame>, deps: AppealBlocksDeps): (...args: A) => Promise<Frame> {
  return async (...args) => {
    const [frame, live] = await Promise.all([base(...args), listLiveAppeals(deps.db, deps.clock.now().toISOString())]);
    if (live.length === 0) return frame;
    const progress = await loadProgress(deps.db, live);
    const render = (placement: Placement, page: PageFacts): SafeHtml =>
      html`${appealsFor(live, placement, page).map((a) => renderAppeal(a, placement, frame.lang, a.driveId === null ? null : progress.get(a.driveId) ?? null))}`;
    const sidebar = render('sidebar', { language: frame.lang });
    return {
      ...frame,
      ...(sidebar.value ? { sidebar: html`${sidebar}\n${frame.sidebar ?? ''}` } : {}),
      blocks: {
        afterArticle: (article) => render('article', article),
        home: () => render('home', { language: frame.lang }),
      },
    };
  };
}

async function loadProgress(db: Kysely<DB>, live: LiveAppeal[]): Promise<Map<number, DriveProgress>> {
  const ids = [...new Set(live.flatMap((a) => (a.driveId === null ? [] : [a.driveId])))];
  const found = await Promise.all(ids.map(async (id) => [id, await driveProgress(db, id)] as const));
  return new Map(found.flatMap(([id, p]) => (p ? [[id, p] as const] : [])));
}
