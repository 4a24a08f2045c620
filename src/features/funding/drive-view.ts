import { formatDate } from '../../i18n/index.js';
import { html, raw } from '../../lib/html.js';
import type { Frame } from '../../views/frame.js';
import { describeHtml } from '../../lib/html-text.js';
import { layout } from '../../views/layout.js';
import { siteFeeds, webPageJsonLd } from '../seo/index.js';
import type { DriveRow } from './drives.js';
import type { DriveProgress } from './progress.js';
import { driveProgressBar } from './progress-view.js';
import type { ThankYou } from './public-queries.js';

/** The public address of a drive's page. */
export const drivePath = (slug: string): string => `/donate/drive/${slug}/`;

/** GET /donate/drive/:slug/: the drive, its progress and its thank-you list (public names only). */
export function renderDrivePage(frame: Frame, drive: DriveRow, progress: DriveProgress, thanks: ThankYou[], now: Date): string {
  const f = frame.t.funding;
  const tz = frame.settings.timeZone;
  const ended = drive.ends_at !== null && drive.ends_at <= now.toISOString();
  // The end is exclusive (the next day's start in the site's zone): the page names the last day.
  const dates = f.driveDates(formatDate(drive.starts_at, frame.lang, tz), drive.ends_at ? formatDate(new Date(Date.parse(drive.ends_at) - 1), frame.lang, tz) : null);
  const path = drivePath(drive.slug);
  const description = describeHtml(drive.description_html) || dates;
  return layout(frame, {
    title: drive.title, description, canonicalPath: path, feeds: siteFeeds(frame),
    jsonLd: webPageJsonLd(frame.settings, { name: drive.title, path, description, language: frame.lang }),
  }, html`<article class="drive">
<h1>${drive.title}</h1>
<p class="drive-dates">${dates}</p>
${driveProgressBar(progress, frame.t)}
${ended ? html`<p class="notice">${f.driveEnded}</p>` : html`<p><a class="button" href="/donate/?drive=${drive.slug}">${f.giveToDrive}</a></p>`}
<div class="body">${raw(drive.description_html)}</div>
<section class="thank-you" aria-labelledby="thank-you-heading">
<h2 id="thank-you-heading">${f.thankYouList}</h2>
${thanks.length ? html`<ul class="thank-you-list">${thanks.map((t) => html`<li>${t.name ?? f.anonymous}</li>`)}</ul>` : html`<p>${f.noSupportersYet}</p>`}
</section>
</article>`);
}
