import { html } from '../../../lib/html.js';
import { errorSummary, type FieldState, inputField } from '../views/forms.js';
import type { AdminFrame } from '../views/layout.js';
import { postForm, radioGroup, screen } from '../site/ui.js';

/** The comment settings that are whole numbers, in the order the form shows them. */
export const COMMENT_SETTING_NUMBERS = [
  'threadDepth', 'commentsPerPage', 'minSubmitSeconds', 'maxLinks', 'commentMaxLength', 'perIpPerHour', 'perEmailPerHour',
  'closeCommentsAfterDays', 'ipRetentionDays',
] as const;

/** The comment settings that are yes or no. */
export const COMMENT_SETTING_CHOICES = ['autoApproveKnown', 'honeypot', 'refuseDuplicates'] as const;

type Choice = (typeof COMMENT_SETTING_CHOICES)[number];
type Field = (typeof COMMENT_SETTING_NUMBERS)[number] | Choice;

const LABELS: Record<Field, string> = {
  threadDepth: 'Deepest reply level',
  commentsPerPage: 'Threads per page',
  autoApproveKnown: 'Publish at once from known commenters',
  honeypot: 'Hidden field for robots (honeypot)',
  refuseDuplicates: 'Refuse duplicate comments',
  minSubmitSeconds: 'Fastest plausible comment, in seconds',
  maxLinks: 'Most links in a comment',
  commentMaxLength: 'Longest comment, in characters',
  perIpPerHour: 'Comments per hour from one IP address',
  perEmailPerHour: 'Comments per hour from one email address',
  closeCommentsAfterDays: 'Close comments on articles older than, in days',
  ipRetentionDays: 'Keep commenters’ IP addresses for, in days',
};

const HINTS: Record<Exclude<Field, Choice>, string> = {
  threadDepth: '1 allows no replies; 5 lets readers reply to replies four levels down. From 1 to 10.',
  commentsPerPage: 'Top-level comments on one page of an article’s comments, with their replies. From 5 to 500.',
  minSubmitSeconds: 'A comment sent sooner after the page loaded is refused as too fast (robots are quicker than readers). 0 turns this off.',
  maxLinks: 'A comment with more links waits for moderation. From 0 to 50.',
  commentMaxLength: 'From 100 to 100,000.',
  perIpPerHour: 'More are refused until the hour has passed. From 1 to 10,000.',
  perEmailPerHour: 'From 1 to 10,000.',
  closeCommentsAfterDays: 'Counted from publication; existing comments stay visible. 0 keeps comments open for as long as each article allows.',
  ipRetentionDays: 'Then the address is erased; a keyed hash stays so blocks keep working. From 1 to 3,650.',
};

const number = (name: Exclude<Field, Choice>, state: FieldState) =>
  inputField(name, LABELS[name], state, { type: 'number', required: true, inputmode: 'numeric', hint: HINTS[name] });

/** The comment settings form; keeps what was typed and shows each error by its field. */
export function renderCommentSettings(frame: AdminFrame, state: FieldState): string {
  return screen(
    frame,
    { title: 'Comment settings', current: '/admin/comments', actions: html`<a href="/admin/comments">Back to the comments</a>` },
    html`${errorSummary(state, LABELS)}
${postForm(
  frame,
  '/admin/comments/settings',
  html`<fieldset class="group"><legend>Threads</legend>
${number('threadDepth', state)}
${number('commentsPerPage', state)}
</fieldset>
<fieldset class="group"><legend>Moderation</legend>
${radioGroup('autoApproveKnown', LABELS.autoApproveKnown, state, [
  { value: 'yes', label: 'Yes', hint: 'A first comment from an email address waits for moderation; once one is approved, later ones from it are published at once.' },
  { value: 'no', label: 'No', hint: 'Every comment waits for moderation.' },
])}
</fieldset>
<fieldset class="group"><legend>Spam and abuse</legend>
${radioGroup('honeypot', LABELS.honeypot, state, [
  { value: 'yes', label: 'Yes', hint: 'The form carries a field people never see; a comment with it filled in goes to spam.' },
  { value: 'no', label: 'No', hint: 'The field is left out of the form.' },
])}
${radioGroup('refuseDuplicates', LABELS.refuseDuplicates, state, [
  { value: 'yes', label: 'Yes', hint: 'The same text from the same email address under the same article is refused, with a message.' },
  { value: 'no', label: 'No', hint: 'Repeats are accepted like any comment.' },
])}
${number('minSubmitSeconds', state)}
${number('maxLinks', state)}
${number('commentMaxLength', state)}
${number('perIpPerHour', state)}
${number('perEmailPerHour', state)}
<p class="hint">Comments naming a blocked word, or sent from a blocked email address, domain or IP address, go to spam: <a href="/admin/comments/blocks">edit the blocklist</a>.</p>
</fieldset>
<fieldset class="group"><legend>Closing and privacy</legend>
${number('closeCommentsAfterDays', state)}
${number('ipRetentionDays', state)}
</fieldset>
<div class="actions"><button type="submit">Save comment settings</button></div>`,
)}`,
  );
}
