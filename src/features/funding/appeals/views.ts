import { messagesFor } from '../../../i18n/index.js';
import { html, raw, type SafeHtml } from '../../../lib/html.js';
import { driveProgressBar } from '../index.js';
import type { AppealButton } from './buttons.js';
import type { DriveProgress } from './drives.js';
import { formatIban } from './iban.js';
import type { LiveAppeal, Placement } from './model.js';

/**
 * One appeal as readers see it: an `aside` named by its heading (a `section` inside the
 * sidebar, itself an aside), the admin's sanitised text, a drive's progress, plain links for
 * buttons and bank details as text. Nothing is loaded from another host; no script.
 * `pageLanguage` marks the block with `lang` when it is written in another language.
 */
export function renderAppeal(appeal: LiveAppeal, placement: Placement, pageLanguage: string, progress: DriveProgress | null): SafeHtml {
  const t = messagesFor(appeal.language).appeals;
  const id = `appeal-${appeal.id}-${placement}`;
  const tag = placement === 'sidebar' ? 'section' : 'aside';
  const lang = appeal.language !== pageLanguage ? html` lang="${appeal.language}"` : '';
  const inner = html`<h2 id="${id}">${appeal.title}</h2>
${appeal.bodyHtml ? html`<div class="appeal-text">${raw(appeal.bodyHtml)}</div>` : ''}
${progress && appeal.driveId !== null ? driveProgressBar(progress, messagesFor(appeal.language)) : ''}
${appeal.buttons.length ? html`<ul class="appeal-buttons">${appeal.buttons.map(button)}</ul>` : ''}
${appeal.bank ? html`<div class="appeal-bank">
<h3>${t.bankTransfer}</h3>
<dl>
<dt>${t.accountHolder}</dt><dd>${appeal.bank.holder}</dd>
<dt>${t.iban}</dt><dd class="iban">${formatIban(appeal.bank.iban)}</dd>
${appeal.bank.bic ? html`<dt>${t.bic}</dt><dd>${appeal.bank.bic}</dd>` : ''}
${appeal.bank.reference ? html`<dt>${t.reference}</dt><dd>${appeal.bank.reference}</dd>` : ''}
</dl>
</div>` : ''}`;
  return tag === 'aside'
    ? html`<aside class="appeal appeal-${placement}" aria-labelledby="${id}"${lang}>
${inner}
</aside>`
    : html`<section class="appeal appeal-${placement}" aria-labelledby="${id}"${lang}>
${inner}
</section>`;
}

/** The built-in page is a local link; every other button leaves the site, so it gets rel="noopener". */
function button(b: AppealButton): SafeHtml {
  const external = !b.url.startsWith('/');
  return html`<li><a class="appeal-button appeal-${b.kind}" href="${b.url}"${external ? html` rel="noopener"` : ''}>${b.label}</a></li>`;
}
