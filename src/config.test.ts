import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Config, ConfigError, loadConfig } from './config.js';

/** The problems of the ConfigError that `loadConfig` throws for `env`; fails the test when it does not throw. */
function problemsFor(env: NodeJS.ProcessEnv, overrides: Parameters<typeof loadConfig>[1] = {}): string[] {
  try {
    loadConfig(env, overrides, '/srv/broadside');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)} ${JSON.stringify(overrides)}`);
}

describe('configuration', () => {
  it('uses port 3000 on 127.0.0.1, SQLite in ./data and info logging when nothing is set', () => {
    const config = loadConfig({}, {}, '/srv/broadside');
    expect(config).toEqual<Config>({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/broadside/data',
      databaseUrl: '',
      trustProxy: false,
      logLevel: 'info',
      smtpUrl: '',
      mailFrom: 'Broadside <noreply@localhost>',
      pageCache: true,
      pageCacheMb: 32,
      workers: 1,
      importMaxMb: 1024,
      stripeSecretKey: '',
      stripeWebhookSecret: '',
    });
  });

  it('takes the port, host, data folder, database URL and log level from PORT, HOST, BROADSIDE_DATA, DATABASE_URL and LOG_LEVEL', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        BROADSIDE_DATA: '/var/lib/broadside',
        DATABASE_URL: 'postgres://broadside@db.internal:5433/news',
        LOG_LEVEL: 'warn',
        TRUST_PROXY: '1',
        SMTP_URL: 'smtps://news:s3cret@mail.example.org:465',
        MAIL_FROM: 'The Lantern <desk@lantern.example>',
        STRIPE_SECRET_KEY: 'sk_test_123',
        STRIPE_WEBHOOK_SECRET: ' whsec_456 ',
      },
      {},
      '/srv/broadside',
    );
    expect(config).toEqual<Config>({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/broadside',
      databaseUrl: 'postgres://broadside@db.internal:5433/news',
      trustProxy: true,
      logLevel: 'warn',
      smtpUrl: 'smtps://news:s3cret@mail.example.org:465',
      mailFrom: 'The Lantern <desk@lantern.example>',
      pageCache: true,
      pageCacheMb: 32,
      workers: 1,
      importMaxMb: 1024,
      stripeSecretKey: 'sk_test_123',
      stripeWebhookSecret: 'whsec_456',
    });
  });

  it('turns the page cache off with PAGE_CACHE=off and bounds it with PAGE_CACHE_MB', () => {
    expect(loadConfig({ PAGE_CACHE: 'off', PAGE_CACHE_MB: '8' })).toMatchObject({ pageCache: false, pageCacheMb: 8 });
    expect(loadConfig({ PAGE_CACHE: 'ON' }).pageCache).toBe(true);
    expect(() => loadConfig({ PAGE_CACHE: 'maybe' })).toThrow(/^PAGE_CACHE="maybe" must be on or off/);
    expect(() => loadConfig({ PAGE_CACHE_MB: '-1' })).toThrow(/^PAGE_CACHE_MB="-1" must be a whole number of megabytes/);
  });

  it('bounds the admin import upload with IMPORT_MAX_MB, refusing zero and what is not a number', () => {
    expect(loadConfig({ IMPORT_MAX_MB: '50' }).importMaxMb).toBe(50);
    expect(() => loadConfig({ IMPORT_MAX_MB: '0' })).toThrow(/^IMPORT_MAX_MB="0" must be a whole number of megabytes from 1 to 99999/);
    expect(() => loadConfig({ IMPORT_MAX_MB: '1GB' })).toThrow(/^IMPORT_MAX_MB="1GB" must be a whole number of megabytes/);
  });

  it('accepts smtp:// as well as smtps:// for SMTP_URL, and a bare address for MAIL_FROM', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }).smtpUrl).toBe('smtp://127.0.0.1:2525');
    expect(loadConfig({ MAIL_FROM: 'desk@lantern.example' }).mailFrom).toBe('desk@lantern.example');
  });

  it('never prints the password of a bad SMTP_URL', () => {
    const [line] = problemsFor({ SMTP_URL: 'http://news:s3cret@mail.example.org' });
    expect(line).toMatch(/^SMTP_URL="http:\/\/news:\*\*\*@mail\.example\.org" must be empty \(mail to files\) or a URL like smtp:\/\//);
    expect(line).not.toContain('s3cret');
  });

  it('takes the number of serving processes from WORKERS or --workers, auto meaning one per CPU, and refuses 0, 65 or words', () => {
    expect(loadConfig({ WORKERS: '4' }).workers).toBe(4);
    expect(loadConfig({ WORKERS: '4' }, { workers: '2' }).workers).toBe(2);
    expect(loadConfig({ WORKERS: 'auto' }).workers).toBe(os.availableParallelism());
    for (const bad of ['0', '65', 'many', '-1']) {
      expect(problemsFor({ WORKERS: bad })).toEqual([
        `WORKERS="${bad}" must be a whole number from 1 to 64, or auto (Processes that serve the site (serve --workers): 1 to 64, or auto for one per CPU; more than 1 needs PostgreSQL).`,
      ]);
    }
  });

  it('accepts a postgresql:// URL as well as postgres://', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@127.0.0.1/db' }).databaseUrl).toBe('postgresql://u@127.0.0.1/db');
  });

  it('lets command-line flags win over the environment', () => {
    const config = loadConfig(
      { PORT: '8080', HOST: '0.0.0.0', BROADSIDE_DATA: '/var/lib/env-data', LOG_LEVEL: 'warn' },
      { port: 9000, host: '::1', dataDir: '/var/lib/flag-data', logLevel: 'debug' },
      '/srv/broadside',
    );
    expect(config.port).toBe(9000);
    expect(config.host).toBe('::1');
    expect(config.dataDir).toBe('/var/lib/flag-data');
    expect(config.logLevel).toBe('debug');
  });

  it('falls back to the environment for flags that were not given', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0' }, { port: undefined, host: undefined });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
  });

  it('resolves a relative BROADSIDE_DATA against the working folder, so the data folder is always absolute', () => {
    const config = loadConfig({ BROADSIDE_DATA: 'site/data' }, {}, '/srv/broadside');
    expect(config.dataDir).toBe('/srv/broadside/site/data');
    expect(path.isAbsolute(loadConfig({}).dataDir)).toBe(true);
    expect(loadConfig({}).dataDir).toBe(path.resolve(process.cwd(), 'data'));
  });

  it('returns a frozen config that no module can change', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(config.port).toBe(3000);
  });

  describe('refuses a bad value with one line naming the env var, the value and what to do', () => {
    const cases: Array<{ env: NodeJS.ProcessEnv; line: RegExp }> = [
      { env: { PORT: 'abc' }, line: /^PORT="abc" must be a whole number between 0 and 65535\b/ },
      { env: { PORT: '70000' }, line: /^PORT="70000" must be a whole number between 0 and 65535\b/ },
      { env: { PORT: '80.5' }, line: /^PORT="80\.5" must be a whole number\b/ },
      { env: { DATABASE_URL: 'mysql://x' }, line: /^DATABASE_URL="mysql:\/\/x" must be empty \(SQLite\) or a URL like postgres:\/\// },
      { env: { DATABASE_URL: 'not a url' }, line: /^DATABASE_URL="not a url" must be empty \(SQLite\) or a URL like postgres:\/\// },
      { env: { LOG_LEVEL: 'loud' }, line: /^LOG_LEVEL="loud" must be one of fatal, error, warn, info, debug, trace/ },
      { env: { SMTP_URL: 'mail.example.org' }, line: /^SMTP_URL="mail\.example\.org" must be empty \(mail to files\) or a URL like smtp:\/\// },
      { env: { SMTP_URL: 'smtp://' }, line: /^SMTP_URL="smtp:\/\/" must be empty \(mail to files\) or a URL like smtp:\/\// },
      { env: { MAIL_FROM: 'The Lantern' }, line: /^MAIL_FROM="The Lantern" must be an address like Newsroom <news@example\.org>/ },
      { env: { MAIL_FROM: 'a@b.org\r\nBcc: x@y.org' }, line: /^MAIL_FROM=".*" must be an address like/ },
    ];
    it.each(cases)('$env', ({ env, line }) => {
      const problems = problemsFor(env);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(line);
      expect(problems[0]).not.toContain('\n');
    });
  });

  it('names a bad value given as a flag too', () => {
    expect(problemsFor({ PORT: '8080' }, { port: 'abc' })).toEqual([expect.stringMatching(/^PORT="abc" must be a whole number/)]);
  });

  it('lists every bad value at once, one line each, so the operator fixes them in one go', () => {
    const problems = problemsFor({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', HOST: '0.0.0.0' });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^PORT="abc" /);
    expect(problems[1]).toMatch(/^DATABASE_URL="mysql:\/\/x" /);
    expect(problems[2]).toMatch(/^LOG_LEVEL="loud" /);
    for (const problem of problems) expect(problem).not.toContain('\n');
  });

  it('puts every problem line in the error message as well', () => {
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' });
      expect.unreachable('loadConfig accepted bad values');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).name).toBe('ConfigError');
      expect((error as ConfigError).message.split('\n')).toEqual((error as ConfigError).problems);
    }
  });

  it('never turns an empty or blank PORT into a random port', () => {
    // `PORT=` in a unit file or .env must not make the site listen on whatever port the OS picks.
    for (const value of ['', ' ']) {
      let port: number | undefined;
      try {
        port = loadConfig({ PORT: value }).port;
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).problems[0]).toMatch(/^PORT=/);
        continue;
      }
      expect(port, `PORT=${JSON.stringify(value)}`).toBe(3000);
    }
  });
});
