/**
 * The one catalogue of errors a user can meet. Each code has a stable HTTP status and a
 * message safe to show; `http/error-handler.ts` turns an AppError into a page or JSON.
 * Details are for logs and forms, never for stack traces in responses.
 */
export const ERROR_CATALOGUE = {
  NOT_FOUND: { status: 404, message: 'Page not found' },
  BAD_REQUEST: { status: 400, message: 'The request could not be understood' },
  VALIDATION: { status: 422, message: 'Some fields need attention' },
  UNAUTHENTICATED: { status: 401, message: 'Please sign in' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do that' },
  CSRF: { status: 403, message: 'This form has expired; please reload the page and try again' },
  CONFLICT: { status: 409, message: 'Someone else changed this in the meantime' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts; please wait a little and try again' },
  URI_TOO_LONG: { status: 414, message: 'The address is too long' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'What you sent is too large' },
  UNAVAILABLE: { status: 503, message: 'The site is briefly unavailable; please try again' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(ERROR_CATALOGUE[code].message, options);
    this.name = 'AppError';
    this.status = ERROR_CATALOGUE[code].status;
  }
}

/** True for an AppError with the given code. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
