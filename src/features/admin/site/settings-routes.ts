import { z } from 'zod';
import { loadSettings, type Settings, updateSiteSettings } from '../../site/index.js';
import { adminFrame, flash, sendPage } from '../context.js';
import { emptyForm } from '../views/forms.js';
import { renderSettingsForm } from './settings-views.js';
import { actorOf, attempt, formBody, guardedSection, text, typedNumber } from './shared.js';

const settingsForm = z.object({
  title: text(1000),
  tagline: text(1000),
  baseUrl: text(2000),
  defaultLanguage: text(40),
  timeZone: text(100),
  firstDayOfWeek: text(10),
  postsPerPage: text(10),
  feedContent: text(20),
  feedItems: text(10),
});

type SettingsForm = z.output<typeof settingsForm>;

const toChange = (form: SettingsForm): Partial<Settings> => ({
  ...form,
  firstDayOfWeek: typedNumber(form.firstDayOfWeek),
  postsPerPage: typedNumber(form.postsPerPage),
  // Anything but the two choices is left for the settings schema to name.
  feedContent: form.feedContent as Settings['feedContent'],
  feedItems: typedNumber(form.feedItems),
});

const toForm = (s: Settings): SettingsForm => ({
  title: s.title,
  tagline: s.tagline,
  baseUrl: s.baseUrl,
  defaultLanguage: s.defaultLanguage,
  timeZone: s.timeZone,
  firstDayOfWeek: String(s.firstDayOfWeek),
  postsPerPage: String(s.postsPerPage),
  feedContent: s.feedContent,
  feedItems: String(s.feedItems),
});

/** /admin/settings: the site settings, for admins. Saving goes through updateSiteSettings (audited). */
export const settingsSection = guardedSection('settings.manage', (app, deps) => {
  app.get('/admin/settings', async (request, reply) => {
    const state = emptyForm(toForm(await loadSettings(deps.db)));
    return sendPage(reply, renderSettingsForm(await adminFrame(deps, request, reply), state));
  });

  app.post('/admin/settings', async (request, reply) => {
    const form = formBody(settingsForm, request.body);
    const result = await attempt(() => updateSiteSettings(deps, toChange(form), { actor: actorOf(request) }));
    if (!result.ok) return sendPage(reply, renderSettingsForm(await adminFrame(deps, request, reply), { values: form, errors: result.errors }), 422);
    flash(reply, 'Settings saved.');
    return reply.redirect('/admin/settings', 303);
  });
});
