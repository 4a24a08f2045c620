import type { Messages } from '../../i18n/index.js';
import { html, type SafeHtml } from '../../lib/html.js';
import { formatMoney } from './money.js';
import type { DriveProgress } from './progress.js';

/**
 * A drive's progress bar with its words: a native `<progress>` named after the drive (screen
 * readers announce its percentage) and, as text, the amount raised of the target, the
 * percentage and the number of supporters. Appeals render the same component.
 */
export function driveProgressBar(progress: DriveProgress, title: string, t: Messages): SafeHtml {
  const f = t.funding;
  const raised = formatMoney(progress.raised, progress.currency, t.locale);
  const target = formatMoney(progress.target, progress.currency, t.locale);
  return html`<div class="drive-progress">
<progress max="${progress.target}" value="${Math.min(progress.raised, progress.target)}" aria-label="${f.progressLabel(title)}">${f.percent(progress.percent)}</progress>
<p class="drive-progress-text"><strong>${f.raisedOf(raised, target)}</strong> · <span class="drive-percent">${f.percent(progress.percent)}</span> · <span class="drive-supporters">${f.supporters(progress.supporters)}</span></p>
</div>`;
}
