import type { Kysely } from 'kysely';
import type { Logger } from '../../context.js';
import type { Clock } from '../../lib/clock.js';
import type { DB } from '../../storage/schema.js';
import type { Settings } from '../site/index.js';
import type { ScanResult } from './scan.js';
import type { ImportSummary } from './summary.js';
import type { UploadsCopier } from './uploads.js';

/** Everything one WordPress import run shares between its steps. */
export interface RunContext {
  db: Kysely<DB>;
  clock: Clock;
  log: Logger;
  /** `wordpress:<old site URL>`: the import map's source. */
  source: string;
  /** The old site's path prefix (`/blog`, or '' at the root), for its `?p=ID` addresses. */
  sitePath: string;
  scan: ScanResult;
  settings: Settings;
  uploads: UploadsCopier | null;
  skipPings: boolean;
  summary: ImportSummary;
  /** Author login → local author id, filled as authors are met. */
  authors: Map<string, number>;
  /** The site's comment secret, to hash commenters' IP addresses as the comments feature does. */
  commentSecret: string;
  /** Category nicename → local category id. */
  categories: Map<string, number>;
}

/** `post 12 “Title”`: how warnings name an item. */
export function itemLabel(kind: string, id: string, title: string): string {
  const shown = title.length > 60 ? `${title.slice(0, 59)}…` : title;
  return shown ? `${kind} ${id} “${shown}”` : `${kind} ${id}`;
}
