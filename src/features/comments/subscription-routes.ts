import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { messagesFor } from '../../i18n/index.js';
import { html, type SafeHtml } from '../../lib/html.js';
import { layout } from '../../views/layout.js';
import type { FrameLoader } from '../site/index.js';
import { confirmSubscription, unsubscribe } from './notifications.js';
import type { CommentDeps } from './rules.js';

/**
 * The links in comment mail: confirming reply notifications (double opt-in) and the one-click
 * unsubscribe. A GET only shows a button (mail scanners follow links); the POST acts. The
 * POSTs carry their own proof (a token or our signature), so they are the only public forms
 * exempt from the CSRF check: a forged POST can at most do what its link already allows (and
 * unsubscribing only ever stops mail). The unsubscribe POST also takes its proof from the
 * query, so a mail client's one-click POST to the List-Unsubscribe URL works (RFC 8058).
 */

const linkQuery = z.object({
  c: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number),
  t: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/).optional(),
  s: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional(),
});

export function registerSubscriptionRoutes(app: FastifyInstance, deps: CommentDeps & { frame: FrameLoader }): void {
  const page = async (reply: FastifyReply, title: string, main: SafeHtml, status = 200) => {
    const frame = await deps.frame();
    return reply.code(status).header('cache-control', 'no-store').header('x-robots-tag', 'noindex')
      .type('text/html; charset=utf-8').send(layout(frame, { title, noindex: true }, html`<h1>${title}</h1>\n${main}`));
  };
  const words = async () => messagesFor((await deps.frame()).lang).comments;
  const button = (action: string, fields: Record<string, string | number>, label: string) =>
    html`<form method="post" action="${action}">${Object.entries(fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}<p><button type="submit">${label}</button></p></form>`;

  for (const kind of ['confirm', 'unsubscribe'] as const) {
    const path = `/comments/${kind}/`;
    app.get(path, async (request, reply) => {
      const t = await words();
      const query = linkQuery.safeParse(request.query);
      const proof = kind === 'confirm' ? query.data?.t : query.data?.s;
      if (!query.success || !proof) return page(reply, t.confirmTitle, html`<p>${t.linkInvalid}</p>`, 404);
      const fields: Record<string, string | number> = { c: query.data.c, [kind === 'confirm' ? 't' : 's']: proof };
      return kind === 'confirm'
        ? page(reply, t.confirmTitle, button(path, fields, t.confirmButton))
        : page(reply, t.unsubscribeTitle, button(path, fields, t.unsubscribeButton));
    });
    // Mail clients POST the List-Unsubscribe URL itself, its proof in the query, with the body
    // `List-Unsubscribe=One-Click` (RFC 8058); the page's button sends the proof in the body.
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const t = await words();
      const sent = { ...(kind === 'unsubscribe' ? (request.query as object) : {}), ...(request.body as object | undefined) };
      const body = linkQuery.safeParse(sent);
      const ok = body.success && (kind === 'confirm'
        ? body.data.t !== undefined && (await confirmSubscription(deps.db, body.data.c, body.data.t, deps.clock.now()))
        : body.data.s !== undefined && (await unsubscribe(deps.db, body.data.c, body.data.s)));
      const title = kind === 'confirm' ? t.confirmTitle : t.unsubscribeTitle;
      if (!ok) return page(reply, title, html`<p>${t.linkInvalid}</p>`, 400);
      return page(reply, title, html`<p role="status">${kind === 'confirm' ? t.confirmed : t.unsubscribed}</p>`);
    };
    void app.register(async (scoped) => {
      // RFC 8058 allows the one-click body as multipart/form-data too; it says nothing we need.
      scoped.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) => done(null, {}));
      scoped.post(path, { config: { csrf: false } }, handler);
    });
  }
}
