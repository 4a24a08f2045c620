import { html } from '../../../lib/html.js';
import { errorSummary, type FieldState, inputField, selectField } from '../views/forms.js';
import type { AdminFrame } from '../views/layout.js';
import { postForm, radioGroup, screen } from './ui.js';

const LABELS = {
  title: 'Site title', tagline: 'Tagline', baseUrl: 'Base URL', defaultLanguage: 'Default language',
  timeZone: 'Time zone', firstDayOfWeek: 'First day of the week', postsPerPage: 'Posts per page',
  feedContent: 'Feeds carry', feedItems: 'Articles per feed',
};

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Every IANA time zone this Node knows, UTC first; the current value stays choosable even if unlisted. */
function timeZoneChoices(current: string): { value: string; label: string }[] {
  const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  if (current && !zones.includes(current)) zones.unshift(current);
  return zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }));
}

/** The site settings form; keeps what was typed and shows each error by its field. */
export function renderSettingsForm(frame: AdminFrame, state: FieldState): string {
  const zone = state.values.timeZone;
  return screen(
    frame,
    { title: 'Settings', current: '/admin/settings' },
    html`${errorSummary(state, LABELS)}
${postForm(
  frame,
  '/admin/settings',
  html`${inputField('title', LABELS.title, state, { required: true, maxlength: 120 })}
${inputField('tagline', LABELS.tagline, state, { maxlength: 200 })}
${inputField('baseUrl', LABELS.baseUrl, state, { type: 'url', required: true, hint: 'The public address of the site, like https://news.example.org. Feeds and links use it.' })}
${inputField('defaultLanguage', LABELS.defaultLanguage, state, { required: true, maxlength: 20, hint: 'A language code such as en or ru.' })}
${selectField('timeZone', LABELS.timeZone, state, timeZoneChoices(typeof zone === 'string' ? zone : ''), {
  hint: 'Dates and article addresses follow it. Changing it moves posts to their dates in the new zone; their old addresses redirect.',
})}
${selectField('firstDayOfWeek', LABELS.firstDayOfWeek, state, DAYS.map((d, i) => ({ value: String(i), label: d })))}
${inputField('postsPerPage', LABELS.postsPerPage, state, { type: 'number', required: true, inputmode: 'numeric', hint: 'From 1 to 100.' })}
<fieldset class="group"><legend>Feeds</legend>
${radioGroup('feedContent', LABELS.feedContent, state, [
  { value: 'full', label: 'The full article', hint: 'The body and the post-script: readers can read it all in their feed reader.' },
  { value: 'summary', label: 'The standfirst only', hint: 'Readers follow the link to read the article on the site.' },
])}
${inputField('feedItems', LABELS.feedItems, state, { type: 'number', required: true, inputmode: 'numeric', hint: 'How many of the newest articles every feed lists, from 1 to 100.' })}
</fieldset>
<div class="actions"><button type="submit">Save settings</button></div>`,
)}`,
  );
}
