import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { apiPrefix, domains, routes } from '../functions/src/api';
import { createDocumentClient } from '../functions/src/db/client';
import { logger } from '../functions/src/http/logger';
import { decodePathSegment } from '../functions/src/http/request';
import { errorResponse } from '../functions/src/http/route';
import { resetEnvForTests } from '../functions/src/config/env';
import { appContext, resetAppContext } from '../functions/src/context';
import { seedDemoHistory } from './demo-history';
import { ensureTable, startEmbeddedDynamo } from './embedded-dynamodb';
import { createApiDispatcher } from './http-adapter';
import { ensureLocalSecrets, localSecretIds } from './local-secrets';
import { seedDemoData } from './seed';
import { createStaticHandler } from './static-files';
import { createUploadsEndpoint } from './uploads-endpoint';
import { FileSecretSource } from '../functions/src/secrets/secret-source';
import { startFakeWechat, type FakeWechat } from './fake-wechat';
import { systemClock, type Clock } from '@ltx/shared/time/clock';

export interface LocalStackOptions {
  /** Where dynalite keeps its data and the generated secrets live. */
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The H5 build to serve at `/`; omitted in API-only tests. */
  staticDir?: string;
  seed?: boolean;
  /** `npm start` only: months of branch life on top of the bare seed (tests start without it). */
  demoHistory?: boolean;
  /**
   * WeChat's API (a real one, or a test's own fake). Left out, the stack starts the loopback fake
   * (local/fake-wechat.ts) for logins, tokens and content checks, and wires its pushes to itself.
   */
  wechatApiBase?: string;
  /** The stack's own fake pushes each image's verdict at once (default on `npm start`); tests push when they choose. */
  autoPushVerdicts?: boolean;
  stage?: 'local' | 'test';
  /** Where the handlers, the seed and the demo history read "now" (the system clock unless a test hands in its own). */
  clock?: Clock;
}

export interface LocalStack {
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  seeded: 'seeded' | 'present' | 'skipped';
  /** The fake WeChat the stack started (when no `wechatApiBase` was given): tests flag words and push verdicts through it. */
  wechat?: FakeWechat;
  close(): Promise<void>;
}

/** Where WeChat pushes its messages (the verdicts of image checks): the `wechat` domain's route, as declared. */
export const wechatPushPath = routes.find((r) => r.id === 'wechat-push-event')!.path;
/** The local stack's organisation service openid: demo accounts (no WeChat login) are checked under it. */
export const localServiceOpenId = 'o-local-service-openid';

export const localTableName = 'ltx-local';

/**
 * The whole product on one machine: dynalite, the real handlers behind a node:http server
 * speaking API Gateway v2 events, and the H5 build. One stack per process: the handlers read
 * their environment once, at first use.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const dynamo = await startEmbeddedDynamo(resolve(dataDir, 'dynamodb'));
  await ensureTable(dynamo.endpoint, localTableName);
  const secretsFile = await ensureLocalSecrets(dataDir);
  const secrets = new FileSecretSource(secretsFile);
  const stage = options.stage ?? 'local';
  // No WeChat named: the fake stands in, flagging the words FAKE_WECHAT_FLAG_WORDS lists (README, "Content checks").
  const wechat = options.wechatApiBase
    ? undefined
    : await startFakeWechat({
      appSecret: () => secrets.get(localSecretIds.wechat),
      flagWords: (process.env.FAKE_WECHAT_FLAG_WORDS ?? '违规示例').split(',').map((w) => w.trim()).filter(Boolean),
      autoPush: options.autoPushVerdicts ?? stage === 'local',
    });

  Object.assign(process.env, {
    STAGE: stage,
    TABLE_NAME: localTableName,
    DYNAMO_ENDPOINT: dynamo.endpoint,
    SECRETS_FILE: secretsFile,
    SIGNING_KEY_SECRET_ID: localSecretIds.signingKey,
    WECHAT_SECRET_ID: localSecretIds.wechat,
    WECHAT_APP_ID: process.env.WECHAT_APP_ID || 'wx0000000000000000',
    WECHAT_API_BASE: options.wechatApiBase ?? wechat!.url,
    WECHAT_PUSH_TOKEN_SECRET_ID: localSecretIds.pushToken,
    // Named so the routes declaring it start; never read here: one process asks stable_token itself (context.ts accessTokens).
    WECHAT_TOKEN_SECRET_ID: 'local/wechat-access-token',
    WECHAT_CHECK_OPENID: process.env.WECHAT_CHECK_OPENID || localServiceOpenId,
    UPLOADS_DIR: resolve(dataDir, 'uploads'),
  });

  // A second stack in the same process (tests) must not reuse the first one's environment.
  resetEnvForTests();
  const clock = options.clock ?? systemClock;
  resetAppContext({ clock });

  // Request lines are for CloudWatch; on a developer's terminal only warnings and faults.
  logger.setLogLevel((process.env.LOG_LEVEL as 'WARN' | undefined) ?? 'WARN');

  let seeded: LocalStack['seeded'] = 'skipped';
  if (options.seed !== false) {
    const db = createDocumentClient(dynamo.endpoint);
    seeded = await seedDemoData(db, localTableName, clock);
    db.destroy();
  }

  // The same domain handlers the cloud runs, one per domain module under functions/src/api.
  const api = createApiDispatcher(routes, async (domain) => domains[domain]!.handler);
  const files = options.staticDir ? createStaticHandler(resolve(options.staticDir)) : undefined;
  const uploads = createUploadsEndpoint(resolve(dataDir, 'uploads'), () => secrets.get(localSecretIds.signingKey), clock);

  /** Which part of the local stack serves a path; throwing or rejecting here is answered by `fail` below. */
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    if (path === apiPrefix || path.startsWith(`${apiPrefix}/`)) return api(req, res);
    if (path === '/local-uploads' && req.method === 'POST') return uploads.upload(req, res);
    if (path.startsWith('/local-files/')) return uploads.download(req, res, decodePathSegment(path.slice('/local-files/'.length).split('?')[0] ?? ''));
    if (files) return files(req, res);
    return api(req, res);
  }

  const server: Server = createServer((req, res) => {
    // One request, however malformed, must never stop the stack: whatever it throws is answered here
    // (a broken escape 400, anything else a logged 500), and a socket error ends only its own request.
    req.on('error', () => res.destroy());
    res.on('error', () => undefined);
    const fail = (error: unknown) => {
      if (res.headersSent || res.destroyed) return void res.destroy();
      const answer = errorResponse(error);
      res.writeHead(answer.statusCode ?? 500, answer.headers as Record<string, string>).end(answer.body ?? '');
    };
    serve(req, res).catch(fail);
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  // Upload links point back at this server; the handlers read it at their first request.
  process.env.UPLOADS_BASE_URL = `http://127.0.0.1:${port}`;
  wechat?.pushTo(`http://127.0.0.1:${port}${wechatPushPath}`, () => secrets.get(localSecretIds.pushToken));
  if (options.demoHistory && seeded === 'seeded') await seedDemoHistory(appContext(), clock);

  return {
    url: `http://127.0.0.1:${port}`,
    dynamoEndpoint: dynamo.endpoint,
    tableName: localTableName,
    seeded,
    ...(wechat ? { wechat } : {}),
    close: async () => {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await wechat?.close();
      await dynamo.close();
    },
  };
}
