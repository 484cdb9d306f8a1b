import { AppError } from '@ltx/shared/domain/errors';

/*
 * The domain's errors live with the domain (shared/src/domain/errors.ts) and are re-exported here so
 * older imports keep working. This file adds only the failures of HTTP itself: a body or path that
 * cannot be read, a route that does not exist, a reused or still-running idempotent request.
 */
export {
  AppError,
  ValidationError,
  UnauthenticatedError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  InviteInvalidError,
  WechatLoginError,
  SessionClosedError,
  SessionNotHeldError,
  NotExpectedError,
  UploadInvalidError,
  PeriodLockedError,
  SessionNotStartedError,
  MinutesMissingError,
  UndoError,
} from '@ltx/shared/domain/errors';

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

export class RouteNotFoundError extends AppError {
  constructor() {
    super('ROUTE_NOT_FOUND');
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
