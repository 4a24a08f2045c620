import type { Messages } from '../../i18n/index.js';
import { html, type SafeHtml } from '../../lib/html.js';
import { formatMoney } from './money.js';
import type { DriveProgress } from './progress.js';

/**
 * A drive's progress bar with its words, the one component the drive page and appeals share:
 * a native `<progress>` (no inline style, so the CSP stays strict) from zero to the target,
 * named after the drive, so screen readers announce "Progress of …" and its percentage; and, as
 * text, the amount raised of the target, the percentage and the number of supporters. `t` is
 * the language the bar is written in (an appeal's may differ from the page's).
 * `data-drive` names the drive for the page cache: its total moving drops the pages showing it.
 */
export function driveProgressBar(progress: DriveProgress, t: Messages): SafeHtml {
  const f = t.funding;
  const raised = formatMoney(progress.raised, progress.currency, t.locale);
  const target = formatMoney(progress.target, progress.currency, t.locale);
  return html`<div class="drive-progress" data-drive="${progress.driveId}">
<progress max="${progress.target}" value="${Math.min(progress.raised, progress.target)}" aria-label="${f.progressLabel(progress.title)}">${f.percent(progress.percent)}</progress>
<p class="drive-progress-text"><strong>${f.raisedOf(raised, target)}</strong> · <span class="drive-percent">${f.percent(progress.percent)}</span> · <span class="drive-supporters">${f.supporters(progress.supporters)}</span></p>
</div>`;
}
