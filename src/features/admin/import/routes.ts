import fastifyMultipart from '@fastify/multipart';
import { findImportRun, importsFolderId, listImportRuns, removeUpload, retryImportRun, startImportRun } from '../../import/index.js';
import { loadSettings } from '../../site/index.js';
import { adminFrame, flash, sendPage } from '../context.js';
import { actorOf, guardedSection, orNotFound, routeId } from '../site/shared.js';
import { emptyForm, type FieldState } from '../views/forms.js';
import { renderImportPage, renderRunPage } from './views.js';
import { readUploadForm } from './upload-form.js';

/** Runs listed under the upload form. */
const RUNS_LISTED = 50;

/**
 * /admin/import, for admins: upload a WordPress export, which a background job imports (the
 * same import as `broadside import wordpress`), and watch its run at /admin/import/runs/:id.
 * Multipart parsing is registered for the upload route alone; the CSRF token travels in the
 * form action's query string (see http/csrf.ts).
 */
export const importSection = guardedSection('site.import', (app, deps) => {
  const maxBytes = deps.imports.maxMb * 1024 * 1024;

  const showForm = async (request: Parameters<typeof adminFrame>[1], reply: Parameters<typeof adminFrame>[2], state: FieldState, status = 200) => {
    const [runs, settings] = await Promise.all([listImportRuns(deps.db, RUNS_LISTED), loadSettings(deps.db)]);
    const page = renderImportPage(await adminFrame(deps, request, reply), state, { maxMb: deps.imports.maxMb, runs, timeZone: settings.timeZone });
    return sendPage(reply, page, status);
  };

  app.get('/admin/import', async (request, reply) => showForm(request, reply, emptyForm({ pings: 'keep' })));

  void app.register(async (uploads) => {
    await uploads.register(fastifyMultipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1000, parts: 12 },
    });
    uploads.post('/admin/import', async (request, reply) => {
      const actor = actorOf(request);
      const form = await readUploadForm(request, { dataDir: deps.imports.dataDir, maxBytes });
      if (!form.ok) return showForm(request, reply, { values: { pings: 'keep', ...form.values }, errors: form.errors }, form.status);
      let id: number;
      try {
        const input = { fileName: form.fileName, filePath: form.stored.relativePath, bytes: form.stored.bytes, options: form.options, folder: importsFolderId(deps.imports.dataDir) };
        id = await startImportRun(deps.db, input, actor, deps.clock.now());
      } catch (error) {
        removeUpload(deps.imports.dataDir, form.stored.relativePath);
        throw error;
      }
      return reply.redirect(`/admin/import/runs/${id}`, 303);
    });
  });

  app.get('/admin/import/runs/:id', async (request, reply) => {
    const run = orNotFound(await findImportRun(deps.db, routeId(request)));
    const settings = await loadSettings(deps.db);
    return sendPage(reply, renderRunPage(await adminFrame(deps, request, reply), run, settings.timeZone));
  });

  app.post('/admin/import/runs/:id/retry', async (request, reply) => {
    const id = routeId(request);
    orNotFound(await findImportRun(deps.db, id));
    const retried = await retryImportRun(deps.db, id, actorOf(request), deps.clock.now());
    flash(reply, retried ? 'Import started again.' : 'This import is not failed: nothing to retry.');
    return reply.redirect(`/admin/import/runs/${id}`, 303);
  });
});
