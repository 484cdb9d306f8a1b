import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { errorCatalog, type ErrorBody } from '@ltx/shared/errors';
import { AppError } from './errors';
import { logger } from './logger';

export type HttpResult = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A file instead of JSON (a workbook, a printable page): sent as is, base64 for binary. */
  file?: { contentType: string; fileName: string; content: Buffer | string };
  /** Plain text instead of JSON (the answer to WeChat's message push). */
  text?: string;
};
export type LambdaHandler = (event: APIGatewayProxyEventV2, context?: Context) => Promise<APIGatewayProxyStructuredResultV2>;
/** What we answer: API Gateway v2's result, with the status and headers it leaves optional always set. */
export type ProxyResult = { statusCode: number; headers: Record<string, string>; body?: string; isBase64Encoded?: boolean };

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(status: number, body: unknown): ProxyResult {
  return { statusCode: status, headers: jsonHeaders, body: JSON.stringify(body) };
}

/** The one place where errors become responses. Raw errors never reach the client. */
export function errorResponse(error: unknown): ProxyResult {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
    return json(error.status, body);
  }
  logger.error('unexpected fault', { errorName: (error as Error)?.name, stack: (error as Error)?.stack });
  return json(500, { error: { code: 'INTERNAL', message: errorCatalog.INTERNAL.message } } satisfies ErrorBody);
}

/** A route's result as API Gateway v2 expects it: JSON with our headers, or a file (base64 when binary). */
export function proxyResult(result: HttpResult): ProxyResult {
  if (result.file) return fileResponse(result.status, result.file);
  if (result.text !== undefined) return { statusCode: result.status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, body: result.text };
  return result.body === undefined
    ? { statusCode: result.status, headers: { ...jsonHeaders, ...result.headers } }
    : { ...json(result.status, result.body), headers: { ...jsonHeaders, ...result.headers } };
}

function fileResponse(status: number, file: NonNullable<HttpResult['file']>): ProxyResult {
  const binary = Buffer.isBuffer(file.content);
  return {
    statusCode: status,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `${binary ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'no-store',
    },
    body: binary ? (file.content as Buffer).toString('base64') : (file.content as string),
    isBase64Encoded: binary,
  };
}

export const ok = (body: unknown): HttpResult => ({ status: 200, body });
export const created = (body: unknown): HttpResult => ({ status: 201, body });
export const accepted = (body: unknown): HttpResult => ({ status: 202, body });
