import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/helpers.js';
import { openSecondConnection } from '../../../test/second-connection.js';
import { header, startSmtpServer, type TestSmtpServer, textBody } from '../../../test/smtp.js';
import { AppError } from '../../errors.js';
import { fixedClock } from '../../lib/clock.js';
import type { Database } from '../../storage/db.js';
import { deliverPendingMail, fileTransport, MAIL_DELIVERY, type MailTransport, queueMail, smtpTransport } from './index.js';

const silent = pino({ level: 'silent' });
const FROM = 'The Lantern <desk@lantern.example>';
const letter = (n: number) => ({
  to: `reader${n}@example.org`,
  subject: `Your letter number ${n}`,
  text: `Dear reader ${n},\n\nThank you for writing. Here is a long line so that the encoder has to fold it somewhere along the way, which we undo in the test.\n`,
  idempotencyKey: `letter:${n}`,
});

describe.each(DIALECTS)('the mail outbox on %s', (dialect) => {
  let t: TestDatabase;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  const clock = fixedClock('2026-06-15T12:00:00Z');
  const deliver = (database: Database = t.database, via: MailTransport = transport) =>
    deliverPendingMail({ db: database.db, helpers: database.helpers, clock, log: silent, transport: via, from: FROM });
  const rows = () => t.database.db.selectFrom('outbox').selectAll().orderBy('id').execute();

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    smtp = await startSmtpServer();
    transport = smtpTransport(smtp.url);
    clock.set('2026-06-15T12:00:00Z');
  });
  afterEach(async () => {
    await transport.close();
    await smtp.close();
    await t.drop();
  });

  it('queues a message once per idempotency key, even when asked again or twice at once', async () => {
    expect(await queueMail(t.database.db, letter(1), clock.now())).toBe(true);
    expect(await queueMail(t.database.db, { ...letter(1), subject: 'Changed' }, clock.now())).toBe(false);
    await Promise.all([queueMail(t.database.db, letter(2), clock.now()), queueMail(t.database.db, letter(2), clock.now())]);
    const queued = await rows();
    expect(queued.map((r) => [r.idempotency_key, JSON.parse(r.payload).subject])).toEqual([
      ['letter:1', 'Your letter number 1'],
      ['letter:2', 'Your letter number 2'],
    ]);
    expect(queued[0]).toMatchObject({ kind: 'mail', sent_at: null, attempts: 0, next_attempt_at: '2026-06-15T12:00:00.000Z' });
  });

  it('queues within the caller’s transaction, so a rolled-back change sends nothing', async () => {
    await t.database.db
      .transaction()
      .execute(async (trx) => {
        await queueMail(trx, letter(1), clock.now());
        throw new Error('the change failed');
      })
      .catch(() => {});
    expect(await rows()).toEqual([]);
  });

  it.each([
    ['an address without @', { to: 'not-an-address' }],
    ['a subject with a line break (header injection)', { subject: 'Hello\r\nBcc: everyone@example.org' }],
    ['an empty text', { text: '' }],
    ['a header value with a line break', { headers: { 'List-Unsubscribe': '<https://x.example/u>\r\nBcc: everyone@example.org' } }],
    ['a header the mailer sets itself', { headers: { Bcc: 'everyone@example.org' } }],
    ['a header name with a colon', { headers: { 'X-Evil: yes\r\nBcc': 'everyone@example.org' } }],
  ])('refuses %s', async (_what, change) => {
    const error = await queueMail(t.database.db, { ...letter(1), ...change }, clock.now()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    expect(await rows()).toEqual([]);
  });

  it('delivers queued mail to a real SMTP server, with our From, a stable Message-ID and the text intact, and marks it sent', async () => {
    await queueMail(t.database.db, letter(1), clock.now());
    await queueMail(t.database.db, { ...letter(2), html: '<p>Dear reader 2</p>' }, clock.now());
    expect(await deliver()).toEqual({ sent: 2, failed: 0, deferred: 0 });
    expect(smtp.received).toHaveLength(2);
    const [first, second] = smtp.received;
    expect(first!.envelopeTo).toEqual(['reader1@example.org']);
    expect(first!.envelopeFrom).toBe('desk@lantern.example');
    expect(header(first!.raw, 'From')).toBe('The Lantern <desk@lantern.example>');
    expect(header(first!.raw, 'To')).toBe('reader1@example.org');
    expect(header(first!.raw, 'Subject')).toBe('Your letter number 1');
    expect(header(first!.raw, 'Message-ID')).toMatch(/^<outbox\.\d+\.[0-9a-f]{16}@lantern\.example>$/);
    expect(textBody(first!.raw).replace(/\r\n/g, '\n')).toBe(letter(1).text);
    expect(second!.raw).toContain('<p>Dear reader 2</p>');
    expect((await rows()).map((r) => r.sent_at)).toEqual(['2026-06-15T12:00:00.000Z', '2026-06-15T12:00:00.000Z']);
  });

  it('sends extra header fields such as List-Unsubscribe as given, over SMTP and in .eml files', async () => {
    const headers = {
      'List-Unsubscribe': '<https://lantern.example/comments/unsubscribe/?c=12&s=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    };
    await queueMail(t.database.db, { ...letter(1), headers }, clock.now());
    await deliver();
    const received = smtp.received[0]!.raw;
    for (const [name, value] of Object.entries(headers)) expect(header(received, name)).toBe(value);
    await queueMail(t.database.db, { ...letter(2), headers }, clock.now());
    const folder = path.join(t.dataDir, 'outbox');
    await deliver(t.database, fileTransport(folder));
    const raw = fs.readFileSync(path.join(folder, fs.readdirSync(folder)[0]!), 'utf8');
    for (const [name, value] of Object.entries(headers)) expect(header(raw, name)).toBe(value);
    expect(header(raw, 'Subject')).toBe('Your letter number 2');
  });

  it('never sends a message twice, however often delivery runs', async () => {
    await queueMail(t.database.db, letter(1), clock.now());
    await deliver();
    clock.advance(24 * 3600_000);
    expect(await deliver()).toEqual({ sent: 0, failed: 0, deferred: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('sends each of 30 messages once when two processes deliver at the same time', async () => {
    const other = await openSecondConnection(t);
    const otherTransport = smtpTransport(smtp.url);
    try {
      for (let i = 0; i < 30; i++) await queueMail(t.database.db, letter(i), clock.now());
      const results = await Promise.all([deliver(), deliver(other, otherTransport)]);
      expect(results[0].sent + results[1].sent).toBe(30);
      const recipients = smtp.received.map((m) => m.envelopeTo[0]).sort();
      expect(recipients).toEqual([...Array(30).keys()].map((i) => `reader${i}@example.org`).sort());
    } finally {
      await otherTransport.close();
      await other.close();
    }
  });

  it('tries again later, with growing waits, when the server says to try later, and sends it then', async () => {
    await queueMail(t.database.db, letter(1), clock.now());
    smtp.refuseNext(2, 451);
    expect(await deliver()).toEqual({ sent: 0, failed: 1, deferred: 0 });
    expect((await rows())[0]).toMatchObject({ sent_at: null, attempts: 1, next_attempt_at: '2026-06-15T12:01:00.000Z' });
    expect((await rows())[0]!.last_error).toMatch(/Try again later/);
    clock.advance(59_000);
    expect(await deliver()).toEqual({ sent: 0, failed: 0, deferred: 0 });
    clock.advance(1_000);
    expect(await deliver()).toEqual({ sent: 0, failed: 1, deferred: 0 });
    expect((await rows())[0]).toMatchObject({ attempts: 2, next_attempt_at: '2026-06-15T12:03:00.000Z' });
    clock.advance(120_000);
    expect(await deliver()).toEqual({ sent: 1, failed: 0, deferred: 0 });
    expect(smtp.received).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ sent_at: '2026-06-15T12:03:00.000Z', last_error: null });
  });

  it('keeps the mail and retries when the SMTP server is down', async () => {
    await queueMail(t.database.db, letter(1), clock.now());
    const down = smtpTransport('smtp://127.0.0.1:1');
    try {
      expect(await deliver(t.database, down)).toEqual({ sent: 0, failed: 1, deferred: 0 });
    } finally {
      await down.close();
    }
    expect((await rows())[0]).toMatchObject({ sent_at: null, attempts: 1, next_attempt_at: '2026-06-15T12:01:00.000Z' });
    clock.advance(60_000);
    expect(await deliver()).toEqual({ sent: 1, failed: 0, deferred: 0 });
  });

  it('tries one message, not every one, while the server is down, and keeps the others’ tries', async () => {
    for (let i = 1; i <= 3; i++) await queueMail(t.database.db, letter(i), clock.now());
    const down = smtpTransport('smtp://127.0.0.1:1');
    try {
      expect(await deliver(t.database, down)).toEqual({ sent: 0, failed: 1, deferred: 2 });
    } finally {
      await down.close();
    }
    expect((await rows()).map((r) => [r.attempts, r.next_attempt_at])).toEqual([
      [1, '2026-06-15T12:01:00.000Z'],
      [0, '2026-06-15T12:01:00.000Z'],
      [0, '2026-06-15T12:01:00.000Z'],
    ]);
    clock.advance(60_000);
    expect(await deliver()).toEqual({ sent: 3, failed: 0, deferred: 0 });
  });

  it('gives up at once on a message the server refuses for good, and after the last try on others', async () => {
    await queueMail(t.database.db, letter(1), clock.now());
    smtp.refuseNext(1, 550);
    expect(await deliver()).toEqual({ sent: 0, failed: 1, deferred: 0 });
    expect((await rows())[0]).toMatchObject({ sent_at: null, attempts: MAIL_DELIVERY.maxAttempts });
    expect((await rows())[0]!.last_error).toMatch(/^refused: .*Mailbox unavailable/);
    clock.advance(7 * 24 * 3600_000);
    expect(await deliver()).toEqual({ sent: 0, failed: 0, deferred: 0 });

    await queueMail(t.database.db, letter(2), clock.now());
    smtp.refuseNext(MAIL_DELIVERY.maxAttempts, 451);
    for (let i = 0; i < MAIL_DELIVERY.maxAttempts; i++) {
      expect(await deliver()).toEqual({ sent: 0, failed: 1, deferred: 0 });
      clock.advance(MAIL_DELIVERY.maxDelayMs);
    }
    expect(await deliver()).toEqual({ sent: 0, failed: 0, deferred: 0 });
    expect(smtp.received).toEqual([]);
  });

  it('writes each message as an .eml file in the outbox folder when there is no SMTP server, atomically and once', async () => {
    const folder = path.join(t.dataDir, 'outbox');
    const files = fileTransport(folder);
    await queueMail(t.database.db, letter(1), clock.now());
    await queueMail(t.database.db, { ...letter(2), to: 'ed@example.org' }, clock.now());
    expect(await deliver(t.database, files)).toEqual({ sent: 2, failed: 0, deferred: 0 });
    const names = fs.readdirSync(folder).sort();
    const ids = (await rows()).map((r) => r.id);
    expect(names).toEqual(ids.map((id) => `20260615T120000Z-${id}.eml`));
    const raw = fs.readFileSync(path.join(folder, names[0]!), 'utf8');
    expect(raw).toMatch(/\r\n\r\n/);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(header(raw, 'From')).toBe(FROM);
    expect(header(raw, 'To')).toBe('reader1@example.org');
    expect(header(raw, 'Subject')).toBe('Your letter number 1');
    expect(header(raw, 'Date')).toBe('Mon, 15 Jun 2026 12:00:00 +0000');
    expect(header(raw, 'Message-ID')).toMatch(/^<outbox\.\d+\.[0-9a-f]{16}@lantern\.example>$/);
    expect(textBody(raw).replace(/\r\n/g, '\n')).toBe(letter(1).text);
    expect((await rows()).every((r) => r.sent_at === '2026-06-15T12:00:00.000Z')).toBe(true);
    expect(await deliver(t.database, files)).toEqual({ sent: 0, failed: 0, deferred: 0 });
    expect(fs.readdirSync(folder)).toHaveLength(2);
  });
});
