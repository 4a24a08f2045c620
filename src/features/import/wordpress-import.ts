import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { Logger } from '../../context.js';
import { AppError, isAppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/dates.js';
import type { DB } from '../../storage/schema.js';
import { commentSecret } from '../comments/index.js';
import { loadSettings } from '../site/index.js';
import { importAttachment, linkAttachments } from './import-media.js';
import { importPage } from './import-page.js';
import { importPost } from './import-post.js';
import { importAuthor, importTerms } from './import-terms.js';
import { queryPath, redirectAll } from './old-urls.js';
import { itemLabel, type RunContext } from './run-context.js';
import { scanWxr } from './scan.js';
import { count, emptySummary, type ImportSummary, warn } from './summary.js';
import { createUploadsCopier } from './uploads.js';
import { type WxrItem, type WxrTerm, toRecord } from './wxr-records.js';
import { openWxr } from './wxr-reader.js';

export interface WordpressImportDeps {
  db: Kysely<DB>;
  clock: Clock;
  log: Logger;
  /** The data folder, where `--uploads` files are copied. */
  dataDir: string;
}

export interface ImportProgress {
  /** `check`: the first pass, reading only; `import`: writing. */
  phase: 'check' | 'import';
  bytesRead: number;
  totalBytes: number;
  items: number;
  /** Items in the file, once the check pass has counted them (0 before). */
  totalItems: number;
}

export interface WordpressImportOptions {
  file: string;
  /** A copy of the old site's wp-content/uploads, to copy files from. */
  uploadsDir?: string;
  /** Leave pingbacks and trackbacks out. */
  skipPings?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Called after each item is written; throwing from it stops the import there (tests use it as a kill). */
  afterItem?: (items: number) => void;
}

/**
 * Imports a WordPress export. First a reading pass checks the whole file (WxrError with line
 * and column, nothing written); then each author, term and item is written in its own
 * transaction and remembered in the import map, so a second run adds nothing and a run killed
 * midway finishes cleanly when started again. Returns what was done.
 */
export async function importWordpress(deps: WordpressImportDeps, options: WordpressImportOptions): Promise<ImportSummary> {
  if (options.uploadsDir && !fs.statSync(options.uploadsDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new AppError('VALIDATION', { fields: { uploads: `${options.uploadsDir} is not a folder` } });
  }
  const progress = (phase: ImportProgress['phase'], bytesRead: number, totalBytes: number, items: number, totalItems: number) =>
    options.onProgress?.({ phase, bytesRead, totalBytes, items, totalItems });
  const scan = await scanWxr(options.file, (read, total, items) => progress('check', read, total, items, 0));
  const ctx = await runContext(deps, options, scan);
  const reader = openWxr(options.file);
  let terms: WxrTerm[] = [];
  let items = 0;
  for await (const node of reader.nodes) {
    const record = toRecord(node);
    if (record.kind === 'author') await importAuthor(ctx, record.author);
    else if (record.kind === 'term') terms.push(record.term);
    else if (record.kind === 'item') {
      if (terms.length) {
        await importTerms(ctx, terms);
        terms = [];
      }
      await importItem(ctx, record.item);
      items++;
      progress('import', reader.bytesRead(), reader.totalBytes, items, scan.items);
      options.afterItem?.(items);
    }
  }
  if (terms.length) await importTerms(ctx, terms);
  await linkAttachments(ctx);
  await siteRedirects(ctx);
  if (ctx.uploads) count(ctx.summary.imported, 'file copied', ctx.uploads.copied());
  return ctx.summary;
}

async function runContext(deps: WordpressImportDeps, options: WordpressImportOptions, scan: RunContext['scan']): Promise<RunContext> {
  let sitePath = '';
  let host = '';
  try {
    const url = new URL(scan.siteUrl);
    sitePath = decodeURI(url.pathname).replace(/\/+$/, '');
    host = url.host;
  } catch {
    // No usable site address in the file: old addresses are taken as root-relative.
  }
  return {
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    source: `wordpress:${scan.siteUrl || 'unknown'}`,
    sitePath,
    scan,
    settings: await loadSettings(deps.db),
    uploads: options.uploadsDir ? createUploadsCopier({ sourceDir: options.uploadsDir, dataDir: deps.dataDir, oldHost: host }) : null,
    skipPings: options.skipPings ?? false,
    summary: emptySummary(),
    authors: new Map(),
    categories: new Map(),
    commentSecret: await commentSecret(deps.db),
  };
}

async function importItem(ctx: RunContext, item: WxrItem): Promise<void> {
  try {
    if (item.type === 'post') await importPost(ctx, item);
    else if (item.type === 'page') await importPage(ctx, item);
    else if (item.type === 'attachment') await importAttachment(ctx, item);
    else count(ctx.summary.skipped, item.type);
  } catch (error) {
    if (!isAppError(error, 'VALIDATION')) throw error;
    const fields = Object.entries((error.details.fields ?? {}) as Record<string, string>).map(([f, m]) => `${f}: ${m}`);
    warn(ctx.summary, itemLabel(item.type, item.id, item.title), `not imported (${fields.join('; ') || 'invalid'})`);
    count(ctx.summary.skipped, `${item.type} (invalid)`);
  }
}

/** The old site's feed addresses, to the new ones. */
async function siteRedirects(ctx: RunContext): Promise<void> {
  const now = toIso(ctx.clock.now());
  const p = ctx.sitePath;
  await ctx.db.transaction().execute(async (trx) => {
    await redirectAll(trx, ctx, [`${p}/feed/rss2/`, `${p}/feed/rss/`, `${p}/feed/rdf/`, queryPath(ctx, 'feed', 'rss2'), queryPath(ctx, 'feed', 'rss'), queryPath(ctx, 'feed', 'rdf')], '/feed/', now);
    await redirectAll(trx, ctx, [queryPath(ctx, 'feed', 'atom'), ...(p ? [`${p}/feed/atom/`] : [])], '/feed/atom/', now);
    if (p) await redirectAll(trx, ctx, [`${p}/feed/`], '/feed/', now);
  });
}
