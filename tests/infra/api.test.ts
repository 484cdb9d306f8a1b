import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { tableDefinition } from '../../functions/src/db/table-definition';
import { deployedRoutes, routes } from '../../functions/src/api';
import { limits } from '../../bench/budgets';
import { deletesOf, LAMBDA_RUNTIME, uploadAccessOf, WECHAT_API_BASE } from '../../infra/src/constructs/api';
import { UPLOAD_KEY_PREFIX } from '../../infra/src/constructs/upload-bucket';
import type { BranchStack } from '../../infra/src/stacks/branch-stack';
import { buildStack, TEST_APP_ID } from './helpers';

type Resource = { Type: string; Properties: Record<string, any> };

const functionsSrc = fileURLToPath(new URL('../../functions/src', import.meta.url));
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );

let stack: BranchStack;
let template: Template;
let lambdas: Record<string, Resource>;
let routeKeys: string[];

beforeAll(() => {
  ({ stack, template } = buildStack());
  lambdas = template.findResources('AWS::Lambda::Function') as Record<string, Resource>;
  routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route') as Record<string, Resource>).map(
    (r) => r.Properties.RouteKey as string,
  );
});

const logicalId = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const ref = (construct: IConstruct) => ({ Ref: logicalId(construct) });
const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const handlers = () => [...new Set(deployedRoutes.map((r) => r.domain))].sort();
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
/** The statements of the one inline policy attached to a domain function's role. */
function statementsOf(handler: string): Statement[] {
  const roleId = logicalId(stack.api.functions.get(handler)!.role!);
  const policies = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>).filter((p) =>
    (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId),
  );
  expect(policies, handler).toHaveLength(1);
  return policies[0]!.Properties.PolicyDocument.Statement as Statement[];
}

