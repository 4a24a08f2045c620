import type { AttachmentInfo } from './shortcodes.js';
import { toRecord } from './wxr-records.js';
import { WxrError } from './wxr-error.js';
import { openWxr } from './wxr-reader.js';

/** What the first pass learns: the file is well formed, where the site lived, and its attachments. */
export interface ScanResult {
  version: string;
  /** The old site's home URL without a trailing slash (`https://example.org/blog`). */
  siteUrl: string;
  /** How many `<item>`s the file holds. */
  items: number;
  attachments: Map<string, AttachmentInfo>;
  /** Attachment ids per parent post id, for `[gallery]` without ids. */
  childrenByParent: Map<string, string[]>;
}

export type ProgressCallback = (bytesRead: number, totalBytes: number, items: number) => void;

/**
 * Reads the whole export once, writing nothing. Throws WxrError at the first malformed spot
 * (with line and column), or when the file is not a WordPress export. Memory: the attachment
 * index only (a few hundred bytes per attachment).
 */
export async function scanWxr(file: string, onProgress?: ProgressCallback): Promise<ScanResult> {
  const reader = openWxr(file);
  const result: ScanResult = { version: '', siteUrl: '', items: 0, attachments: new Map(), childrenByParent: new Map() };
  let link = '';
  let blogUrl = '';
  for await (const node of reader.nodes) {
    const record = toRecord(node);
    if (record.kind === 'site') {
      if (record.field === 'wxr_version') result.version = record.value;
      if (record.field === 'link') link = record.value;
      if (record.field === 'base_blog_url') blogUrl = record.value;
    } else if (record.kind === 'item') {
      result.items++;
      const item = record.item;
      if (item.type === 'attachment' && item.id) {
        const alt = item.meta.get('_wp_attachment_image_alt') ?? '';
        result.attachments.set(item.id, { id: item.id, url: item.attachmentUrl || item.guid, title: item.title, alt: alt.trim(), caption: item.excerpt.trim(), parent: item.parent, link: item.link });
        if (item.parent && item.parent !== '0') {
          const siblings = result.childrenByParent.get(item.parent) ?? [];
          siblings.push(item.id);
          result.childrenByParent.set(item.parent, siblings);
        }
      }
    }
    onProgress?.(reader.bytesRead(), reader.totalBytes, result.items);
  }
  if (!result.version) throw new WxrError(1, 1, 'this is not a WordPress export: it has no <wp:wxr_version>');
  result.siteUrl = (blogUrl || link).replace(/\/+$/, '');
  return result;
}
