import { type Command, Option } from 'commander';
import type { CliIo } from '../cli.js';
import type { Config } from '../config.js';
import { describeSummary, type ImportProgress, loadImportWordpress, WxrError } from '../features/import/index.js';
import { createContext, tellServersEverythingChanged } from '../runtime.js';

/** Exit code of `import wordpress` when the file is not a well-formed export (nothing written). */
export const EXIT_MALFORMED = 2;

/** `broadside import wordpress FILE [--uploads DIR] [--skip-pings]`, added to the `import` group. */
export function addImportWordpress(group: Command, io: CliIo, config: () => Config): void {
  group
    .command('wordpress')
    .description('Import a WordPress export (WXR 1.0–1.2): authors, categories, tags, posts, pages, comments, media, old URLs')
    .argument('<file>', 'the .xml file from WordPress → Tools → Export')
    .addOption(new Option('--uploads <dir>', 'a copy of the old wp-content/uploads: files are copied in and links rewritten'))
    .addOption(new Option('--skip-pings', 'leave pingbacks and trackbacks out'))
    .addHelpText(
      'after',
      '\nRunning it again adds only what is new; an interrupted run finishes when started again.\n' +
        `Exit codes: 0 imported (warnings are listed), ${EXIT_MALFORMED} the file is malformed (nothing was written), 1 any other failure.`,
    )
    .action(async (file: string, flags: { uploads?: string; skipPings?: boolean }) => {
      const cfg = config();
      const ctx = await createContext(cfg, { migrate: true });
      const started = Date.now();
      const bar = progressBar(io, started);
      try {
        const importWordpress = await loadImportWordpress();
        const summary = await importWordpress(
          { db: ctx.database.db, clock: ctx.clock, log: ctx.log, dataDir: cfg.dataDir },
          { file, uploadsDir: flags.uploads, skipPings: flags.skipPings, onProgress: bar },
        );
        bar.done();
        for (const line of describeSummary(summary)) io.out(line);
        io.out(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      } catch (error) {
        bar.done();
        if (error instanceof WxrError) {
          throw Object.assign(new Error(`${file}: ${error.message}. Nothing was imported.`), { exitCode: EXIT_MALFORMED });
        }
        throw error;
      } finally {
        // Also after a run cut short: what it wrote before is on the site.
        await tellServersEverythingChanged(ctx);
        await ctx.database.close();
      }
    });
}

const MB = 1024 * 1024;

/**
 * Progress on stderr: a line redrawn in place on a terminal (`io.progress`), else a line every
 * tenth of the file. Shows the phase, items done, bytes read of the total, and the read rate.
 */
function progressBar(io: CliIo, started: number): ((p: ImportProgress) => void) & { done(): void } {
  let lastDraw = 0;
  let lastTenth = -1;
  let drawn = false;
  const update = (p: ImportProgress) => {
    const now = Date.now();
    const fraction = p.totalBytes ? p.bytesRead / p.totalBytes : 1;
    const rate = p.bytesRead / MB / Math.max((now - started) / 1000, 0.001);
    const width = 24;
    const filled = Math.round(fraction * width);
    const line =
      `${p.phase === 'check' ? 'checking' : 'importing'} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ` +
      `${p.items}${p.totalItems ? `/${p.totalItems}` : ''} items, ${(p.bytesRead / MB).toFixed(1)}/${(p.totalBytes / MB).toFixed(1)} MB, ${rate.toFixed(1)} MB/s`;
    if (io.progress) {
      if (now - lastDraw < 100 && fraction < 1) return;
      lastDraw = now;
      drawn = true;
      io.progress(line);
    } else {
      const tenth = Math.floor(fraction * 10) + (p.phase === 'import' ? 11 : 0);
      const last = p.phase === 'import' && p.items === p.totalItems;
      if (tenth === lastTenth && !last) return;
      lastTenth = tenth;
      io.err(line);
    }
  };
  return Object.assign(update, { done: () => drawn && io.progress?.('') });
}
