import * as z from 'zod/mini';
import '@ltx/shared/validation';
import { errorCatalog } from '@ltx/shared/errors';
import { routes } from '../functions/src/api';
import { paramNames } from '../functions/src/api/declare';

/** Query parameters from the route's query schema (an object of scalars). */
function queryParameters(schema: z.core.$ZodType | undefined) {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: s }));
}

/** The OpenAPI 3.1 document, derived from the route declarations (functions/src/api) and the shared zod schemas only. */
export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const params = [
      ...paramNames(route.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...queryParameters(route.query),
    ];
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      ...(route.localOnly ? { description: '仅本地运行时存在，云端部署不包含此接口。' } : {}),
      ...(route.auth === 'token' ? { security: [{ bearer: [] }] } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(route.idempotent ? { 'x-idempotency-key': '可带 Idempotency-Key 请求头：同一编号的重复请求答复第一次的结果' } : {}),
      ...(route.can ? { 'x-can': route.can } : {}),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) } } } }
        : {}),
      responses: {
        [String(route.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: z.toJSONSchema(route.response, { unrepresentable: 'any' }) } } },
        default: { description: '错误', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: '离退休干部党支部 API', version: '1.0.0' },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { enum: Object.keys(errorCatalog) },
                message: { type: 'string' },
                fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
              },
            },
          },
        },
      },
    },
  };
}