describe('HTTP API routes', () => {
  it('deploys exactly the routes of deployedRoutes as METHOD path, each once', () => {
    expect(deployedRoutes.length).toBeGreaterThan(0);
    expect([...routeKeys].sort()).toEqual(deployedRoutes.map(routeKey).sort());
    expect(new Set(routeKeys).size).toBe(routeKeys.length);
  });

  it('deploys every method the route table uses, PUT included', () => {
    const methods = new Set(deployedRoutes.map((r) => r.method));
    expect(methods).toContain('PUT'); // the table does have PUT routes (rules, attendance, minutes, subscriptions)
    for (const method of methods) {
      const expected = deployedRoutes.filter((r) => r.method === method).map(routeKey).sort();
      expect(routeKeys.filter((k) => k.startsWith(`${method} `)).sort(), method).toEqual(expected);
    }
  });

  it('never deploys dev login or the demo accounts', () => {
    expect(routes.some((r) => r.localOnly)).toBe(true); // the table does have local-only routes to keep out
    for (const key of routeKeys) {
      expect(key).not.toMatch(/dev-login|demo-accounts/);
    }
    for (const r of routes.filter((r) => r.localOnly)) expect(routeKeys).not.toContain(`${r.method} ${r.path}`);
  });

  it('refuses to build a stack that is handed a local-only route', () => {
    expect(() => buildStack({ routes })).toThrow(/Local-only routes must never be deployed/);
  });

  it('wires each route to the Lambda of its domain', () => {
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration') as Record<string, Resource>;
    const routesByKey = Object.values(template.findResources('AWS::ApiGatewayV2::Route') as Record<string, Resource>);
    for (const r of deployedRoutes) {
      const route = routesByKey.find((x) => x.Properties.RouteKey === `${r.method} ${r.path}`)!;
      const integrationId = (route.Properties.Target['Fn::Join'][1][1] as { Ref: string }).Ref;
      const uri = integrations[integrationId]!.Properties.IntegrationUri;
      const fn = stack.api.functions.get(r.domain)!;
      expect(uri).toEqual({ 'Fn::GetAtt': [logicalId(fn), 'Arn'] });
      expect(route.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
    }
  });

  it('logs access on the $default stage and throttles by default', () => {
    const stages = Object.values(template.findResources('AWS::ApiGatewayV2::Stage') as Record<string, Resource>);
    expect(stages).toHaveLength(1);
    const stage = stages[0]!.Properties;
    expect(stage.StageName).toBe('$default');
    expect(stage.AutoDeploy).toBe(true);
    expect(stage.AccessLogSettings.DestinationArn).toBeDefined();
    expect(JSON.parse(stage.AccessLogSettings.Format as string)).toMatchObject({ requestId: '$context.requestId' });
    expect(stage.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(stage.DefaultRouteSettings.ThrottlingBurstLimit).toBeGreaterThan(0);
  });
});

describe('Lambda functions', () => {
  it('has one function per domain of the deployed routes, not one per route: at most 10 with the reminder job', () => {
    expect([...stack.api.functions.keys()].sort()).toEqual(handlers());
    // Plus one: the scheduled reminder job, which no route serves.
    expect(Object.keys(lambdas)).toHaveLength(handlers().length + 1);
    // 10 domains (the public message-push route has its own, reading only the push token) and the job.
    expect(Object.keys(lambdas).length).toBeLessThanOrEqual(10);
    expect(lambdas).toHaveProperty(logicalId(stack.reminders.fn));
    const ids = [...stack.api.functions.values()].map((fn) => logicalId(fn));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(lambdas).toHaveProperty(id);
  });

  it('runs the reminder job every 15 minutes with the app environment and no S3 access', () => {
    const rules = Object.values(template.findResources('AWS::Events::Rule') as Record<string, Resource>);
    expect(rules).toHaveLength(1);
    expect(rules[0]!.Properties.ScheduleExpression).toBe('rate(15 minutes)');
    expect(JSON.stringify(rules[0]!.Properties.Targets)).toContain(logicalId(stack.reminders.fn));
    const env = lambdas[logicalId(stack.reminders.fn)]!.Properties.Environment.Variables;
    expect(env).toMatchObject({ STAGE: 'prod' });
    expect(env).toHaveProperty('TABLE_NAME');
    expect(env).toHaveProperty('WECHAT_SECRET_ID');
  });

  it("serves all of a domain's routes (PATCH and its POST alias too) from one function through one integration", () => {
    const shared = handlers().filter((h) => deployedRoutes.filter((r) => r.domain === h).length > 1);
    expect(shared).toContain('members'); // PATCH for H5, POST for wx.request
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route') as Record<string, Resource>);
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration') as Record<string, Resource>;
    for (const h of shared) {
      const uris = deployedRoutes
        .filter((r) => r.domain === h)
        .map((r) => {
          const route = routes.find((x) => x.Properties.RouteKey === routeKey(r))!;
          return JSON.stringify(integrations[(route.Properties.Target['Fn::Join'][1][1] as { Ref: string }).Ref]!.Properties.IntegrationUri);
        });
      expect(new Set(uris).size, h).toBe(1);
    }
  });

  it('uses arm64 and the newest Node.js runtime aws-cdk-lib offers', () => {
    const node = Runtime.ALL.filter((r) => /^nodejs\d+\.x$/.test(r.name)).map((r) => Number(r.name.match(/\d+/)![0]));
    expect(LAMBDA_RUNTIME.name).toBe(`nodejs${Math.max(...node)}.x`);
    for (const fn of Object.values(lambdas)) {
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Runtime).toBe(LAMBDA_RUNTIME.name);
      expect(fn.Properties.Handler).toBe('index.handler');
    }
  });

  it('gives every function the cloud environment: prod stage, table, upload bucket, signing key id, WeChat app id and API base', () => {
    expect(Object.keys(lambdas).length).toBeGreaterThan(0);
    for (const fn of Object.values(lambdas)) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        STAGE: 'prod',
        TABLE_NAME: ref(stack.data.table),
        UPLOAD_BUCKET: ref(stack.uploads.bucket),
        SIGNING_KEY_SECRET_ID: ref(stack.secrets.signingKey),
        WECHAT_APP_ID: TEST_APP_ID,
        WECHAT_API_BASE,
      });
    }
    // The AppSecret's id only where it may be read: tests/infra/least-privilege.test.ts.
  });

  it('never enables the local stage, the secrets file, a local DynamoDB endpoint or local uploads', () => {
    for (const fn of Object.values(lambdas)) {
      const vars = fn.Properties.Environment.Variables as Record<string, unknown>;
      expect(vars.STAGE).not.toBe('local');
      expect(vars).not.toHaveProperty('SECRETS_FILE');
      expect(vars).not.toHaveProperty('DYNAMO_ENDPOINT');
      expect(vars).not.toHaveProperty('UPLOADS_DIR');
      expect(vars).not.toHaveProperty('UPLOADS_BASE_URL');
    }
  });

  it('logs to an explicit log group with a retention period', () => {
    const groups = template.findResources('AWS::Logs::LogGroup') as Record<string, Resource>;
    for (const fn of Object.values(lambdas)) {
      const groupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
      expect(groups[groupId]!.Properties.RetentionInDays).toBeGreaterThan(0);
    }
  });

  it("runs under roles without managed policies or wildcard resources (but uploads/*), reading only the app's secrets", () => {
    // The functions' roles (AWS Backup's own role, with AWS's managed policy for it, is checked in backup.test.ts).
    const roles = Object.values(template.findResources('AWS::IAM::Role') as Record<string, Resource>).filter((r) => JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('lambda.amazonaws.com'));
    expect(roles.length).toBeGreaterThanOrEqual(Object.keys(lambdas).length);
    for (const role of roles) expect(role.Properties.ManagedPolicyArns).toBeUndefined();

    const secretRefs = [stack.secrets.signingKey, stack.secrets.wechatAppSecret, stack.secrets.wechatAccessToken, stack.secrets.wechatPushToken].map(ref);
    const uploadObjects = JSON.stringify(uploadObjectsArn());
    for (const policy of Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)) {
      for (const st of policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) {
        // The one wildcard allowed: attachment keys under uploads/ (acknowledged per role in nag.test.ts).
        if (JSON.stringify(st.Resource) !== uploadObjects) expect(JSON.stringify(st.Resource)).not.toMatch(/"\*"|\/\*"|:\*"/);
        const actions = [st.Action].flat();
        expect(actions.some((a) => a.endsWith('*'))).toBe(false);
        if (actions.some((a) => a.startsWith('secretsmanager:'))) {
          // Reads; and the reminder job's one write, a new version of the access token (tests/infra/wechat-secrets.test.ts).
          if (!actions.includes('secretsmanager:PutSecretValue')) expect(actions.sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
          for (const resource of [st.Resource].flat()) expect(secretRefs).toContainEqual(resource);
        }
      }
    }
  });

  it('grants each role item access on the table and Query on each named index, never Scan', () => {
    const tableArn = { 'Fn::GetAtt': [logicalId(stack.data.table), 'Arn'] };
    const indexArns = tableDefinition.globalSecondaryIndexes.map((g) => ({ 'Fn::Join': ['', [tableArn, `/index/${g.indexName}`]] }));
    const policies = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>);
    expect(policies).toHaveLength(Object.keys(lambdas).length);
    for (const policy of policies) {
      const statements = policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[];
      const dynamo = statements.filter((st) => [st.Action].flat().some((a) => a.startsWith('dynamodb:')));
      const actions = dynamo.flatMap((st) => [st.Action].flat());
      expect(actions).not.toContain('dynamodb:Scan');
      // BatchWriteItem can delete, and IAM cannot grant it for puts alone: nobody has it (eslint forbids BatchWriteCommand).
      expect(actions).not.toContain('dynamodb:BatchWriteItem');
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query', 'dynamodb:BatchGetItem']));
      expect(dynamo.find((st) => JSON.stringify(st.Resource) === JSON.stringify(tableArn))).toBeDefined();
      expect(dynamo.find((st) => JSON.stringify([st.Resource].flat()) === JSON.stringify(indexArns))?.Action).toBe('dynamodb:Query');
    }
  });

  it('grants on the table every DynamoDB action the backend code sends (DeleteItem to the functions that declare it)', () => {
    // Which document-client commands functions/src uses, mapped to the IAM action each needs.
    const commandActions: Record<string, string> = {
      GetCommand: 'dynamodb:GetItem',
      PutCommand: 'dynamodb:PutItem',
      UpdateCommand: 'dynamodb:UpdateItem',
      DeleteCommand: 'dynamodb:DeleteItem',
      QueryCommand: 'dynamodb:Query',
      BatchGetCommand: 'dynamodb:BatchGetItem',
      BatchWriteCommand: 'dynamodb:BatchWriteItem',
    };
    const used = new Set<string>();
    const deleting = new Set<string>();
    for (const file of sourceFiles(functionsSrc)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bnew\s+(\w+Command)\s*\(/g)) {
        const command = m[1]!;
        if (/^(Get|Put|Update|Delete|Query|Scan|BatchGet|BatchWrite|TransactGet|TransactWrite|ExecuteStatement)Command$/.test(command)) {
          expect(commandActions, `${command} in ${path.relative(functionsSrc, file)} has no IAM action mapped here`).toHaveProperty(command);
          used.add(commandActions[command]!);
          if (command === 'DeleteCommand') deleting.add(path.relative(functionsSrc, file));
        }
      }
    }
    expect(used).not.toContain('dynamodb:BatchWriteItem');
    // Written out: a new delete must be declared (`deletes` on its route) and looked at here.
    expect([...deleting].sort()).toEqual([
      'repositories/member-erasure-repository.ts', // deleting a departed member (members: member-delete)
      'repositories/rules-repository.ts', // reverting a rules override (orgs: rules-revert)
    ]);
    const tableArn = JSON.stringify({ 'Fn::GetAtt': [logicalId(stack.data.table), 'Arn'] });
    for (const h of handlers()) {
      const granted = statementsOf(h)
        .filter((st) => JSON.stringify(st.Resource) === tableArn)
        .flatMap((st) => [st.Action].flat());
      const needed = [...used].filter((a) => a !== 'dynamodb:DeleteItem' || deletesOf(deployedRoutes.filter((r) => r.domain === h)));
      expect(granted, h).toEqual(expect.arrayContaining(needed));
    }
  });
});

