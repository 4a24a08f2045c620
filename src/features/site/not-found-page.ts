import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock.js';
import { html } from '../../lib/html.js';
import type { DB } from '../../storage/schema.js';
import { layout } from '../../views/layout.js';
import { listPublished, postList } from '../posts/index.js';
import type { FrameLoader } from './frame.js';

/** The 404 page: says what happened and offers the latest articles and the front page. */
export async function renderNotFoundPage(deps: { db: Kysely<DB>; clock: Clock; frame: FrameLoader }): Promise<string> {
  const frame = await deps.frame();
  const { items } = await listPublished(deps.db, { now: deps.clock.now().toISOString(), page: 1, perPage: 5 });
  const { t } = frame;
  return layout(
    frame,
    { title: t.notFoundTitle, noindex: true },
    html`<h1>${t.notFoundTitle}</h1>
<p>${t.notFoundText}</p>
<p><a href="/">${t.notFoundHome}</a></p>
${items.length ? html`<h2>${t.latestArticles}</h2>${postList(items, frame, 3)}` : ''}`,
  );
}

/** A generic error page in the site's layout. */
export async function renderErrorPage(frame: FrameLoader, status: number, message: string): Promise<string> {
  const f = await frame();
  const title = status >= 500 ? f.t.errorTitle : message;
  return layout(
    f,
    { title, noindex: true },
    html`<h1>${title}</h1><p>${status >= 500 ? f.t.errorText : ''}</p><p><a href="/">${f.t.notFoundHome}</a></p>`,
  );
}
