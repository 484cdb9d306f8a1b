import path from 'node:path';
import { Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import { Fact, FactName } from 'aws-cdk-lib/region-info';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, RuntimeFamily } from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, type IConstruct } from 'constructs';
import type { RouteSpec } from '@ltx/functions/api/index';
import { secretVariables, type SecretNeed } from '@ltx/functions/config/env';
import type { DataKey } from './data-key.js';
import type { DataTable } from './data-table.js';
import { logRetentionOf } from './log-retention.js';
import type { UploadAccess, UploadBucket } from './upload-bucket.js';
import { defaultApiDir, repoRoot, rootLockFile } from '../paths.js';

/** Newest Node.js runtime aws-cdk-lib 2.276 knows (cdk-nag L1 compares against Runtime.ALL). */
export const LAMBDA_RUNTIME = Runtime.NODEJS_24_X;

/**
 * The newest Node.js runtime the stack's region offers, from aws-cdk-lib's region facts (an AWS China region may
 * lag the global ones); `LAMBDA_RUNTIME` for a stack not tied to a region. A concrete runtime either way, so the
 * bundle's esbuild target follows it.
 */
export function lambdaRuntimeFor(scope: IConstruct): Runtime {
  const region = Stack.of(scope).region;
  if (Token.isUnresolved(region)) return LAMBDA_RUNTIME;
  const name = Fact.find(region, FactName.LATEST_NODE_RUNTIME) ?? LAMBDA_RUNTIME.name;
  return Runtime.ALL.find((r) => r.family === RuntimeFamily.NODEJS && r.name === name && !r.isVariable) ?? LAMBDA_RUNTIME;
}
export const LAMBDA_ARCHITECTURE = Architecture.ARM_64;
export const WECHAT_API_BASE = 'https://api.weixin.qq.com';

/**
 * ESM bundles cannot call `require`, but CommonJS code that esbuild bundles into an ESM file still
 * does (`__require("crypto")`). Give the module a real `require`. `__dirname` is deliberately not
 * shimmed: a bundled ESM dependency declaring its own top-level `__dirname` would then clash.
 */
export const ESM_REQUIRE_SHIM = "import { createRequire as __ltxCreateRequire } from 'node:module'; const require = __ltxCreateRequire(import.meta.url);";

/**
 * SDK packages left out of the bundles and loaded from the Lambda runtime: the service clients
 * and the DynamoDB document client. Not `@aws-sdk/*`: `@aws-sdk/s3-presigned-post` and
 * `@aws-sdk/s3-request-presigner` are utilities, not clients, and nothing we can check offline
 * says the nodejs24.x runtime ships them (AWS documents only "the SDK for JavaScript v3", at a
 * version of its choosing). So they, and the helpers they import (@aws-sdk/core,
 * @aws-sdk/signature-v4-multi-region, @smithy/*), are bundled at the lock file's versions. Their
 * dynamic `import()` in functions/src/uploads/s3-upload-store.ts then becomes an in-bundle lazy
 * init; `import('@aws-sdk/client-s3')` stays a real ESM import of the runtime's copy.
 * tests/infra/bundle.test.ts bundles upload-create and signs a form and a link with it.
 */
export const RUNTIME_PROVIDED_MODULES = ['@aws-sdk/client-*', '@aws-sdk/lib-dynamodb'];

/**
 * The S3 grants a domain's function gets: what its routes declare (`uploads` in
 * functions/src/api/<domain>.ts), `check` covering `read`. A domain none of whose routes touch
 * attachments gets no S3 permission at all.
 */
export function uploadAccessOf(routes: readonly { uploads?: UploadAccess }[]): UploadAccess[] {
  const declared = new Set(routes.map((r) => r.uploads).filter((a): a is UploadAccess => a !== undefined));
  if (declared.has('check')) declared.delete('read');
  return (['presign', 'check', 'read', 'erase'] as const).filter((a) => declared.has(a));
}

/**
 * Whether a domain's function may delete items: only if one of its routes declares `deletes`
 * (functions/src/api/<domain>.ts). The others get no dynamodb:DeleteItem.
 */
export function deletesOf(routes: readonly { deletes?: true }[]): boolean {
  return routes.some((r) => r.deletes === true);
}

