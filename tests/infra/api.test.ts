import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { tableDefinition } from '../../functions/src/db/table-definition';
import { deployedRoutes, routes } from '../../functions/src/routes';
import { LAMBDA_RUNTIME, WECHAT_API_BASE } from '../../infra/src/constructs/api';
import type { BranchStack } from '../../infra/src/stacks/branch-stack';
import { buildStack, TEST_APP_ID } from './helpers';

type Resource = { Type: string; Properties: Record<string, any> };

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

describe('HTTP API routes', () => {
  it('deploys every route of deployedRoutes as METHOD path, and nothing else', () => {
    expect(deployedRoutes.length).toBeGreaterThan(0);
    for (const r of deployedRoutes) expect(routeKeys).toContain(`${r.method} ${r.path}`);
    expect(routeKeys).toHaveLength(deployedRoutes.length);
    expect(new Set(routeKeys).size).toBe(routeKeys.length);
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

  it('wires each route to the Lambda of its handler module', () => {
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration') as Record<string, Resource>;
    const routesByKey = Object.values(template.findResources('AWS::ApiGatewayV2::Route') as Record<string, Resource>);
    for (const r of deployedRoutes) {
      const route = routesByKey.find((x) => x.Properties.RouteKey === `${r.method} ${r.path}`)!;
      const integrationId = (route.Properties.Target['Fn::Join'][1][1] as { Ref: string }).Ref;
      const uri = integrations[integrationId]!.Properties.IntegrationUri;
      const fn = stack.api.functions.get(r.handler)!;
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
  it('has one function per handler module of the deployed routes', () => {
    expect(Object.keys(lambdas)).toHaveLength(new Set(deployedRoutes.map((r) => r.handler)).size);
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

  it('gives every function the cloud environment: prod stage, table, secret ids, WeChat app id and API base', () => {
    for (const fn of Object.values(lambdas)) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        STAGE: 'prod',
        TABLE_NAME: ref(stack.data.table),
        SIGNING_KEY_SECRET_ID: ref(stack.secrets.signingKey),
        WECHAT_SECRET_ID: ref(stack.secrets.wechatAppSecret),
        WECHAT_APP_ID: TEST_APP_ID,
        WECHAT_API_BASE,
      });
    }
  });

  it('never enables the local stage, the secrets file or a local DynamoDB endpoint', () => {
    for (const fn of Object.values(lambdas)) {
      const vars = fn.Properties.Environment.Variables as Record<string, unknown>;
      expect(vars.STAGE).not.toBe('local');
      expect(vars).not.toHaveProperty('SECRETS_FILE');
      expect(vars).not.toHaveProperty('DYNAMO_ENDPOINT');
    }
  });

  it('logs to an explicit log group with a retention period', () => {
    const groups = template.findResources('AWS::Logs::LogGroup') as Record<string, Resource>;
    for (const fn of Object.values(lambdas)) {
      const groupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
      expect(groups[groupId]!.Properties.RetentionInDays).toBeGreaterThan(0);
    }
  });

  it('runs under roles without managed policies or wildcard resources, reading only the two secrets', () => {
    const roles = Object.values(template.findResources('AWS::IAM::Role') as Record<string, Resource>);
    expect(roles.length).toBeGreaterThanOrEqual(Object.keys(lambdas).length);
    for (const role of roles) expect(role.Properties.ManagedPolicyArns).toBeUndefined();

    const secretRefs = [ref(stack.secrets.signingKey), ref(stack.secrets.wechatAppSecret)];
    for (const policy of Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)) {
      for (const st of policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) {
        expect(JSON.stringify(st.Resource)).not.toMatch(/"\*"|\/\*"|:\*"/);
        const actions = [st.Action].flat();
        expect(actions.some((a) => a.endsWith('*'))).toBe(false);
        if (actions.some((a) => a.startsWith('secretsmanager:'))) {
          expect(actions.sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
          expect([st.Resource].flat()).toEqual(secretRefs);
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
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query']));
      expect(dynamo.find((st) => JSON.stringify(st.Resource) === JSON.stringify(tableArn))).toBeDefined();
      expect(dynamo.find((st) => JSON.stringify([st.Resource].flat()) === JSON.stringify(indexArns))?.Action).toBe('dynamodb:Query');
    }
  });
});
