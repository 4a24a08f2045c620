import { z } from 'zod';

/** The `format` header of every Broadside export; a file without it is not one of ours. */
export const FORMAT_NAME = 'broadside-export';

/**
 * The newest format version this Broadside writes and reads. It goes up by one whenever a section
 * or a field is added or changed; a reader accepts every version up to its own (sections missing
 * from an older file are empty, fields added later carry defaults). See docs/export-format.md.
 */
export const FORMAT_VERSION = 1;

/** What the header says about the document, before its sections. */
export const headerSchema = z.strictObject({
  format: z.literal(FORMAT_NAME, { error: `this is not a Broadside export (its "format" is not "${FORMAT_NAME}")` }),
  version: z
    .number()
    .int()
    .min(1)
    .max(FORMAT_VERSION, {
      error: `the file was written by a newer Broadside (format version above ${FORMAT_VERSION}); upgrade Broadside to import it`,
    }),
  /** Whether password hashes, two-factor secrets and secret settings are in the file. */
  secrets: z.boolean(),
  /** Whether the audit log is in the file. */
  audit_log: z.boolean(),
});

export type ExportHeader = z.infer<typeof headerSchema>;
