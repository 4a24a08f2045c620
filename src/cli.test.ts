import { MIGRATION_NAMES } from './storage/migrations/index.js';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_DATABASE_URL } from '../test/database-url.js';
import { DIALECTS } from '../test/helpers.js';
import { runCli } from './cli.js';
import { loadConfig } from './config.js';
import { verifyPassword } from './lib/password.js';
import { serve } from './main.js';
import { type Database, type DialectName, openDatabase } from './storage/db.js';

const PASSWORD = 'secret password 123';

interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** Runs `broadside …argv` in-process with its own env and stdin; captures what it prints. */
async function cli(argv: string[], env: NodeJS.ProcessEnv, stdin: string[] = []): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    stdin: Readable.from(stdin) as unknown as NodeJS.ReadStream,
    env,
  });
  return { code, out, err };
}

/** No line of what the operator saw is part of a stack trace. */
function expectNoStackTrace(run: CliRun): void {
  for (const line of [...run.out, ...run.err]) expect(line).not.toContain('    at ');
}

async function adminQuery(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** TEST_DATABASE_URL with `options=-c search_path=<schema>`, the way an operator points Broadside at a schema. */
function urlWithSearchPath(schema: string): string {
  const separator = TEST_DATABASE_URL.includes('?') ? '&' : '?';
  return `${TEST_DATABASE_URL}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** An empty site: a fresh data folder, and on PostgreSQL a fresh schema named in DATABASE_URL. */
interface Site {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  schema?: string;
  /** Opens the site's database to look at what the CLI did. */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

async function emptySite(dialect: DialectName): Promise<Site> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-cli-'));
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') {
    return {
      dataDir,
      env: { BROADSIDE_DATA: dataDir, LOG_LEVEL: 'silent' },
      open: () => openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'broadside.sqlite') }),
      drop: async () => removeDataDir(),
    };
  }
  const schema = `bst_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create schema "${schema}"`);
  return {
    dataDir,
    schema,
    env: { BROADSIDE_DATA: dataDir, DATABASE_URL: urlWithSearchPath(schema), LOG_LEVEL: 'silent' },
    open: () => openDatabase({ kind: 'postgres', url: TEST_DATABASE_URL, schema, maxConnections: 2 }),
    drop: async () => {
      await adminQuery(`drop schema if exists "${schema}" cascade`);
      removeDataDir();
    },
  };
}

async function withDatabase<T>(site: Site, use: (database: Database) => Promise<T>): Promise<T> {
  const database = await site.open();
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

const countRows = (site: Site, table: 'posts' | 'pages' | 'authors' | 'categories' | 'users') =>
  withDatabase(site, async (database) => (await database.db.selectFrom(table).select('id').execute()).length);

describe('broadside --help', () => {
  it('lists every command, user create among them, and the environment variables, and exits 0', async () => {
    const run = await cli(['--help'], {});
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    const help = run.out.join('\n');
    for (const command of ['serve', 'start', 'migrate', 'seed-demo']) expect(help).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    expect(help).toContain('user create');
    for (const env of ['PORT', 'HOST', 'BROADSIDE_DATA', 'DATABASE_URL', 'LOG_LEVEL']) expect(help).toMatch(new RegExp(`^\\s+${env}\\s`, 'm'));
    expect(help).toContain('(default: 3000)');
  });

  it('user create --help lists --email, --name and --role with the roles to choose from, and exits 0', async () => {
    const run = await cli(['user', 'create', '--help'], {});
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    const help = run.out.join('\n');
    expect(help).toContain('Usage: broadside user create');
    for (const option of ['--email <email>', '--name <name>', '--role <role>']) expect(help).toContain(option);
    for (const role of ['admin', 'editor', 'author', 'contributor']) expect(help).toContain(`"${role}"`);
    expect(help).toMatch(/password is read from standard input/);
  });

  it('an unknown command exits with a non-zero code and says which command is unknown', async () => {
    const run = await cli(['publish-everything'], {});
    expect(run.code).not.toBe(0);
    expect(run.err[0]).toBe("error: unknown command 'publish-everything'");
  });
});

describe.each(DIALECTS)('broadside commands on %s', (dialect) => {
  let site: Site;
  beforeEach(async () => {
    site = await emptySite(dialect);
  });
  afterEach(async () => {
    await site.drop();
  });

  it('migrate applies every migration on an empty site, then says there is nothing to migrate', async () => {
    const first = await cli(['migrate'], site.env);
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.out.slice(0, -1)).toEqual(MIGRATION_NAMES.map((name) => `applied ${name}`));
    expect(first.out.at(-1)).toMatch(dialect === 'sqlite' ? /^Database is up to date \(SQLite \/.+\/broadside\.sqlite\)\.$/ : /^Database is up to date \(PostgreSQL .+\)\.$/);

    const second = await cli(['migrate'], site.env);
    expect(second).toEqual({ code: 0, out: ['Nothing to migrate.'], err: [] });

    if (dialect === 'sqlite') {
      expect(fs.existsSync(path.join(site.dataDir, 'broadside.sqlite'))).toBe(true);
    } else {
      // pg honours `options=-c search_path=…` in DATABASE_URL: the tables are in the site's own schema.
      const { rows } = await adminQuery(`select table_name from information_schema.tables where table_schema = $1`, [site.schema]);
      const tables = rows.map((r: { table_name: string }) => r.table_name);
      for (const table of ['kysely_migration', 'posts', 'users', 'settings']) expect(tables).toContain(table);
    }
  });

  it('seed-demo loads more than 40 demo posts, and running it again adds none', async () => {
    const first = await cli(['seed-demo'], site.env);
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    const summary = first.out.at(-1)!.match(/^Demo: (\d+) posts added, 0 already there, (\d+) pages\.$/);
    expect(summary, first.out.at(-1)).not.toBeNull();
    const added = Number(summary![1]);
    expect(added).toBeGreaterThan(40);
    expect(first.out).toContain(`  10/${added} posts`);
    expect(await countRows(site, 'posts')).toBe(added);
    const pages = await countRows(site, 'pages');
    const authors = await countRows(site, 'authors');
    const categories = await countRows(site, 'categories');
    expect(pages).toBe(Number(summary![2]));

    const second = await cli(['seed-demo'], site.env);
    expect(second.err).toEqual([]);
    expect(second.code).toBe(0);
    expect(second.out.at(-1)).toBe(`Demo: 0 posts added, ${added} already there, ${pages} pages.`);
    expect(await countRows(site, 'posts')).toBe(added);
    expect(await countRows(site, 'pages')).toBe(pages);
    expect(await countRows(site, 'authors')).toBe(authors);
    expect(await countRows(site, 'categories')).toBe(categories);
  });

  describe('user create', () => {
    const argv = ['user', 'create', '--email', 'Editor@Example.org', '--name', 'Ed', '--role', 'editor'];

    it('creates the user from the password piped on stdin and prints the lower-cased email', async () => {
      const run = await cli(argv, site.env, [`${PASSWORD}\n`]);
      expect(run.err).toEqual([]);
      expect(run.code).toBe(0);
      expect(run.out).toHaveLength(1);
      expect(run.out[0]).toMatch(/^Created editor editor@example\.org \(user #\d+\)\.$/);

      const users = await withDatabase(site, (database) => database.db.selectFrom('users').selectAll().execute());
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ email: 'editor@example.org', name: 'Ed', role: 'editor' });
      expect(users[0]!.password_hash.startsWith('scrypt$')).toBe(true);
      expect(users[0]!.password_hash).not.toContain(PASSWORD);
      expect(await verifyPassword(PASSWORD, users[0]!.password_hash)).toBe(true);
    });

    it('refuses the same email a second time with exit code 1 and one line saying it exists', async () => {
      expect((await cli(argv, site.env, [`${PASSWORD}\n`])).code).toBe(0);
      const again = await cli(argv, site.env, [`${PASSWORD}\n`]);
      expect(again.code).toBe(1);
      expect(again.out).toEqual([]);
      expect(again.err).toEqual(['broadside: email: A user with this email already exists']);
      expect(await countRows(site, 'users')).toBe(1);
    });

    it('refuses a too-short password with one line saying how long it must be', async () => {
      const run = await cli(argv, site.env, ['short\n']);
      expect(run.code).toBe(1);
      expect(run.err).toEqual(['broadside: password: Use at least 12 characters for the password']);
      expect(await countRows(site, 'users')).toBe(0);
    });

    it('refuses an unknown role with commander’s list of choices and a non-zero exit code', async () => {
      const run = await cli(['user', 'create', '--email', 'ed@example.org', '--name', 'Ed', '--role', 'boss'], site.env, [`${PASSWORD}\n`]);
      expect(run.code).not.toBe(0);
      expect(run.err[0]).toBe(
        "error: option '--role <role>' argument 'boss' is invalid. Allowed choices are admin, editor, author, contributor.",
      );
      expect(run.out).toEqual([]);
    });

    it('refuses a missing --role with a non-zero exit code naming the option', async () => {
      const run = await cli(['user', 'create', '--email', 'ed@example.org', '--name', 'Ed'], site.env, [`${PASSWORD}\n`]);
      expect(run.code).not.toBe(0);
      expect(run.err[0]).toMatch(/--role <role>/);
    });

    it('says how to pipe the password in when stdin is empty, and creates nobody', async () => {
      const run = await cli(argv, site.env, []);
      expect(run.code).toBe(1);
      expect(run.out).toEqual([]);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toMatch(/^broadside: No password on standard input; pipe it in/);
      await cli(['migrate'], site.env);
      expect(await countRows(site, 'users')).toBe(0);
    });
  });
});

describe('broadside serve refusing to start', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-cli-serve-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('exits 1 with one "broadside: PORT=…" line for PORT=abc and never starts', async () => {
    const dataDir = path.join(tmp, 'data');
    const run = await cli(['serve'], { PORT: 'abc', BROADSIDE_DATA: dataDir, LOG_LEVEL: 'silent' });
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toEqual(['broadside: PORT="abc" must be a whole number between 0 and 65535 (TCP port to listen on).']);
    expect(fs.existsSync(dataDir)).toBe(false);
    expectNoStackTrace(run);
  });

  it('exits 1 with one line per bad value when several are wrong', async () => {
    const run = await cli(['serve'], { PORT: '70000', LOG_LEVEL: 'loud', DATABASE_URL: 'not a url', BROADSIDE_DATA: tmp });
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toHaveLength(3);
    expect(run.err[0]).toMatch(/^broadside: PORT="70000" /);
    expect(run.err[1]).toMatch(/^broadside: DATABASE_URL="not a url" /);
    expect(run.err[2]).toMatch(/^broadside: LOG_LEVEL="loud" /);
    expectNoStackTrace(run);
  });

  it('exits non-zero for --port 70000, saying what a port must be', async () => {
    const run = await cli(['serve', '--port', '70000'], { BROADSIDE_DATA: tmp, LOG_LEVEL: 'silent' });
    expect(run.code).not.toBe(0);
    expect(run.out).toEqual([]);
    expect(run.err[0]).toBe("error: option '-p, --port <n>' argument '70000' is invalid. must be a port number 0–65535");
  });

  it('exits 1 with one line naming the data folder and BROADSIDE_DATA when the folder cannot be written', async () => {
    const file = path.join(tmp, 'a-file');
    fs.writeFileSync(file, 'not a folder');
    const dataDir = path.join(file, 'data');
    const run = await cli(['serve'], { BROADSIDE_DATA: dataDir, LOG_LEVEL: 'silent' });
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^broadside: The data folder .+ is not writable \(.+\)\. Set BROADSIDE_DATA to a folder Broadside can write to\.$/);
    expect(run.err[0]).toContain(dataDir);
    expectNoStackTrace(run);
  });

  it('exits 1 with one "Cannot connect to PostgreSQL at 127.0.0.1:1/none" line when the database server is not there', async () => {
    const run = await cli(['serve'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', BROADSIDE_DATA: tmp, LOG_LEVEL: 'silent' });
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^broadside: Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/none: .+\. Check DATABASE_URL and that the server is running\.$/);
    expectNoStackTrace(run);
  });

  it('never shows the database password when it cannot connect', async () => {
    const run = await cli(['serve'], { DATABASE_URL: 'postgres://postgres:hunter2secret@127.0.0.1:1/none', BROADSIDE_DATA: tmp, LOG_LEVEL: 'silent' });
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).not.toContain('hunter2secret');
  });

  it('exits 1 with one line saying the port is in use when another program holds it', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const run = await cli(['serve'], { PORT: String(port), BROADSIDE_DATA: tmp, LOG_LEVEL: 'silent' });
      expect(run.code).toBe(1);
      expect(run.out).toEqual([]);
      expect(run.err).toEqual([`broadside: Cannot listen on 127.0.0.1:${port}: the port is already in use (set PORT to another)`]);
      expectNoStackTrace(run);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('exits 1 with one line naming DATABASE_URL for DATABASE_URL=mysql://x', async () => {
    const run = await cli(['serve'], { DATABASE_URL: 'mysql://x', BROADSIDE_DATA: tmp, LOG_LEVEL: 'silent' });
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^broadside: DATABASE_URL="mysql:\/\/x" must be empty \(SQLite\) or a URL like postgres:\/\//);
    expectNoStackTrace(run);
  });
});

describe('serving the site', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broadside-cli-serve-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('serve(config) on port 0 listens on a free port, answers / with security headers, and stops when closed', async () => {
    const config = loadConfig({ BROADSIDE_DATA: tmp, LOG_LEVEL: 'silent' }, { port: 0 });
    const server = await serve(config);
    let closed = false;
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.url).not.toMatch(/:0$/);
      const res = await fetch(`${server.url}/`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBeTruthy();
      await res.arrayBuffer();
      await server.close();
      closed = true;
      await expect(fetch(`${server.url}/`)).rejects.toThrow();
    } finally {
      if (!closed) await server.close();
    }
  });

  it('broadside serve --port 0 prints the address it listens on, answers there, and stops cleanly on SIGTERM', async () => {
    // runCli gives no handle on the server it starts: the only way to stop it is the SIGINT/SIGTERM
    // handlers closeOnSignals installs, which end with process.exit. Take those handlers off the
    // process, stub process.exit, and call the SIGTERM handler as the signal would.
    const signals = ['SIGINT', 'SIGTERM'] as const;
    const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as typeof process.exit);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const added = new Map<(typeof signals)[number], NodeJS.SignalsListener[]>();
    try {
      const run = await cli(['serve', '--port', '0'], { BROADSIDE_DATA: tmp, LOG_LEVEL: 'silent' });
      for (const s of signals) {
        added.set(s, process.listeners(s).filter((l) => !before.get(s)!.has(l)));
        for (const l of added.get(s)!) process.removeListener(s, l);
      }
      expect(run.err).toEqual([]);
      expect(run.code).toBe(0);
      expect(run.out).toHaveLength(1);
      const match = run.out[0]!.match(/^Broadside is serving SQLite (\S+) at (http:\/\/127\.0\.0\.1:(\d+))\/$/);
      expect(match, run.out[0]).not.toBeNull();
      expect(match![1]).toBe(path.join(tmp, 'broadside.sqlite'));
      expect(Number(match![3])).toBeGreaterThan(0);
      const url = match![2]!;

      const res = await fetch(`${url}/`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBeTruthy();
      await res.arrayBuffer();

      expect(added.get('SIGTERM')).toHaveLength(1);
      expect(added.get('SIGINT')).toHaveLength(1);
      added.get('SIGTERM')![0]!('SIGTERM');
      await vi.waitFor(() => expect(exit).toHaveBeenCalled(), { timeout: 5000 });
      expect(exit).toHaveBeenCalledWith(0);
      await expect(fetch(`${url}/`)).rejects.toThrow();
    } finally {
      // If the test failed before the stop, stop the server now the same way.
      if (!exit.mock.calls.length && added.get('SIGTERM')?.[0]) {
        added.get('SIGTERM')![0]!('SIGTERM');
        await vi.waitFor(() => expect(exit).toHaveBeenCalled(), { timeout: 5000 }).catch(() => {});
      }
      // closeOnSignals arms a 10 s process.exit(1) fallback that it never clears.
      timers.mock.calls.forEach((call, i) => {
        if (call[1] === 10_000) clearTimeout(timers.mock.results[i]!.value as NodeJS.Timeout);
      });
      timers.mockRestore();
      exit.mockRestore();
    }
  });
});
