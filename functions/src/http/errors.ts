import { errorCatalog, type ErrorCode, type FieldIssue } from '@ltx/shared/errors';

/**
 * Every expected failure is one of these. The HTTP layer (http/route.ts) turns them into
 * responses in one place; anything else is an unexpected fault and answers a generic 500.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldIssue[],
  ) {
    super(errorCatalog[code].message);
    this.status = errorCatalog[code].status;
    this.name = new.target.name;
  }
}

export class MalformedJsonError extends AppError {
  constructor() {
    super('MALFORMED_JSON');
  }
}

/** A path with a broken `%` escape: it cannot name anything, and is the caller's mistake (400). */
export class MalformedPathError extends AppError {
  constructor() {
    super('MALFORMED_PATH');
  }
}

export class ValidationError extends AppError {
  constructor(fields: FieldIssue[]) {
    super('VALIDATION_FAILED', fields);
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super('UNAUTHENTICATED');
  }
}

export class ForbiddenError extends AppError {
  constructor() {
    super('FORBIDDEN');
  }
}

export class NotFoundError extends AppError {
  constructor() {
    super('NOT_FOUND');
  }
}

export class RouteNotFoundError extends AppError {
  constructor() {
    super('ROUTE_NOT_FOUND');
  }
}

export class ConflictError extends AppError {
  constructor(code: 'CONFLICT' | 'ALREADY_BOUND' = 'CONFLICT') {
    super(code);
  }
}

export class InviteInvalidError extends AppError {
  constructor() {
    super('INVITE_INVALID');
  }
}

export class WechatLoginError extends AppError {
  constructor() {
    super('WECHAT_LOGIN_FAILED');
  }
}

export class SessionClosedError extends AppError {
  constructor() {
    super('SESSION_CLOSED');
  }
}

export class SessionNotHeldError extends AppError {
  constructor() {
    super('SESSION_NOT_HELD');
  }
}

export class NotExpectedError extends AppError {
  constructor() {
    super('NOT_EXPECTED');
  }
}

export class UploadInvalidError extends AppError {
  constructor(fields?: FieldIssue[]) {
    super('UPLOAD_INVALID', fields);
  }
}

/** A write into a signed-off period. The period is kept for logs and tests; the user reads the catalog's sentence. */
export class PeriodLockedError extends AppError {
  constructor(readonly period?: string) {
    super('PERIOD_LOCKED');
  }
}

/** An Idempotency-Key already used for a different request (another body, member or record). */
export class IdempotencyKeyReusedError extends AppError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', [{ path: 'Idempotency-Key', message: '请求编号：已经用于另一项内容，请重新提交' }]);
  }
}

/** The first of identical requests is still running and did not finish in time for this one to answer its result. */
export class RequestInProgressError extends AppError {
  constructor() {
    super('REQUEST_IN_PROGRESS');
  }
}

export class SessionNotStartedError extends AppError {
  constructor() {
    super('SESSION_NOT_STARTED');
  }
}

export class MinutesMissingError extends AppError {
  constructor() {
    super('MINUTES_MISSING');
  }
}

export class UndoError extends AppError {
  constructor(code: 'NOTHING_TO_UNDO' | 'UNDO_STALE') {
    super(code);
  }
}
