import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CATALOGUE, type ErrorCode } from '../errors.js';

/** Renders a full error page for a status; supplied by the app so pages share the layout. */
export type ErrorPageRenderer = (request: FastifyRequest, status: number, message: string) => Promise<string>;

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'NOT_FOUND',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
};

/** Maps any thrown error to an AppError; unknown errors become INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  const code = fastifyError?.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (code) return new AppError(code, {}, { cause: error });
  const status = fastifyError?.statusCode;
  if (status && status >= 400 && status < 500) {
    const match = (Object.keys(ERROR_CATALOGUE) as ErrorCode[]).find((c) => ERROR_CATALOGUE[c].status === status);
    return new AppError(match ?? 'BAD_REQUEST', {}, { cause: error });
  }
  return new AppError('INTERNAL', {}, { cause: error });
}

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * The one place errors become responses: an HTML page (or JSON for API clients) with a
 * stable code and a safe message. Stack traces go to the log, never to the user.
 */
export function installErrorHandler(app: FastifyInstance, renderPage: ErrorPageRenderer): void {
  app.setErrorHandler(async (error, request, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.debug({ code: appError.code }, 'request refused');
    reply.status(appError.status);
    if (wantsJson(request)) {
      return reply.send({ error: { code: appError.code, message: appError.message, ...publicDetails(appError) } });
    }
    let body: string;
    try {
      body = await renderPage(request, appError.status, appError.message);
    } catch {
      body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${appError.status}</title></head><body><h1>${appError.message}</h1></body></html>`;
    }
    return reply.type('text/html; charset=utf-8').send(body);
  });
}

function publicDetails(error: AppError): Record<string, unknown> {
  return error.code === 'VALIDATION' && error.details.fields ? { fields: error.details.fields } : {};
}
