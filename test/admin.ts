import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../src/context.js';
import { createUser } from '../src/features/accounts/index.js';
import { hashPassword } from '../src/lib/password.js';
import type { Role } from '../src/storage/schema.js';

export const PASSWORD = 'correct horse battery staple';

/**
 * Fixture users' passwords are hashed with scrypt at N=2^10 instead of 2^15: the stored hash
 * carries its cost, so signing in verifies it the real way, at a thirtieth of the CPU (the
 * production cost is tested in src/lib/lib.test.ts).
 */
export const fixtureHash = (password: string): Promise<string> => hashPassword(password, 1 << 10);

/** A user with a known password; returns its id. */
export async function givenUser(ctx: AppContext, role: Role, email = `${role}@lantern.example`, name = `The ${role}`): Promise<number> {
  return createUser({ db: ctx.database.db, clock: ctx.clock, hashPassword: fixtureHash }, { email, name, role, password: PASSWORD });
}

/**
 * A tiny browser over `app.inject`: keeps cookies, remembers the last CSRF token it saw in a
 * page, and sends it with every form — so tests read like a person clicking through.
 */
export class TestBrowser {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly app: FastifyInstance) {}

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of res.cookies) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now()) || cookie.maxAge === 0) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = res.body.match(/name="_csrf" value="([^"]+)"/);
    if (token) this.csrf = token[1]!;
    return res;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader } }));
  }

  /** Posts a form (urlencoded), adding the CSRF token unless `_csrf` is given. */
  async post(url: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const params = new URLSearchParams();
    if (!('_csrf' in form)) params.append('_csrf', this.csrf);
    for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) params.append(key, v);
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: params.toString(),
      }),
    );
  }

  /** Opens the sign-in page and signs in; throws when it does not work. */
  async signIn(email: string, password = PASSWORD): Promise<void> {
    await this.get('/admin/');
    const res = await this.post('/admin/sign-in', { email, password });
    if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    await this.get(res.headers.location as string);
  }
}