/**
 * The secrets a domain's function may read beside the signing key: what its routes declare
 * (`secrets`). It gets the grant and the variable naming each (config/env.ts `secretVariables`), and
 * no other secret: a function without a login route cannot read the WeChat AppSecret.
 */
export function secretsOf(routes: readonly { secrets?: readonly SecretNeed[] }[]): SecretNeed[] {
  const declared = new Set(routes.flatMap((r) => r.secrets ?? []));
  return (Object.keys(secretVariables) as SecretNeed[]).filter((s) => declared.has(s));
}

export interface ApiProps {
  /** The routes to deploy: `deployedRoutes` (never the local-only ones). */
  routes: readonly RouteSpec[];
  data: DataTable;
  uploads: UploadBucket;
  /** Encrypts the log groups. */
  key: DataKey;
  /** Read by every function: it signs and checks the session tokens. */
  signingKeySecret: ISecret;
  /** The secrets a route may declare it reads (`secrets`), by need (infra/src/constructs/secrets.ts). */
  secrets: Readonly<Record<SecretNeed, ISecret>>;
  /** The organisation's service openid for content checks of authors WeChat knows no openid of (CDK context `wechatCheckOpenId`). */
  wechatCheckOpenId?: string;
  /** WeChat's `env_version` for console sign-in codes (functions/src/wechat/wxa-code.ts); `release` when left out. */
  wechatCodeVersion?: 'release' | 'trial' | 'develop';
  wechatAppId: string;
  /** Folder holding each domain's `<domain>.ts` (exporting `handler`); defaults to functions/src/api. */
  apiDir?: string;
  /** Stage-wide throttling (requests per second, burst). */
  throttle?: { rateLimit: number; burstLimit: number };
  /** How long the function and access logs are kept: six months unless said; less is refused. */
  logRetention?: RetentionDays;
  /** Browser origins that may call the API (the web console's domain); absent: none (the mini-program needs no CORS). */
  corsOrigins?: string[];
}

