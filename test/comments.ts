import type { LightMyRequestResponse } from 'fastify';
import { TestBrowser } from './admin.js';
import type { TestApp } from './helpers.js';

/** Helpers for comment tests: a reader who opens an article and comments through its form. */

export interface CommentForm {
  name?: string;
  email?: string;
  url?: string;
  body?: string;
  notify?: boolean;
  /** The honeypot. */
  website2?: string;
  parentId?: number;
}

/** The hidden fields of the comment form in a page. */
export function formFields(page: string): { postId: string; formToken: string; parentId: string } {
  const field = (name: string) => page.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1];
  const postId = field('postId');
  const formToken = field('formToken');
  if (!postId || formToken === undefined) throw new Error('no comment form on the page');
  return { postId, formToken, parentId: field('parentId') ?? '' };
}

/** A reader with their own cookies. `comment` opens the article, waits `waitMs` (clock), posts. */
export class Reader {
  readonly browser: TestBrowser;

  constructor(private readonly t: TestApp, private readonly ip = '203.0.113.7') {
    this.browser = new TestBrowser(t.app);
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.browser.get(url);
  }

  async comment(articlePath: string, form: CommentForm = {}, waitMs = 5000): Promise<LightMyRequestResponse> {
    const page = await this.browser.get(form.parentId ? `${articlePath}${articlePath.includes('?') ? '&' : '?'}replytocom=${form.parentId}` : articlePath);
    const hidden = formFields(page.body);
    this.t.clock.advance(waitMs);
    return this.browser.post('/comments/', {
      postId: hidden.postId,
      parentId: form.parentId ? String(form.parentId) : hidden.parentId,
      formToken: hidden.formToken,
      name: form.name ?? 'Maria Reader',
      email: form.email ?? 'maria@readers.example',
      url: form.url ?? '',
      body: form.body ?? 'Thank you for this reporting.',
      website2: form.website2 ?? '',
      ...(form.notify ? { notify: 'on' } : {}),
    }, { 'x-forwarded-for': this.ip });
  }
}

/** The id in a `#comment-N` redirect. */
export function commentIdOf(res: LightMyRequestResponse): number {
  const match = String(res.headers.location ?? '').match(/#comment-(\d+)$/);
  if (!match) throw new Error(`not a redirect to a comment: ${res.statusCode} ${res.headers.location ?? res.body.slice(0, 300)}`);
  return Number(match[1]);
}
