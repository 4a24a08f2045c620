import { createHash } from 'node:crypto';

/** The compressed variant a client takes (RFC 9110 Accept-Encoding), brotli first; null for identity. */
export function chooseEncoding(acceptEncoding: string | undefined, has: { br: boolean; gzip: boolean }): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  if (has.br && accepts(acceptEncoding, 'br')) return 'br';
  if (has.gzip && accepts(acceptEncoding, 'gzip')) return 'gzip';
  return null;
}

function accepts(header: string, coding: string): boolean {
  for (const item of header.split(',')) {
    const [name, ...params] = item.split(';');
    if (name!.trim().toLowerCase() !== coding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

/** A strong ETag of the bytes; weak (`W/`) when the body differs per reader around the same content. */
export function etagOf(parts: readonly (string | Buffer)[], weak: boolean): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  const tag = `"${hash.digest('base64url')}"`;
  return weak ? `W/${tag}` : tag;
}

/**
 * The ETag of a page whose own parts have the ETag `own` with fragments of ETags `fragments`
 * spliced in: changes when any of them does; weak when `own` is.
 */
export function combineEtags(own: string, fragments: readonly string[]): string {
  if (fragments.length === 0) return own;
  const hash = createHash('sha1').update(own);
  for (const tag of fragments) hash.update(tag);
  const tag = `"${hash.digest('base64url')}"`;
  return own.startsWith('W/') ? `W/${tag}` : tag;
}

/**
 * True when the client's copy is current: If-None-Match (compared weakly, as RFC 9110 says for
 * GET) when sent, else If-Modified-Since against `lastModified`.
 */
export function notModified(
  headers: Record<string, string | string[] | undefined>,
  etag: string,
  lastModified: string | undefined,
): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (typeof ifNoneMatch === 'string') {
    if (ifNoneMatch.trim() === '*') return true;
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    const mine = opaque(etag);
    return ifNoneMatch.split(',').some((tag) => opaque(tag) === mine);
  }
  const ifModifiedSince = headers['if-modified-since'];
  if (typeof ifModifiedSince !== 'string' || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(lastModified) <= since;
}
