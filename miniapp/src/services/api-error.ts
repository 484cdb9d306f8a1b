import type { ErrorCode, FieldIssue } from '@ltx/shared/errors';
import { errorCatalog } from '@ltx/shared/errors';

/** Codes the client adds for failures that never reached the API's error renderer. */
export type ClientErrorCode = 'NETWORK' | 'UNEXPECTED_RESPONSE';

export const clientErrorMessages: Record<ClientErrorCode, string> = {
  NETWORK: '网络连接失败，请检查网络后重试',
  UNEXPECTED_RESPONSE: '服务暂时出了点问题，请稍后再试',
};

/** An API failure, carrying the Chinese sentence to show and any per-field messages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly fields: FieldIssue[];

  constructor(status: number, code: ErrorCode | ClientErrorCode, message: string, fields: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** Field messages keyed by path, for showing each next to its input. */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fields) out[f.path] = out[f.path] ? `${out[f.path]}；${f.message}` : f.message;
    return out;
  }
}

function isErrorBody(body: unknown): body is { error: { code: string; message: string; fields?: unknown } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string';
}

function isFieldIssue(v: unknown): v is FieldIssue {
  return typeof v === 'object' && v !== null && typeof (v as FieldIssue).path === 'string' && typeof (v as FieldIssue).message === 'string';
}

function isKnownCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(errorCatalog, code);
}

/**
 * Turns a non-2xx response into an ApiError. The API always answers `{ error: {...} }`, but a
 * proxy or gateway in between may answer HTML: then the status picks a sentence from the catalog.
 */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const { code, message, fields } = body.error;
    const issues = Array.isArray(fields) ? fields.filter(isFieldIssue) : [];
    return new ApiError(status, isKnownCode(code) ? code : 'UNEXPECTED_RESPONSE', message, issues);
  }
  const byStatus: Partial<Record<number, ErrorCode>> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT' };
  const code = byStatus[status];
  if (code) return new ApiError(status, code, errorCatalog[code].message);
  return new ApiError(status, 'UNEXPECTED_RESPONSE', clientErrorMessages.UNEXPECTED_RESPONSE);
}

export function networkError(): ApiError {
  return new ApiError(0, 'NETWORK', clientErrorMessages.NETWORK);
}

/** The sentence to show for anything a call may throw. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : clientErrorMessages.UNEXPECTED_RESPONSE;
}
