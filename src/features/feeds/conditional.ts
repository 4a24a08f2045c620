import { createHash } from 'node:crypto';

/** The validators of a response: a strong ETag and an HTTP date. */
export interface Validators {
  etag: string;
  lastModified: string;
}

/**
 * Validators for a representation: the ETag hashes everything the body is made from (`model`,
 * which must include the settings that shape the output), so any change yields a new one;
 * Last-Modified is `newest` (ISO instant of the newest entry) as an HTTP date.
 */
export function validatorsFor(model: unknown, newest: string): Validators {
  const hash = createHash('sha256').update(JSON.stringify(model)).digest('base64url').slice(0, 32);
  return { etag: `"${hash}"`, lastModified: new Date(newest).toUTCString() };
}

/**
 * True when the client's copy is current (answer 304). If-None-Match wins over
 * If-Modified-Since, as RFC 9110 says; ETags compare weakly.
 */
export function isNotModified(headers: Record<string, string | string[] | undefined>, validators: Validators): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (typeof ifNoneMatch === 'string') {
    if (ifNoneMatch.trim() === '*') return true;
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.split(',').some((tag) => opaque(tag) === validators.etag);
  }
  const ifModifiedSince = headers['if-modified-since'];
  if (typeof ifModifiedSince !== 'string') return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(validators.lastModified) <= since;
}
