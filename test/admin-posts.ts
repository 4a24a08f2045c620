import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { AppContext } from '../src/context.js';
import type { Role } from '../src/storage/schema.js';
import { givenUser, TestBrowser } from './admin.js';

/** Helpers for the admin's post tests: signed-in writers and the post form as a person fills it. */

export interface Writer {
  browser: TestBrowser;
  userId: number;
  email: string;
}

/** A user of this role, signed in through the sign-in form. */
export async function signedIn(app: FastifyInstance, ctx: AppContext, role: Role, name?: string): Promise<Writer> {
  const email = `${name?.toLowerCase().replace(/\W+/g, '.') ?? role}@lantern.example`;
  const userId = await givenUser(ctx, role, email, name ?? `The ${role}`);
  const browser = new TestBrowser(app);
  await browser.signIn(email);
  return { browser, userId, email };
}

/** The post form with a title, body and the usual defaults; `fields` override or add. */
export function postForm(fields: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: 'Tram drivers vote to strike',
    standfirst: 'The first stoppage in twenty years.',
    body: 'Drivers voted **overwhelmingly** for action.\n\n## What happens next\n\nTalks resume on Monday.',
    postscript: '',
    slug: '',
    tags: '',
    language: 'en',
    translationOf: '',
    featuredImageUrl: '',
    featuredImageAlt: '',
    featuredImageCaption: '',
    commentStatus: 'open',
    publishAt: '',
    action: 'save',
    ...fields,
  };
}

/** The post id a save redirected to (`/admin/posts/12/edit`). */
export function savedPostId(res: LightMyRequestResponse): number {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
  const match = String(res.headers.location).match(/^\/admin\/posts\/(\d+)\/edit$/);
  if (!match) throw new Error(`unexpected redirect ${res.headers.location}`);
  return Number(match[1]);
}

/** The hidden version field of the edit form of a post, as the page shows it now. */
export async function versionOf(browser: TestBrowser, id: number): Promise<string> {
  const page = await browser.get(`/admin/posts/${id}/edit`);
  const match = page.body.match(/name="version" value="([^"]+)"/);
  if (!match) throw new Error(`no version field on the edit page of post ${id}: ${page.statusCode}`);
  return match[1]!.replace(/&amp;/g, '&');
}

/** The value of the form control `name` in a page (input value or textarea text), unescaped. */
export function fieldValue(page: string, name: string): string | undefined {
  const input = page.match(new RegExp(`<input[^>]* name="${name}"[^>]* value="([^"]*)"`));
  const textarea = page.match(new RegExp(`<textarea[^>]* name="${name}"[^>]*>([\\s\\S]*?)</textarea>`));
  const raw = input?.[1] ?? textarea?.[1];
  return raw?.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
