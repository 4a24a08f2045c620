import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The whole configuration of a Broadside process. This module is the only reader of
 * `process.env`: every other module receives a frozen `Config`.
 *
 * Each key lists its env var, default and description in one place, so `broadside --help`
 * and the README can be generated from the same table.
 */
export const CONFIG_KEYS = {
  port: { env: 'PORT', default: '3000', description: 'TCP port to listen on' },
  host: { env: 'HOST', default: '127.0.0.1', description: 'Interface to listen on (0.0.0.0 for all)' },
  dataDir: {
    env: 'BROADSIDE_DATA',
    default: './data',
    description: 'Folder for the SQLite database, uploads and the mail outbox',
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    default: '',
    description: 'postgres://user@host:port/db to use PostgreSQL; empty for SQLite in the data folder',
  },
  trustProxy: {
    env: 'TRUST_PROXY',
    default: '',
    description: 'Behind a reverse proxy (nginx) that sets X-Forwarded-For and X-Forwarded-Proto: its address or a comma-separated list (127.0.0.1, loopback, 10.0.0.0/8); 1 trusts every address in X-Forwarded-For, only safe behind a proxy that replaces the header',
  },
  logLevel: { env: 'LOG_LEVEL', default: 'info', description: 'fatal, error, warn, info, debug, trace or silent' },
  smtpUrl: {
    env: 'SMTP_URL',
    default: '',
    description: 'smtp://user:password@host:587 or smtps://…:465 to send mail; empty to write it as .eml files to <data>/outbox/',
  },
  mailFrom: { env: 'MAIL_FROM', default: 'Broadside <noreply@localhost>', description: 'Sender of the mail Broadside sends' },
  pageCache: {
    env: 'PAGE_CACHE',
    default: 'on',
    description: 'on or off: keep rendered public pages (articles, archives, feeds, sitemaps) in memory until what they show changes',
  },
  pageCacheMb: {
    env: 'PAGE_CACHE_MB',
    default: '32',
    description: 'Most memory the page cache may use, in megabytes (least recently used pages are dropped first)',
  },
  workers: {
    env: 'WORKERS',
    default: '1',
    description: 'Processes that serve the site (serve --workers): 1 to 64, or auto for one per CPU; more than 1 needs PostgreSQL',
  },
  importMaxMb: {
    env: 'IMPORT_MAX_MB',
    default: '1024',
    description: 'Largest file the admin import page accepts, in megabytes (1 to 99999); the command line has no limit',
  },
  stripeSecretKey: {
    env: 'STRIPE_SECRET_KEY',
    default: '',
    description: 'Stripe secret key (sk_live_… or sk_test_…) for online donations; overrides the one in the funding settings; empty: use the settings',
  },
  stripeWebhookSecret: {
    env: 'STRIPE_WEBHOOK_SECRET',
    default: '',
    description: 'Signing secret (whsec_…) of the Stripe webhook endpoint /webhooks/stripe; overrides the funding settings; empty: use the settings',
  },
} as const;

export type ConfigKey = keyof typeof CONFIG_KEYS;

const portSchema = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/, 'must be a whole number between 0 and 65535')
  .transform(Number)
  .refine((n) => n <= 65535, 'must be a whole number between 0 and 65535');

const databaseUrlSchema = z.string().refine(
  (value) => value === '' || isPostgresUrl(value),
  'must be empty (SQLite) or a URL like postgres://user@127.0.0.1:5432/dbname',
);

const smtpUrlSchema = z.string().trim().refine(
  (value) => value === '' || isSmtpUrl(value),
  'must be empty (mail to files) or a URL like smtp://user:password@mail.example.org:587 or smtps://…:465',
);

// "Name <address>" or a bare address, on one line (a header value).
const mailFromSchema = z
  .string()
  .trim()
  .regex(/^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'must be an address like Newsroom <news@example.org> or news@example.org');

