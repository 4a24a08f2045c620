import { z } from 'zod';
import { loadSettings, type Settings, updateSiteSettings } from '../../site/index.js';
import { adminFrame, flash, sendPage } from '../context.js';
import { attempt, emptyForm, formBody, text, typedNumber } from '../views/forms.js';
import { actorOf, guardedSection } from '../site/shared.js';
import { COMMENT_SETTING_CHOICES, COMMENT_SETTING_NUMBERS, renderCommentSettings } from './settings-views.js';

type CommentSettings = Settings['comments'];

/** Every field arrives as text; a missing one is empty (and then refused by the settings schema). */
const commentSettingsForm = z.object({
  threadDepth: text(20), commentsPerPage: text(20), autoApproveKnown: text(10), minSubmitSeconds: text(20), maxLinks: text(20),
  commentMaxLength: text(20), perIpPerHour: text(20), perEmailPerHour: text(20), closeCommentsAfterDays: text(20), ipRetentionDays: text(20),
  honeypot: text(10), refuseDuplicates: text(10),
});

type CommentSettingsForm = z.output<typeof commentSettingsForm>;

/** The typed form as a settings change: numbers as numbers, yes/no as a boolean; anything else is left for the schema to name. */
function toChange(form: CommentSettingsForm): CommentSettings {
  const numbers = Object.fromEntries(COMMENT_SETTING_NUMBERS.map((name) => [name, typedNumber(form[name])]));
  const choices = Object.fromEntries(COMMENT_SETTING_CHOICES.map((name) => [name, { yes: true, no: false }[form[name]] ?? form[name]]));
  return { ...numbers, ...choices } as CommentSettings;
}

function toForm(settings: CommentSettings): CommentSettingsForm {
  const numbers = Object.fromEntries(COMMENT_SETTING_NUMBERS.map((name) => [name, String(settings[name])]));
  const choices = Object.fromEntries(COMMENT_SETTING_CHOICES.map((name) => [name, settings[name] ? 'yes' : 'no']));
  return { ...numbers, ...choices } as CommentSettingsForm;
}

/** The schema names a bad member as `comments.threadDepth`; the form's field is `threadDepth`. */
const byField = (errors: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(errors).map(([key, message]) => [key.replace(/^comments\./, ''), message]));

/**
 * /admin/comments/settings: threading, moderation, spam defences (the blocklists are one link away,
 * at /admin/comments/blocks, which editors use too), closing and IP retention, for
 * admins (the desk itself is for editors too). Saving goes through updateSiteSettings, in one
 * transaction with its audit entry naming each changed setting.
 */
export const commentSettingsSection = guardedSection('settings.manage', (app, deps) => {
  app.get('/admin/comments/settings', async (request, reply) => {
    const state = emptyForm(toForm((await loadSettings(deps.db)).comments));
    return sendPage(reply, renderCommentSettings(await adminFrame(deps, request, reply), state));
  });

  app.post('/admin/comments/settings', async (request, reply) => {
    const form = formBody(commentSettingsForm, request.body);
    // Over the stored group, so a comment setting this screen does not show yet is kept.
    const current = (await loadSettings(deps.db)).comments;
    const change = { comments: { ...current, ...toChange(form) } };
    const result = await attempt(() => updateSiteSettings(deps, change, { actor: actorOf(request) }));
    if (!result.ok) {
      return sendPage(reply, renderCommentSettings(await adminFrame(deps, request, reply), { values: form, errors: byField(result.errors) }), 422);
    }
    flash(reply, 'Comment settings saved.');
    return reply.redirect('/admin/comments/settings', 303);
  });
});
