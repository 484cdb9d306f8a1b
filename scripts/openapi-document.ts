import { z } from 'zod';
import '@ltx/shared/validation';
import { errorCatalog } from '@ltx/shared/errors';
import { apiContract } from '../functions/src/api-contract';
import { routes } from '../functions/src/routes';

/** The OpenAPI 3.1 document, derived from the route table and the shared zod schemas only. */
export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const contract = apiContract[`${route.handler}:${route.path.split('/').at(-1)}`] ?? apiContract[route.handler];
    if (!contract) throw new Error(`No API contract for handler ${route.handler}`);
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      // One handler may serve two methods (PATCH, and POST for wx.request): operation ids stay unique.
      operationId: routes.filter((r) => r.handler === route.handler).length > 1 ? `${route.handler}-${route.method.toLowerCase()}` : route.handler,
      summary: route.summary,
      ...(route.localOnly ? { description: '仅本地运行时存在，云端部署不包含此接口。' } : {}),
      ...(route.auth === 'token' ? { security: [{ bearer: [] }] } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(contract.request
        ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(contract.request, { io: 'input', unrepresentable: 'any' }) } } } }
        : {}),
      responses: {
        [String(contract.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: z.toJSONSchema(contract.response, { unrepresentable: 'any' }) } } },
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
