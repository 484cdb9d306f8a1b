import { errorCatalog, type ErrorCode, type FieldIssue } from '../errors';

/**
 * The domain's expected failures, as typed errors. Services throw these; the HTTP layer
 * (functions/src/http) turns them into responses in one place, by the code's catalog entry
 * (shared/src/errors.ts: its status and the Chinese sentence a person reads). Anything else is
 * an unexpected fault and answers a generic 500.
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

/** Recording a departure twice, or taking back one that is not there (409). */
export class DepartureStateError extends AppError {
  constructor(code: 'ALREADY_DEPARTED' | 'NOT_DEPARTED') {
    super(code);
  }
}

/** A transfer (组织关系转接) that cannot take this step: one already pending, already settled, or whose member moved meanwhile (409). */
export class TransferStateError extends AppError {
  constructor(code: 'TRANSFER_PENDING' | 'TRANSFER_NOT_PENDING' | 'TRANSFER_STALE') {
    super(code);
  }
}

export class UndoError extends AppError {
  constructor(code: 'NOTHING_TO_UNDO' | 'UNDO_STALE') {
    super(code);
  }
}

/** An item already accepted, or answered twice at once: the record moved on (409). */
export class RectificationStateError extends AppError {
  constructor() {
    super('CONFLICT');
  }
}

/** A sign-off before the period's last day is over. */
export class PeriodNotEndedError extends AppError {
  constructor() {
    super('PERIOD_NOT_ENDED');
  }
}

/** A manual award where the organisation does not keep points (不实行积分管理). */
export class PointsOffError extends AppError {
  constructor() {
    super('POINTS_OFF');
  }
}

/** A points entry may be reversed once. */
export class AlreadyReversedError extends AppError {
  constructor() {
    super('ALREADY_REVERSED');
  }
}

/** A 送学上门 step its request's status does not allow. */
export class VisitStateError extends AppError {
  constructor(code: 'VISIT_STATE' | 'VISIT_ALREADY_DELIVERED' = 'VISIT_STATE') {
    super(code);
  }
}

/**
 * A member or proxy sent a status over a different one without saying they mean to replace it: nothing
 * changes silently. The field names what is recorded now and what was sent, in words.
 */
export class AttendanceReplaceError extends AppError {
  constructor(recorded: string, sent: string) {
    super('ATTENDANCE_REPLACE', [{ path: 'replaces', message: `现在登记的是“${recorded}”，要改为“${sent}”，请先确认更改` }]);
  }
}

/** A member's or proxy's way back on their own attendance line that no longer applies. */
export class AttendanceWithdrawError extends AppError {
  constructor(code: 'NOTHING_TO_WITHDRAW' | 'WITHDRAW_CLOSED') {
    super(code);
  }
}

/** No coming study to deliver at home. */
export class NoSessionError extends AppError {
  constructor() {
    super('NO_SESSION');
  }
}

/** Too many wrong invite codes from one WeChat identity in a short time: guessing is refused for a while (429). */
export class InviteAttemptsExceededError extends AppError {
  constructor() {
    super('INVITE_ATTEMPTS_EXCEEDED');
  }
}

/** A token of a user whose role was withdrawn: refused at once, not when the token expires (401). */
export class RoleWithdrawnError extends AppError {
  constructor() {
    super('ROLE_WITHDRAWN');
  }
}

/** A token issued before the user's role or scope changed (its session version is older than the user's). */
export class SessionOutdatedError extends AppError {
  constructor() {
    super('SESSION_OUTDATED');
  }
}

/** An administrator withdrawing or changing their own role (the organisation could be left without one). */
export class SelfWithdrawError extends AppError {
  constructor() {
    super('SELF_WITHDRAW');
  }
}

/** A roster import that cannot be applied as it stands: rows with errors (unconfirmed), or the roll changed since the check. */
export class RosterImportError extends AppError {
  constructor(code: 'ROSTER_HAS_ERRORS' | 'ROSTER_CHANGED' | 'ROSTER_FILE_INVALID', fields?: FieldIssue[]) {
    super(code, fields);
  }
}

/** A closed (撤销) organisation or branch is read-only; an organisation with open children cannot be closed. */
export class HierarchyStateError extends AppError {
  constructor(code: 'ORG_CLOSED' | 'ORG_NOT_EMPTY') {
    super(code);
  }
}

/**
 * WeChat's content check found a text unfit to publish (msg_sec_check v2 `risky`): nothing was
 * stored. The message names each field by its title, e.g. “会议内容”含有不适合发布的内容，请修改后再提交.
 */
export class ContentFlaggedError extends AppError {
  constructor(fields: { path: string; title: string }[]) {
    super('CONTENT_FLAGGED', fields.map(({ path, title }) => ({ path, message: flaggedSentence([title]) })));
    this.message = flaggedSentence(fields.map((f) => f.title));
  }
}

const flaggedSentence = (titles: string[]) => `${[...new Set(titles)].map((t) => `“${t}”`).join('')}含有不适合发布的内容，请修改后再提交`;

/** WeChat's content check could not be asked (unreachable, no token, refused the call): nothing is stored unchecked (503). */
export class ContentCheckUnavailableError extends AppError {
  constructor() {
    super('CONTENT_CHECK_UNAVAILABLE');
  }
}

/** A message push whose signature does not match the push token: not WeChat's, and nothing changes (401). */
export class PushSignatureError extends AppError {
  constructor() {
    super('PUSH_SIGNATURE_INVALID');
  }
}

/** A message to the administrators (意见反馈) already answered with other words: one answer per message (409). */
export class FeedbackAnsweredError extends AppError {
  constructor() {
    super('FEEDBACK_ANSWERED');
  }
}

/** A web-console login (扫码登录) past its few minutes, or already consumed by its page (410). */
export class ConsoleLoginExpiredError extends AppError {
  constructor() {
    super('CONSOLE_LOGIN_EXPIRED');
  }
}

/** A web-console login confirmed once already: a scene binds one person, once (409). */
export class ConsoleLoginUsedError extends AppError {
  constructor() {
    super('CONSOLE_LOGIN_USED');
  }
}

/** A web-console login polled more often than a page ever needs to (429). */
export class ConsoleLoginBusyError extends AppError {
  constructor() {
    super('CONSOLE_LOGIN_BUSY');
  }
}

/** WeChat did not make the mini-program code (unreachable, no token, refused): the page cannot show a QR code (503). */
export class WxaCodeUnavailableError extends AppError {
  constructor() {
    super('WXA_CODE_UNAVAILABLE');
  }
}
