import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { validate } from '@ltx/shared/validation';
import { MalformedJsonError, MalformedPathError, ValidationError } from './errors';

/** The JSON body, validated by its shared schema. Bad JSON answers 400, a bad shape 422. */
export function parseBody<S extends z.core.$ZodType>(event: APIGatewayProxyEventV2, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new MalformedJsonError();
  }
  const result = validate(schema, raw);
  if (!result.ok) throw new ValidationError(result.issues);
  return result.value;
}

/** Decodes one path segment; a broken `%` escape is the caller's mistake (400), never a fault. */
export function decodePathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new MalformedPathError();
  }
}

/** A path parameter that cannot be an id: 422 naming it. */
export const badPathParam = (name: string) => new ValidationError([{ path: name, message: `${name}：编号格式不正确` }]);

/** One path parameter, as the router matched and decoded it. */
export function pathParam(name: string, value: string | undefined): string {
  // A decoded `%` is left over from an escaped escape (`%25`): a broken one is 400, a valid one still no id.
  if (value?.includes('%')) decodePathSegment(value);
  // Path parameters are ids: anything else cannot name a record.
  if (!value || !/^[A-Za-z0-9_-]{1,64}$/.test(value)) throw badPathParam(name);
  return value;
}

/** The optional `Idempotency-Key` header: a retry with the same key answers the same result. */
export function idempotencyKey(event: APIGatewayProxyEventV2): string | undefined {
  const key = header(event, 'idempotency-key');
  if (key !== undefined && !/^[A-Za-z0-9_-]{8,64}$/.test(key)) throw new ValidationError([{ path: 'Idempotency-Key', message: '请求编号格式不正确' }]);
  return key;
}

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

/** Query-string parameters, validated by their shared schema (422 with Chinese messages otherwise). */
export function parseQuery<S extends z.core.$ZodType>(event: APIGatewayProxyEventV2, schema: S): z.infer<S> {
  const result = validate(schema, event.queryStringParameters ?? {});
  if (!result.ok) throw new ValidationError(result.issues);
  return result.value;
}
