import { Command, InvalidArgumentError, Option } from 'commander';
import { type Config, ConfigError, CONFIG_KEYS, loadConfig } from './config.js';
import { createUser, ROLES } from './features/accounts/index.js';
import { AppError } from './errors.js';
import { closeOnSignals, type RunningServer, serve } from './main.js';
import { createContext, StartupError, tellServersEverythingChanged } from './runtime.js';
import { migrateToLatest } from './storage/db.js';
import { readPassword } from './cli/read-password.js';
import { addImportWordpress } from './cli/import-wordpress.js';

/** Everything a command prints goes through here, so tests can capture it. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
  /**
   * Receives the running server of `serve`/`start`. When absent (the real command line), the
   * server closes itself on SIGINT/SIGTERM; tests pass this to stop it themselves.
   */
  onServing?: (server: RunningServer) => void;
  /** A status line that replaces the previous one (a terminal's stderr); '' clears it. Absent: progress goes to `err` now and then. */
  progress?: (line: string) => void;
}

const envHelp = Object.values(CONFIG_KEYS)
  .map((k) => `  ${k.env.padEnd(16)} ${k.description} (default: ${k.default || 'empty'})`)
  .join('\n');

function parsePort(value: string): string {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('must be a port number 0–65535');
  return value;
}

/** The `broadside` command line. `run` resolves with the process exit code. */
export function buildCli(io: CliIo): Command {
  const program = new Command('broadside')
    .description('Broadside: a publishing platform for independent, reader-funded newsrooms')
    .addHelpText(
      'after',
      `\nExamples:\n  npx broadside start                     migrate, load the demo on an empty site, serve\n` +
        `  echo "$PASSWORD" | npx broadside user create --email ed@example.org --name Ed --role admin\n` +
        `\nEnvironment:\n${envHelp}`,
    )
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride()
    .showHelpAfterError();

  const config = (flags: { port?: string; host?: string; workers?: string } = {}): Config =>
    loadConfig(io.env, { port: flags.port, host: flags.host, workers: flags.workers });

  program
    .command('serve')
    .description('Serve the site (applies pending database migrations first)')
    .addOption(new Option('-p, --port <n>', 'port to listen on (env PORT)').argParser(parsePort))
    .addOption(new Option('-H, --host <host>', 'interface to listen on (env HOST)'))
    .addOption(new Option('-w, --workers <n>', 'processes to serve with, 1–64 or auto (env WORKERS; more than 1 needs PostgreSQL)'))
    .action(async (flags) => {
      const cfg = config(flags);
      // A cluster's workers run with the primary's environment and arguments, so their config
      // asks for workers too; a lone process never loads node:cluster (~35 ms of a cold start).
      if (cfg.workers > 1) {
        const { default: cluster } = await import('node:cluster');
        const { serveAsWorker, startPrimary, stopPrimaryOnSignals } = await import('./cluster/index.js');
        if (cluster.isWorker) return void (await serveAsWorker(cfg));
        const primary = await startPrimary(cfg);
        stopPrimaryOnSignals(primary);
        io.out(`Broadside is serving ${primary.description} at ${primary.url}/ with ${cfg.workers} worker processes (primary ${process.pid}).`);
        return;
      }
      const server = await serve(cfg);
      io.onServing ? io.onServing(server) : closeOnSignals(server);
      io.out(`Broadside is serving ${server.ctx.database.description} at ${server.url}/`);
    });

  program
    .command('start')
    .description('What `npm start` runs: migrate, load the demo site when the site is empty, then serve')
    .addOption(new Option('-p, --port <n>', 'port to listen on (env PORT)').argParser(parsePort))
    .addOption(new Option('-H, --host <host>', 'interface to listen on (env HOST)'))
    .action(async (flags) => {
      const cfg = config(flags);
      const ctx = await createContext(cfg, { migrate: true });
      const { isSiteEmpty, seedDemo } = await loadDemo();
      if (await isSiteEmpty(ctx.database.db)) {
        io.out('Empty site: loading the demo newsroom…');
        const outcome = await seedDemo(
          { db: ctx.database.db, clock: ctx.clock },
          { baseUrl: `http://${cfg.host === '0.0.0.0' ? '127.0.0.1' : cfg.host}:${cfg.port}` },
        );
        io.out(`Demo loaded: ${outcome.posts} posts, ${outcome.pages} pages.`);
      }
      const server = await serve(cfg, ctx);
      io.onServing ? io.onServing(server) : closeOnSignals(server);
      io.out(`Broadside is serving ${ctx.database.description} at ${server.url}/`);
    });

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      const ctx = await createContext(config(), { migrate: false });
      try {
        const outcome = await migrateToLatest(ctx.database);
        for (const name of outcome.applied) io.out(`applied ${name}`);
        if (outcome.error) throw new StartupError(`Migration failed: ${outcome.error.message}`);
        io.out(outcome.applied.length ? `Database is up to date (${ctx.database.description}).` : 'Nothing to migrate.');
      } finally {
        await ctx.database.close();
      }
    });

  program
    .command('seed-demo')
    .description('Load the demo newsroom (idempotent: running it twice adds nothing)')
    .action(async () => {
      const cfg = config();
      const ctx = await createContext(cfg, { migrate: true });
      try {
        const { seedDemo } = await loadDemo();
        const outcome = await seedDemo(
          { db: ctx.database.db, clock: ctx.clock },
          {
            baseUrl: `http://${cfg.host === '0.0.0.0' ? '127.0.0.1' : cfg.host}:${cfg.port}`,
            onProgress: (done, total) => done % 10 === 0 && io.out(`  ${done}/${total} posts`),
          },
        );
        io.out(`Demo: ${outcome.posts} posts added, ${outcome.skipped} already there, ${outcome.pages} pages.`);
      } finally {
        await tellServersEverythingChanged(ctx);
        await ctx.database.close();
      }
    });

  const user = program.command('user').description('Manage user accounts: user create --email E --name N --role R');
  user
    .command('create')
    .description('Create a user; the password is read from standard input, or prompted for')
    .requiredOption('--email <email>', 'sign-in email address')
    .requiredOption('--name <name>', 'name shown in the admin')
    .addOption(new Option('--role <role>', 'what the user may do').choices(ROLES).makeOptionMandatory())
    .action(async (flags: { email: string; name: string; role: (typeof ROLES)[number] }) => {
      const cfg = config();
      const password = await readPassword(io.stdin, io.err);
      const ctx = await createContext(cfg, { migrate: true });
      try {
        const id = await createUser({ db: ctx.database.db, clock: ctx.clock }, { ...flags, password });
        io.out(`Created ${flags.role} ${flags.email.trim().toLowerCase()} (user #${id}).`);
      } finally {
        await ctx.database.close();
      }
    });

  program
    .command('export')
    .description('Write the whole site to FILE: a Broadside JSON backup (docs/export-format.md), or WordPress WXR')
    .argument('<file>', 'the file to write (replaced only when the export succeeds)')
    .addOption(new Option('--format <format>', 'json: everything, for `import broadside`; wordpress: WXR 1.2').choices(['json', 'wordpress']).default('json'))
    .option('--with-secrets', 'include password hashes, two-factor secrets and the comment secret (json)', false)
    .option('--with-audit-log', 'include the audit log (json)', false)
    .action(async (file: string, flags: { format: 'json' | 'wordpress'; withSecrets: boolean; withAuditLog: boolean }) => {
      const ctx = await createContext(config(), { migrate: true });
      try {
        const { describeCounts, exportToFile, exportWordPressToFile, throttledProgress } = await loadExport();
        const started = Date.now();
        const progress = throttledProgress(io.err);
        const counts =
          flags.format === 'wordpress'
            ? await exportWordPressToFile(ctx.database, file, progress)
            : await exportToFile(ctx.database, file, { secrets: flags.withSecrets, auditLog: flags.withAuditLog }, progress);
        io.out(`Exported ${describeCounts(counts)} to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      } finally {
        await ctx.database.close();
      }
    });

  // `import <format> FILE`: bring a site in. Each format adds its subcommand to this group.
  const importer = program.command('import').description('Bring a site in: import wordpress FILE.xml, import broadside FILE.json');
  addImportWordpress(importer, io, () => config());
  importer
    .command('broadside')
    .description('Load a Broadside JSON export into this site, which must be empty (all or nothing)')
    .argument('<file>', 'a file written by `broadside export`')
    .action(async (file: string) => {
      const ctx = await createContext(config(), { migrate: true });
      try {
        const { describeCounts, importFromFile, throttledProgress } = await loadExport();
        const started = Date.now();
        const counts = await importFromFile(ctx.database, file, throttledProgress(io.err));
        io.out(`Imported ${describeCounts(counts)} from ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      } catch (error) {
        throw new Error(`Nothing was imported: ${(error as Error).message}`, { cause: error });
      } finally {
        await tellServersEverythingChanged(ctx);
        await ctx.database.close();
      }
    });

  return program;
}

// Commands other than serving load their feature when they run: `serve` starts without reading
// the demo's articles or the export and import code.
const loadDemo = () => import('./features/demo/index.js');
const loadExport = () => import('./features/export/index.js');

/** Runs the CLI and turns every known failure into one clear line and exit code 1. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildCli(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  const e = error as { code?: string; exitCode?: number };
  if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : (e.exitCode ?? 1);
  }
  if (error instanceof ConfigError) {
    for (const problem of error.problems) io.err(`broadside: ${problem}`);
  } else if (error instanceof AppError && error.code === 'VALIDATION') {
    const fields = (error.details.fields ?? {}) as Record<string, string>;
    for (const [field, message] of Object.entries(fields)) io.err(`broadside: ${field}: ${message}`);
  } else if (error instanceof StartupError || error instanceof Error) {
    io.err(`broadside: ${error.message}`);
  } else {
    io.err(`broadside: ${String(error)}`);
  }
  return typeof e.exitCode === 'number' ? e.exitCode : 1;
}