const workersSchema = z
  .string()
  .trim()
  .regex(/^(?:auto|\d{1,2})$/, 'must be a whole number from 1 to 64, or auto')
  .transform((v) => (v === 'auto' ? os.availableParallelism() : Number(v)))
  .refine((n) => n >= 1 && n <= 64, 'must be a whole number from 1 to 64, or auto');

const schema = z.object({
  port: portSchema,
  host: z.string().min(1, 'must not be empty'),
  dataDir: z.string().min(1, 'must not be empty'),
  databaseUrl: databaseUrlSchema,
  trustProxy: z
    .string()
    .trim()
    .transform((v): boolean | string => (v === '' || v === '0' || v === 'false' ? false : v === '1' || v === 'true' ? true : v)),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, trace, silent',
  }),
  smtpUrl: smtpUrlSchema,
  mailFrom: mailFromSchema,
  pageCache: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['on', 'off', '1', '0', 'true', 'false'].includes(v), 'must be on or off')
    .transform((v) => v === 'on' || v === '1' || v === 'true'),
  pageCacheMb: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, 'must be a whole number of megabytes (0 to 99999)')
    .transform(Number),
  workers: workersSchema,
  importMaxMb: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, 'must be a whole number of megabytes from 1 to 99999')
    .transform(Number)
    .refine((n) => n >= 1, 'must be a whole number of megabytes from 1 to 99999'),
  // Secrets: never validated against a pattern, so no error message can ever print one.
  stripeSecretKey: z.string().trim(),
  stripeWebhookSecret: z.string().trim(),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the data folder. */
  readonly dataDir: string;
  /** Empty when SQLite is used. */
  readonly databaseUrl: string;
  /** Fastify's trustProxy: false, true, or a list of proxy addresses. */
  readonly trustProxy: boolean | string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** smtp:// or smtps:// URL of the mail server; empty: mail goes to `<dataDir>/outbox/` as .eml files. */
  readonly smtpUrl: string;
  /** The From of every mail: `Name <address>` or an address. */
  readonly mailFrom: string;
  /** PAGE_CACHE: whether rendered public pages are kept in memory (see features/cache). */
  readonly pageCache: boolean;
  /** PAGE_CACHE_MB: the page cache's bound on the bytes it holds; 0 holds nothing. */
  readonly pageCacheMb: number;
  /** Processes serving the site: 1 is this process alone; more are forked by a primary (src/cluster/). */
  readonly workers: number;
  /** IMPORT_MAX_MB: the largest upload the admin import page takes, in megabytes (at least 1). */
  readonly importMaxMb: number;
  /** STRIPE_SECRET_KEY; empty: the funding settings' key, if any (features/funding). */
  readonly stripeSecretKey: string;
  /** STRIPE_WEBHOOK_SECRET; empty: the funding settings' secret, if any. */
  readonly stripeWebhookSecret: string;
}

/** Raised with one line per bad value; `main` prints the lines and exits. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A value as it may be printed: the password of a URL-like value (`//user:secret@`) hidden. */
function withoutPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@/\s]*@/i, '$1:***@');
}

/**
 * Builds the config from env vars, with `overrides` (CLI flags) taking precedence.
 * Throws ConfigError naming every bad value and its env var; never returns a partial config.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  overrides: Partial<Record<ConfigKey, string | number | undefined>> = {},
  cwd: string = process.cwd(),
): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(CONFIG_KEYS)) {
    const override = overrides[key as ConfigKey];
    // An empty variable (`PORT=` in a unit file) means "not set", not "zero".
    raw[key] = override !== undefined ? String(override) : env[spec.env] || spec.default;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0]) as ConfigKey;
        const spec = CONFIG_KEYS[key];
        return `${spec.env}=${JSON.stringify(withoutPassword(String(raw[key])))} ${issue.message} (${spec.description}).`;
      }),
    );
  }
  return Object.freeze({ ...parsed.data, dataDir: path.resolve(cwd, parsed.data.dataDir) });
}
