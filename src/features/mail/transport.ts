import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Transporter } from 'nodemailer';

/** One message as the transports take it; built from an outbox row. */
export interface OutgoingMail {
  /** The outbox row's id: the same row always makes the same message (and .eml file name). */
  outboxId: number;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra header fields (already checked by queueMail: one line each, none of the mailer's own). */
  headers?: Record<string, string>;
  /** `<…@…>`, stable per outbox row, so a receiving server can drop a duplicate. */
  messageId: string;
  date: Date;
}

/**
 * Where mail goes. `send` resolves once the message is accepted (by the SMTP server, or safely
 * on disk) and rejects otherwise; a rejection carrying `permanent: true` means retrying cannot help.
 */
export interface MailTransport {
  /** For logs: `smtp mail.example.org:587` or `files /srv/data/outbox`. */
  readonly description: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

/** Short timeouts so a send always ends well within the outbox lease (see MAIL_DELIVERY). */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/**
 * nodemailer's createTransport, loaded with the first message: most processes start, and many
 * run for long, without sending any mail.
 */
async function loadCreateTransport() {
  return (await import('nodemailer')).createTransport;
}

/** Sends through the SMTP server of an smtp:// or smtps:// URL (user and password in the URL). */
export function smtpTransport(url: string): MailTransport {
  const parsed = new URL(url);
  let transporter: Transporter | undefined;
  return {
    description: `smtp ${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? 465 : 587)}`,
    send: async (mail) => {
      try {
        transporter ??= (await loadCreateTransport())({ url, ...SMTP_TIMEOUTS });
        await transporter.sendMail(nodemailerMessage(mail));
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx: the server refuses this message for good (unknown mailbox, policy).
        if (code !== undefined && code >= 500 && code < 600) Object.assign(error as object, { permanent: true });
        throw error;
      }
    },
    close: async () => transporter?.close(),
  };
}

/**
 * Writes each message as an RFC 5322 `.eml` file in `folder`, for sites without SMTP: nothing is
 * lost, and any mail program opens the files. Written to a temporary name and renamed, so a
 * reader never sees half a file; the name comes from the outbox row, so a retry overwrites
 * rather than duplicates.
 */
export function fileTransport(folder: string): MailTransport {
  let composer: Transporter | undefined;
  return {
    description: `files ${folder}`,
    send: async (mail) => {
      composer ??= (await loadCreateTransport())({ streamTransport: true, buffer: true, newline: 'windows' });
      const info = await composer.sendMail(nodemailerMessage(mail));
      await fs.mkdir(folder, { recursive: true });
      const file = path.join(folder, emlFileName(mail));
      const temporary = path.join(folder, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await fs.writeFile(temporary, info.message as Buffer, { flag: 'wx' });
        await fs.rename(temporary, file);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
    },
    close: async () => {},
  };
}

/** `20260615T120000Z-42.eml`: sorts by time, unique per outbox row. */
export function emlFileName(mail: Pick<OutgoingMail, 'outboxId' | 'date'>): string {
  const stamp = mail.date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${mail.outboxId}.eml`;
}

/** SMTP when `smtpUrl` is set, otherwise .eml files in `<dataDir>/outbox`. */
export function createMailTransport(config: { smtpUrl: string; dataDir: string }): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl) : fileTransport(path.join(config.dataDir, 'outbox'));
}

function nodemailerMessage(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html !== undefined ? { html: mail.html } : {}),
    ...(mail.headers !== undefined ? { headers: mail.headers } : {}),
    messageId: mail.messageId,
    date: mail.date,
    // Never let nodemailer fetch a file or URL named in the message.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
