import fs from 'node:fs';
import path from 'node:path';

/**
 * Copies files from a copy of the old site's `wp-content/uploads` into `<data>/uploads/`, and
 * tells where each old upload URL now lives (`/uploads/2019/05/a.jpg`). Copying is idempotent:
 * a file already there with the same size is left alone. Paths that would leave the folder
 * (`..`) are refused.
 */
export interface UploadsCopier {
  /** The local URL for an old upload URL whose file exists in the copy (copying it), else the URL unchanged. */
  localUrl(url: string): string;
  /** `html` with every old upload URL that could be copied pointing at its local copy. */
  rewriteContent(html: string): string;
  /** The path under the data folder of a copied upload URL, or null. */
  filePathOf(url: string): string | null;
  /** How many files this run copied. */
  copied(): number;
}

/** The folder under the data folder where copied uploads live, and their public prefix. */
export const UPLOADS_DIR = 'uploads';
export const UPLOADS_PREFIX = '/uploads/';

const UPLOAD_URL = /(?:(?:https?:)?\/\/[^\s"'<>()/]+)?(?:\/[^\s"'<>()]*?)?\/wp-content\/uploads\/([^\s"'<>()?#]+)/g;

export function createUploadsCopier(options: { sourceDir: string; dataDir: string; oldHost: string }): UploadsCopier {
  const targetRoot = path.join(options.dataDir, UPLOADS_DIR);
  const oldHost = options.oldHost.replace(/^www\./, '');
  let copied = 0;

  const relative = (url: string): string | null => {
    UPLOAD_URL.lastIndex = 0;
    const m = new RegExp(UPLOAD_URL.source).exec(url);
    if (!m || m.index !== 0 || m[0].length !== url.length) return null;
    const host = /^(?:https?:)?\/\/([^/]+)/.exec(url)?.[1];
    if (host && host.replace(/^www\./, '').toLowerCase() !== oldHost.toLowerCase()) return null;
    let rel: string;
    try {
      rel = decodeURIComponent(m[1]!);
    } catch {
      return null;
    }
    const parts = rel.split('/');
    if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\') || p.includes('\0'))) return null;
    return parts.join('/');
  };

  const copy = (rel: string): boolean => {
    const from = path.join(options.sourceDir, rel);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(from);
    } catch {
      return false;
    }
    if (!stat.isFile()) return false;
    const to = path.join(targetRoot, rel);
    const existing = fs.statSync(to, { throwIfNoEntry: false });
    if (existing?.size !== stat.size) {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
      copied++;
    }
    return true;
  };

  const filePathOf = (url: string): string | null => {
    const rel = relative(url);
    return rel !== null && copy(rel) ? path.posix.join(UPLOADS_DIR, rel) : null;
  };
  const localUrl = (url: string): string => {
    const rel = relative(url);
    return rel !== null && copy(rel) ? UPLOADS_PREFIX + rel.split('/').map(encodeURIComponent).join('/') : url;
  };
  return {
    localUrl,
    filePathOf,
    rewriteContent: (html) => html.replace(UPLOAD_URL, (url) => localUrl(url)),
    copied: () => copied,
  };
}

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml',
  pdf: 'application/pdf', mp3: 'audio/mpeg', m4a: 'audio/mp4', ogg: 'audio/ogg', wav: 'audio/wav', mp4: 'video/mp4', webm: 'video/webm',
  ogv: 'video/ogg', mov: 'video/quicktime', zip: 'application/zip', doc: 'application/msword', txt: 'text/plain',
};

/** The media type of a file by its extension, or '' when unknown. */
export function mimeTypeOf(url: string): string {
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? '';
}
