import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { errorCatalog, type ErrorBody } from '@ltx/shared/errors';
import { AppError } from './errors';
import { logger } from './logger';

export type HttpResult = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A file instead of JSON (a workbook, a printable page): sent as is, base64 for binary. */
  file?: { contentType: string; fileName: string; content: Buffer | string };
};
export type LambdaHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(status: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode: status, headers: jsonHeaders, body: JSON.stringify(body) };
}

/** The one place where errors become responses. Raw errors never reach the client. */
export function errorResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
    return json(error.status, body);
  }
  logger.error('unexpected fault', { errorName: (error as Error)?.name, stack: (error as Error)?.stack });
  return json(500, { error: { code: 'INTERNAL', message: errorCatalog.INTERNAL.message } } satisfies ErrorBody);
}

/** Wraps a route's logic: runs it, maps its result or error, and logs the outcome without personal data. */
export function route(fn: (event: APIGatewayProxyEventV2) => Promise<HttpResult>): LambdaHandler {
  return async (event) => {
    const started = Date.now();
    let response: APIGatewayProxyStructuredResultV2;
    try {
      const result = await fn(event);
      response = result.file
        ? fileResponse(result.status, result.file)
        :
        result.body === undefined
          ? { statusCode: result.status, headers: { ...jsonHeaders, ...result.headers } }
          : { ...json(result.status, result.body), headers: { ...jsonHeaders, ...result.headers } };
    } catch (error) {
      response = errorResponse(error);
    }
    logger.info('request', { route: event.routeKey, status: response.statusCode, ms: Date.now() - started });
    return response;
  };
}

function fileResponse(status: number, file: NonNullable<HttpResult['file']>): APIGatewayProxyStructuredResultV2 {
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
