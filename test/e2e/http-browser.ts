/**
 * A tiny browser over real HTTP (fetch): keeps cookies, remembers the last CSRF token it saw,
 * sends it with every form, and can be pointed at another server with the same cookies — as a
 * reader whose requests a load balancer sends to different app processes.
 */

export interface Page {
  status: number;
  location: string | null;
  body: string;
  headers: Headers;
}

export class HttpBrowser {
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(public base: string) {}

  private async remember(response: Response): Promise<Page> {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const body = await response.text();
    const token = body.match(/name="_csrf" value="([^"]+)"/);
    if (token) this.csrf = token[1]!;
    return { status: response.status, location: response.headers.get('location'), body, headers: response.headers };
  }

  private get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, base = this.base): Promise<Page> {
    return this.remember(await fetch(base + url, { headers: { cookie: this.cookieHeader }, redirect: 'manual' }));
  }

  /** Posts a form (urlencoded), adding the CSRF token unless `_csrf` is given. */
  async post(url: string, form: Record<string, string>, base = this.base): Promise<Page> {
    const params = new URLSearchParams({ _csrf: this.csrf, ...form });
    return this.remember(
      await fetch(base + url, {
        method: 'POST',
        headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
        body: params.toString(),
        redirect: 'manual',
      }),
    );
  }

  /** Signs in through the admin's form; throws when it does not work. */
  async signIn(email: string, password: string): Promise<void> {
    await this.get('/admin/');
    const page = await this.post('/admin/sign-in', { email, password });
    if (page.status !== 303) throw new Error(`sign-in failed: ${page.status} ${page.body.slice(0, 300)}`);
    await this.get(page.location!);
  }
}

/**
 * The values a browser would submit from the form posting to `action` as it stands: inputs,
 * checked radios and boxes, the selected option of each select (one value per name: enough for
 * the admin's settings-like forms).
 */
export function formValues(html: string, action: string): Record<string, string> {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)];
  const form = forms.find((f) => f[1]!.includes(`action="${action}"`))?.[2] ?? '';
  const values: Record<string, string> = {};
  for (const input of form.matchAll(/<input\b[^>]*>/g)) {
    const name = input[0].match(/\bname="([^"]+)"/)?.[1];
    const type = input[0].match(/\btype="([^"]+)"/)?.[1] ?? 'text';
    const checkable = type === 'checkbox' || type === 'radio';
    if (!name || type === 'submit' || (checkable && !/\schecked\b/.test(input[0]))) continue;
    values[name] = unescape(input[0].match(/\bvalue="([^"]*)"/)?.[1] ?? (checkable ? 'on' : ''));
  }
  for (const select of form.matchAll(/<select\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = select[2]!.match(/<option value="([^"]*)" selected/);
    values[select[1]!] = unescape(selected?.[1] ?? select[2]!.match(/<option value="([^"]*)"/)?.[1] ?? '');
  }
  return values;
}

const unescape = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