const pascal = (s: string) => s.replace(/(^|[-_/{}.])+([a-z0-9])/gi, (_m, _sep, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');

/**
 * One HTTP API, one Lambda per domain (functions/src/api/<domain>.ts), serving that domain's
 * declared routes. Token checks happen inside the functions (the same code runs locally), so
 * routes carry no API Gateway authoriser.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly functions: ReadonlyMap<string, NodejsFunction>;
  /**
   * What every function of the app reads through functions/src/config/env.ts (the reminder job too).
   * A function whose routes declare a secret is also given the variable naming it.
   */
  readonly environment: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const apiDir = props.apiDir ?? defaultApiDir;
    const logRetention = logRetentionOf('logRetention', props.logRetention);

    const localOnly = props.routes.filter((r) => r.localOnly);
    if (localOnly.length > 0) {
      throw new Error(`Local-only routes must never be deployed: ${localOnly.map((r) => `${r.method} ${r.path}`).join(', ')}`);
    }

    // Everything the handlers read through functions/src/config/env.ts. SECRETS_FILE,
    // DYNAMO_ENDPOINT, UPLOADS_DIR and UPLOADS_BASE_URL are local-only and deliberately absent.
    // UPLOAD_BUCKET goes to every function: in stage prod env.ts refuses to build the app
    // context without it, whether or not the function touches a file (the grants are per function).
    // The ids of the declared secrets (WECHAT_SECRET_ID, WECHAT_TOKEN_SECRET_ID, WECHAT_PUSH_TOKEN_SECRET_ID) are added per function below.
    const environment: Record<string, string> = {
      STAGE: 'prod',
      TABLE_NAME: props.data.table.tableName,
      UPLOAD_BUCKET: props.uploads.bucket.bucketName,
      SIGNING_KEY_SECRET_ID: props.signingKeySecret.secretArn,
      WECHAT_APP_ID: props.wechatAppId,
      WECHAT_API_BASE,
      ...(props.wechatCheckOpenId ? { WECHAT_CHECK_OPENID: props.wechatCheckOpenId } : {}),
      ...(props.wechatCodeVersion && props.wechatCodeVersion !== 'release' ? { WXA_ENV_VERSION: props.wechatCodeVersion } : {}),
      NODE_OPTIONS: '--enable-source-maps',
    };

    this.environment = environment;
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: '离退休干部党支部 mini-program API',
      createDefaultStage: false,
      ...(props.corsOrigins ? {
        corsPreflight: {
          allowOrigins: props.corsOrigins,
          allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PATCH, CorsHttpMethod.PUT],
          allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
          maxAge: Duration.hours(1),
        },
      } : {}),
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: logRetention, encryptionKey: props.key.key });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integration.latency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const functions = new Map<string, NodejsFunction>();
    const integrations = new Map<string, HttpLambdaIntegration>();
    const domains = [...new Set(props.routes.map((r) => r.domain))];
    for (const domain of domains) {
      const name = pascal(domain);
      const logGroup = new LogGroup(this, `${name}Logs`, { retention: logRetention, encryptionKey: props.key.key });
      // An own role instead of the AWSLambdaBasicExecutionRole managed policy: logs go to this
      // function's log group only. Everything else it may do follows from its routes' declarations.
      const role = new Role(this, `${name}Role`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description: `Runs the ${domain} routes`,
      });
      const domainRoutes = props.routes.filter((r) => r.domain === domain);
      logGroup.grantWrite(role);
      props.data.grantReadWriteData(role, { deletes: deletesOf(domainRoutes) });
      props.signingKeySecret.grantRead(role);
      const secretIds: Record<string, string> = {};
      for (const need of secretsOf(domainRoutes)) {
        props.secrets[need].grantRead(role);
        secretIds[secretVariables[need]] = props.secrets[need].secretArn;
      }
      const uploadAccess = uploadAccessOf(domainRoutes);
      for (const access of uploadAccess) props.uploads.grant(role, access);
      if (uploadAccess.length > 0) {
        Validations.of(role).acknowledge({
          id: props.uploads.iam5FindingId,
          reason:
            `The ${domain} routes ${uploadAccess.includes('presign') ? 'sign upload forms for' : 'read (HeadObject / presigned GET)'}` +
            `${uploadAccess.includes('erase') ? ' and delete (a deleted member\'s signed consent form)' : ''} ` +
            `attachment keys uploads/<branchId>/<uuid>, minted per upload at run time: the key cannot be named in ` +
            `advance. The grant is limited to the uploads/ prefix of the one private bucket; the branch check ` +
            `happens in UploadService against the upload record in the table.`,
        });
      }

      const fn = new NodejsFunction(this, `${name}Fn`, {
        entry: path.join(apiDir, `${domain}.ts`),
        handler: 'handler',
        runtime: lambdaRuntimeFor(this),
        architecture: LAMBDA_ARCHITECTURE,
        memorySize: 512,
        timeout: Duration.seconds(10),
        role,
        logGroup,
        environment: { ...environment, ...secretIds },
        projectRoot: repoRoot,
        depsLockFilePath: rootLockFile,
        bundling: {
          format: OutputFormat.ESM,
          minify: true,
          sourceMap: true,
          sourcesContent: false,
          mainFields: ['module', 'main'],
          banner: ESM_REQUIRE_SHIM,
          externalModules: RUNTIME_PROVIDED_MODULES,
          // Chinese text as UTF-8 (3 bytes a character) rather than \uXXXX escapes (6): about 20 KB less per function.
          charset: Charset.UTF8,
        },
      });

      functions.set(domain, fn);
      // One integration per function, and one invoke permission for this API (not one per route):
      // the function's router answers only its declared routes, 404 for anything else.
      integrations.set(domain, new HttpLambdaIntegration(`${name}Integration`, fn, { scopePermissionToRoute: false }));
    }

    for (const route of props.routes) {
      const method = HttpMethod[route.method];
      const httpRoute = new HttpRoute(this, `Route${route.method}${pascal(route.path)}`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(route.path, method),
        integration: integrations.get(route.domain)!,
      });
      const reason =
        route.auth === 'public'
          ? `${route.method} ${route.path} is public by design (${route.summary}); it needs no session.`
          : `${route.method} ${route.path} requires a session token, verified inside the function (shared with the local stack) rather than by an API Gateway authoriser.`;
      // Only APIG4 fires on HTTP API routes; cdk-nag's COG4 checks REST API methods only, so
      // acknowledging it here would be a stale acknowledgement (tests/infra/nag.test.ts fails on those).
      Validations.of(httpRoute).acknowledge({ id: 'AwsSolutions-APIG4', reason });
    }
    this.functions = functions;

  }
}
