import { html, type SafeHtml } from '../../../lib/html.js';
import { countsInOrder, type ImportRun } from '../../import/index.js';
import { plural } from '../site/shared.js';
import { postForm, radioGroup, screen, timeIn } from '../site/ui.js';
import type { FieldState } from '../views/forms.js';
import type { AdminFrame } from '../views/layout.js';

/** Seconds between reloads of a run's page while it is waiting or running. */
export const REFRESH_SECONDS = 2;

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

const STATUS_LABELS: Record<ImportRun['status'], string> = {
  pending: 'waiting to start',
  running: 'running',
  done: 'finished',
  failed: 'failed',
};

function statusOf(run: ImportRun): string {
  if (run.status === 'running') return run.phase === 'import' ? 'importing' : 'checking the file';
  return STATUS_LABELS[run.status];
}

export interface ImportPageData {
  maxMb: number;
  runs: ImportRun[];
  timeZone: string;
}

/** /admin/import: the upload form (no JavaScript needed) and the runs so far, newest first. */
export function renderImportPage(frame: AdminFrame, state: FieldState, data: ImportPageData): string {
  const fileError = state.errors.file;
  const action = `/admin/import?_csrf=${encodeURIComponent(frame.csrfToken)}`;
  return screen(
    frame,
    { title: 'Import from WordPress', current: '/admin/import' },
    html`<p>In WordPress, go to <strong>Tools → Export</strong>, choose <strong>All content</strong> and download the export file.
Upload it here: authors, categories, tags, posts, pages, comments and media records come in, and every old address of the
site redirects to its new one. Importing the same file again adds only what is new.</p>
<form method="post" action="${action}" enctype="multipart/form-data" class="stack">
<div class="field${fileError ? ' has-error' : ''}">
<label for="file">WordPress export file (.xml) <span class="required">(required)</span></label>
<input type="file" id="file" name="file" accept=".xml,application/xml,text/xml" required aria-describedby="file-hint${fileError ? ' file-error' : ''}"${fileError ? html` aria-invalid="true"` : ''}>
<p class="hint" id="file-hint">Up to ${data.maxMb} MB. Images are not in the export: the media keep their old addresses.</p>
${fileError ? html`<p class="field-error" id="file-error">${fileError}</p>` : ''}
</div>
${radioGroup('pings', 'Pingbacks and trackbacks (notices of links from other sites)', state, [
  { value: 'keep', label: 'Keep them, apart from the comments' },
  { value: 'skip', label: 'Leave them out' },
])}
<div class="actions"><button type="submit">Upload and import</button></div>
</form>
<h2>Imports so far</h2>
${data.runs.length === 0
  ? html`<p>None yet.</p>`
  : html`<table class="list">
<thead><tr><th scope="col">File</th><th scope="col">Uploaded</th><th scope="col">Status</th><th scope="col">Items</th></tr></thead>
<tbody>
${data.runs.map((run) => html`<tr><td><a href="/admin/import/runs/${String(run.id)}">${run.fileName}</a></td><td>${timeIn(run.createdAt, data.timeZone)}</td><td>${statusOf(run)}</td><td>${run.itemsTotal ? `${run.itemsDone} of ${run.itemsTotal}` : '—'}</td></tr>`)}
</tbody>
</table>`}`,
  );
}

/** /admin/import/runs/:id: where a run stands; reloads itself every 2 s until it ends. */
export function renderRunPage(frame: AdminFrame, run: ImportRun, timeZone: string): string {
  const live = run.status === 'pending' || run.status === 'running';
  return screen(
    frame,
    { title: `Import of ${run.fileName}`, current: '/admin/import', actions: html`<a href="/admin/import">All imports</a>`, ...(live ? { refreshSeconds: REFRESH_SECONDS } : {}) },
    html`<p class="import-status" role="status">Status: <strong>${statusOf(run)}</strong>.</p>
<p>Uploaded ${timeIn(run.createdAt, timeZone)} (${mb(run.bytesTotal)})${run.finishedAt ? html`; ended ${timeIn(run.finishedAt, timeZone)}` : ''}.
Pingbacks and trackbacks: ${run.options.skipPings ? 'left out' : 'kept'}.</p>
${live ? progress(run) : ''}
${run.status === 'failed' ? failure(frame, run) : ''}
${run.status === 'done' ? summary(run) : ''}`,
  );
}

