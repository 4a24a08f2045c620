import type { AppContext } from './context.js';
import { eraseExpiredCommentIps } from './features/comments/index.js';
import {
  createWorker, type JobHandlers, purgeExpiredSessions, purgeFinishedJobs, purgeOldRateLimits, purgePasswordResets,
  type Sweep, type WorkerOptions,
} from './features/jobs/index.js';
import { importJobHandlers } from './features/import/index.js';
import { createMailTransport, deliverPendingMail, MAIL_DELIVERY, type MailTransport, purgeSentMail } from './features/mail/index.js';
import { publishDuePosts } from './features/posts/index.js';

/**
 * What runs in the background of every `serve` process: the periodic sweeps, the handlers of
 * one-off jobs, and delivery of the mail outbox. The composition root of later work, as
 * app.ts is of routes: add one line per sweep or job kind.
 */
export const SWEEPS: readonly Sweep[] = [
  { name: 'publish-due-posts', run: publishDuePosts },
  { name: 'purge-expired-sessions', run: purgeExpiredSessions },
  { name: 'purge-old-rate-limits', run: purgeOldRateLimits },
  { name: 'purge-password-resets', run: purgePasswordResets },
  { name: 'purge-finished-jobs', run: purgeFinishedJobs },
  { name: 'purge-sent-mail', run: (db, now) => purgeSentMail(db, now, MAIL_DELIVERY.keepSentMs) },
  { name: 'erase-comment-ips', run: eraseExpiredCommentIps },
];

/** Handlers of one-off jobs (enqueueJob), by kind. */
export const JOB_HANDLERS: JobHandlers = {};

export interface BackgroundOptions extends WorkerOptions {
  /** Extra or replacement job handlers (tests). */
  handlers?: JobHandlers;
  /** Replaces SWEEPS (tests). */
  sweeps?: readonly Sweep[];
  /** Replaces the transport chosen from the config (SMTP_URL, else .eml files). */
  transport?: MailTransport;
}

export interface Background {
  start(): Promise<void>;
  /** Waits for work in progress, then closes the mail transport; the database may close after. */
  stop(): Promise<void>;
}

/**
 * How long a server waits after it starts listening before the background's first round (sweeps,
 * due jobs, mail): the first pages of a cold start come first.
 */
export const BACKGROUND_START_DELAY_MS = 1000;

/** The background workers of a process (one for everything, one for imports), over the context's database and clock. */
export function createBackground(ctx: AppContext, options: BackgroundOptions = {}): Background {
  const { handlers, sweeps, transport: given, ...rest } = options;
  const workerOptions = { startDelayMs: BACKGROUND_START_DELAY_MS, ...rest };
  const transport = given ?? createMailTransport(ctx.config);
  const deps = { db: ctx.database.db, helpers: ctx.database.helpers, clock: ctx.clock, log: ctx.log };
  // Scheduled posts going live change public pages like any publish: tell the page cache.
  const invalidator = ctx.pageCache?.invalidator;
  const withCache = (list: readonly Sweep[]): Sweep[] => list.map((sweep) =>
    sweep.run === publishDuePosts && invalidator ? { ...sweep, run: (db, now) => publishDuePosts(db, now, invalidator) } : sweep);
  const worker = createWorker(
    deps,
    {
      handlers: { ...JOB_HANDLERS, ...handlers },
      sweeps: withCache(sweeps ?? SWEEPS),
      pollers: [{ name: 'mail', run: () => deliverPendingMail({ ...deps, transport, from: ctx.config.mailFrom }) }],
    },
    workerOptions,
  );
  // Imports from the admin can run for many minutes: they get a worker of their own, one at a
  // time, so mail, publishing and sweeps never wait behind one.
  const { workerId: _id, ...importOptions } = workerOptions;
  const importer = createWorker(
    deps,
    { handlers: importJobHandlers({ dataDir: ctx.config.dataDir, clock: ctx.clock, invalidator }) },
    { ...importOptions, batch: 1 },
  );
  return {
    start: async () => {
      ctx.log.info({ worker: worker.id, mail: transport.description }, 'background worker started');
      await Promise.all([worker.start(), importer.start()]);
    },
    stop: async () => {
      await Promise.all([worker.stop(), importer.stop()]);
      await transport.close();
    },
  };
}