const uploadObjectsArn = () => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack.uploads.bucket), 'Arn'] }, `/${UPLOAD_KEY_PREFIX}*`]] });

describe('attachment permissions', () => {
  it("derives each function's grants from its routes' declared upload access, check covering read", () => {
    expect(uploadAccessOf([{ uploads: 'read' }, { uploads: 'check' }, {}])).toEqual(['check']);
    expect(uploadAccessOf([{ uploads: 'read' }, {}])).toEqual(['read']);
    expect(uploadAccessOf([{}])).toEqual([]);
  });

  it('gives file access to exactly the domains that presign, check or link attachments', () => {
    // Written out on purpose (not read from the declarations): widening a grant must change this test.
    const byDomain = Object.fromEntries(handlers().map((d) => [d, uploadAccessOf(deployedRoutes.filter((r) => r.domain === d))]));
    expect(byDomain).toEqual({
      auth: [],
      orgs: [],
      members: ['check', 'erase'], // the photo of a signed consent form (UploadService.assertUsable); deleted with a departed member
      uploads: ['presign'], // UploadService.createTicket
      sessions: ['check'], // attach(attachments, minutes photos); every SessionDetail has links
      visits: ['check'], // deliver: attach(photos); a delivered visit's photo links
      points: [],
      inspection: ['check'], // a rectification answer: attach(evidence); ledger photos, item links
      exports: ['read'], // the ledger's photos
    });
    // The routes that answer attachment links say so (a sample of the obvious ones).
    const access = (id: string) => deployedRoutes.find((r) => r.id === id)?.uploads;
    expect(access('session-get')).toBe('read');
    expect(access('session-create')).toBe('check');
    expect(access('visit-request-deliver')).toBe('check');
    expect(access('member-sessions')).toBe('read');
    expect(access('sessions-list')).toBeUndefined(); // summaries carry no links
  });

  it('grants S3 per domain function exactly as its routes declare, and nothing to the others', () => {
    const bucketArn = { 'Fn::GetAtt': [logicalId(stack.uploads.bucket), 'Arn'] };
    const expected = {
      presign: [{ Action: 's3:PutObject', Resource: uploadObjectsArn() }],
      read: [{ Action: 's3:GetObject', Resource: uploadObjectsArn() }],
      check: [
        { Action: 's3:GetObject', Resource: uploadObjectsArn() },
        { Action: 's3:ListBucket', Resource: bucketArn },
      ],
      erase: [{ Action: 's3:DeleteObject', Resource: uploadObjectsArn() }],
    };
    let withAccess = 0;
    for (const h of handlers()) {
      // One entry per action: CDK merges grants on the same resource into one statement.
      const s3 = statementsOf(h)
        .filter((st) => [st.Action].flat().some((a) => a.startsWith('s3:')))
        .flatMap((st) => [st.Action].flat().map((Action) => ({ Action, Resource: st.Resource })));
      const access = uploadAccessOf(deployedRoutes.filter((r) => r.domain === h));
      const byAction = (a: { Action: string }, b: { Action: string }) => a.Action.localeCompare(b.Action);
      expect(s3.sort(byAction), h).toEqual(access.flatMap((a) => expected[a]).sort(byAction));
      if (access.length) withAccess++;
    }
    expect(withAccess).toBe(6); // uploads, sessions, visits, inspection, exports, members (a signed consent form's photo)
  });

  it('lets only the members function delete files (a deleted member\'s signed consent form); none overwrites ACLs or reads outside uploads/', () => {
    for (const h of handlers()) {
      const actions = statementsOf(h).flatMap((st) => [st.Action].flat()).filter((a) => a.startsWith('s3:'));
      const allowed = ['s3:PutObject', 's3:GetObject', 's3:ListBucket', ...(h === 'members' ? ['s3:DeleteObject'] : [])];
      for (const a of actions) expect(allowed, `${h}: ${a}`).toContain(a);
    }
    expect(deployedRoutes.filter((r) => r.uploads === 'erase').map((r) => r.id)).toEqual(['member-delete']);
  });
});

describe('stack size', () => {
  it(`stays within ${limits.cfnResources} CloudFormation resources (the hard limit is 500): a new route adds one`, () => {
    const count = Object.keys(template.toJSON().Resources as Record<string, unknown>).length;
    console.log(`CloudFormation resources: ${count}; Lambda functions: ${Object.keys(lambdas).length}`);
    expect(count).toBeLessThanOrEqual(limits.cfnResources);
    // Routes are the only per-route resources: one invoke permission per function, one integration per function.
    expect(Object.keys(template.findResources('AWS::Lambda::Permission'))).toHaveLength(stack.api.functions.size + 1); // + the reminder schedule
    expect(Object.keys(template.findResources('AWS::ApiGatewayV2::Integration'))).toHaveLength(stack.api.functions.size);
  });
});