function progress(run: ImportRun): SafeHtml {
  if (run.status === 'pending') return html`<p>The import starts in a moment. This page reloads itself every ${REFRESH_SECONDS} seconds.</p>`;
  if (run.phase === 'import' && run.itemsTotal > 0) {
    return html`<p><label for="progress">Items imported: ${run.itemsDone} of ${run.itemsTotal}</label>
<progress id="progress" max="${run.itemsTotal}" value="${run.itemsDone}">${Math.floor((run.itemsDone / run.itemsTotal) * 100)}%</progress></p>
<p>This page reloads itself every ${REFRESH_SECONDS} seconds; you may leave it, the import goes on.</p>`;
  }
  const total = Math.max(run.bytesTotal, 1);
  return html`<p><label for="progress">Checking the file before writing anything: ${mb(run.bytesRead)} of ${mb(run.bytesTotal)} read</label>
<progress id="progress" max="${total}" value="${Math.min(run.bytesRead, total)}">${Math.floor((run.bytesRead / total) * 100)}%</progress></p>
<p>This page reloads itself every ${REFRESH_SECONDS} seconds; you may leave it, the import goes on.</p>`;
}

function failure(frame: AdminFrame, run: ImportRun): SafeHtml {
  // The check pass reads the whole file before anything is written, so a failure there wrote nothing.
  const nothingWritten = run.phase !== 'import';
  return html`<div class="error-summary" role="alert">
<h2>${nothingWritten ? 'The file could not be imported' : 'The import stopped'}</h2>
<p>${run.error ?? 'unknown reason'}</p>
<p>${nothingWritten
    ? 'Nothing was imported. If the file is damaged, export it from WordPress again and upload the new one.'
    : `What was imported before it stopped (${plural(run.itemsDone, 'item')}) stays; trying again continues where it stopped.`}</p>
</div>
${postForm(frame, `/admin/import/runs/${run.id}/retry`, html`<div class="actions"><button type="submit">Retry</button></div>`)}`;
}

function counts(caption: string, bucket: Record<string, number>): SafeHtml {
  const entries = countsInOrder(bucket);
  if (entries.length === 0) return html``;
  return html`<table class="list import-counts">
<caption>${caption}</caption>
<thead><tr><th scope="col">Kind</th><th scope="col">How many</th></tr></thead>
<tbody>${entries.map(([kind, n]) => html`<tr><td>${kind}</td><td>${n}</td></tr>`)}</tbody>
</table>`;
}

function summary(run: ImportRun): SafeHtml {
  const s = run.summary;
  const shortcodes = Object.entries(s.unknownShortcodes);
  return html`<h2>What was imported</h2>
${Object.keys(s.imported).length ? counts('Imported', s.imported) : html`<p>Nothing new: everything in this file was already here.</p>`}
${counts('Already imported before', s.alreadyThere)}
${counts('Not imported', s.skipped)}
${shortcodes.length
  ? html`<h2>Unknown shortcodes, left as text</h2>
<ul>${shortcodes.map(([name, items]) => html`<li><code>[${name}]</code> in ${items.slice(0, 10).join('; ')}${items.length > 10 ? ` and ${items.length - 10} more` : ''}</li>`)}</ul>`
  : ''}
<h2>Warnings</h2>
${s.warnings.length
  ? html`<ul class="import-warnings">${s.warnings.map((w) => html`<li><strong>${w.item}</strong>: ${w.message}</li>`)}</ul>`
  : html`<p>None.</p>`}`;
}
