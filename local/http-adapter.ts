import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { errorResponse } from '../functions/src/http/route';
import { MalformedJsonError, MalformedPathError, RouteNotFoundError } from '../functions/src/http/errors';
import { decodePathSegment } from '../functions/src/http/request';
import type { RouteSpec } from '../functions/src/api';

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

interface CompiledRoute {
  spec: RouteSpec;
  pattern: RegExp;
  params: string[];
  load: () => Promise<Handler>;
}

const maxBodyBytes = 1024 * 1024;

/**
 * Turns a node:http request into the API Gateway HTTP API v2 event that the deployed
 * functions receive (with the matched route's `routeKey` and path parameters, as API Gateway
 * sets them), and calls the very domain handler CDK bundles for that route.
 */
export function createApiDispatcher(routes: readonly RouteSpec[], loadHandler: (domain: string) => Promise<Handler>) {
  const compiled: CompiledRoute[] = routes.map((spec) => {
    const params: string[] = [];
    const source = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      params.push(name);
      return '([^/]+)';
    });
    let cached: Promise<Handler> | undefined;
    return { spec, pattern: new RegExp(`^${source}$`), params, load: () => (cached ??= loadHandler(spec.domain)) };
  });

  return async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    let result: APIGatewayProxyStructuredResultV2;
    try {
      const url = parseUrl(req.url, req.headers.host);
      decodePathSegment(url.pathname); // a broken escape anywhere in the path is 400, matched route or not
      const body = await readBody(req);
      const match = findRoute(compiled, method, url.pathname);
      if (!match) throw new RouteNotFoundError();
      const handler = await match.route.load();
      result = await handler(toEvent(req, url, method, body, match));
    } catch (error) {
      result = errorResponse(error);
    }
    // The client may have gone away meanwhile: answering a closed socket is not a fault of the server.
    if (res.headersSent || res.destroyed) return;
    res.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
    res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
  };
}

/**
 * A request target that is no URL at all (e.g. `http://[`) is a malformed path: 400. So is a Host
 * header that names no host (`a b`): API Gateway never passes one on, and the router builds its
 * request URL from it.
 */
export function parseUrl(target: string | undefined, host = 'localhost'): URL {
  try {
    return new URL(target ?? '/', `http://${host}`);
  } catch {
    throw new MalformedPathError();
  }
}

function findRoute(routes: CompiledRoute[], method: string, path: string) {
  for (const route of routes) {
    if (route.spec.method !== method) continue;
    const m = route.pattern.exec(path);
    if (m) {
      const pathParameters = Object.fromEntries(route.params.map((p, i) => [p, decodePathSegment(m[i + 1] ?? '')]));
      return { route, pathParameters };
    }
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new MalformedJsonError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  method: string,
  body: string,
  match: { route: CompiledRoute; pathParameters: Record<string, string> },
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const now = new Date();
  return {
    version: '2.0',
    routeKey: `${method} ${match.route.spec.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
    pathParameters: Object.keys(match.pathParameters).length ? match.pathParameters : undefined,
    body: body === '' ? undefined : body,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: `${method} ${match.route.spec.path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
  };
}
