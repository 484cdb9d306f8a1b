import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import { deployedRoutes } from '../../functions/src/api';
import { secretVariables } from '../../functions/src/config/env';
import { tableDefinition } from '../../functions/src/db/table-definition';
import { deletesOf, secretsOf, uploadAccessOf } from '../../infra/src/constructs/api';
import { TABLE_KEY_ACTIONS } from '../../infra/src/constructs/data-table';
import { MIN_LOG_RETENTION } from '../../infra/src/constructs/log-retention';
import type { BranchStack } from '../../infra/src/stacks/branch-stack';
import { buildStack } from './helpers';

/**
 * Issue 14, item 6: what the stack lets each part read, delete and decrypt, and how long it keeps
 * logs. The expected holders are written out: widening any of them must change this file.
 */

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Principal?: any; Condition?: Record<string, any> };

let stack: BranchStack;
let template: Template;
let resources: Record<string, Resource>;

beforeAll(() => {
  ({ stack, template } = buildStack());
  resources = template.toJSON().Resources as Record<string, Resource>;
});

const logicalId = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const actionsOf = (st: Statement) => [st.Action].flat();
const domains = () => [...stack.api.functions.keys()].sort();
const routesOf = (domain: string) => deployedRoutes.filter((r) => r.domain === domain);

/** Every role of the stack by a readable name: `api:<domain>` and `reminders`. */
function roleNames(): Map<string, string> {
  const names = new Map<string, string>(domains().map((d) => [logicalId(stack.api.functions.get(d)!.role!), `api:${d}`]));
  names.set(logicalId(stack.reminders.fn.role!), 'reminders');
  return names;
}

/** The allow statements of every identity policy, with the role (by name) each applies to. */
function grants(): { role: string; st: Statement }[] {
  const names = roleNames();
  return ofType('AWS::IAM::Policy').flatMap(([, p]) => {
    const roles = (p.Properties.Roles as { Ref: string }[]).map((r) => names.get(r.Ref) ?? `unknown:${r.Ref}`);
    return roles.flatMap((role) => (p.Properties.PolicyDocument.Statement as Statement[]).filter((st) => st.Effect === 'Allow').map((st) => ({ role, st })));
  });
}

const holdersOf = (match: (st: Statement) => boolean) => [...new Set(grants().filter((g) => match(g.st)).map((g) => g.role))].sort();
const keyArn = () => ({ 'Fn::GetAtt': [logicalId(stack.key.key), 'Arn'] });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('secondary indexes', () => {
  it('project keys only: no record content, so no `sensitive`, phone or care notes, in any index', () => {
    const [, table] = ofType('AWS::DynamoDB::Table')[0]!;
    const gsis = table.Properties.GlobalSecondaryIndexes as { IndexName: string; Projection: { ProjectionType: string; NonKeyAttributes?: string[] } }[];
    expect(gsis.map((g) => g.IndexName)).toEqual(tableDefinition.globalSecondaryIndexes.map((g) => g.indexName));
    for (const g of gsis) {
      expect(g.Projection, g.IndexName).toEqual({ ProjectionType: 'KEYS_ONLY' });
      expect(JSON.stringify(g)).not.toMatch(/sensitive|phone|careNotes|healthClass|observations|wechatOpenId/);
    }
  });
});

describe('deleting items', () => {
  it('is a declared need of a route: only the domains with a `deletes` route', () => {
    expect(deletesOf([{}, { deletes: true }])).toBe(true);
    expect(deletesOf([{}])).toBe(false);
    expect(domains().filter((d) => deletesOf(routesOf(d))).sort()).toEqual(['members', 'orgs']);
    expect(deployedRoutes.filter((r) => r.deletes).map((r) => r.id).sort()).toEqual(['member-delete', 'rules-revert']);
  });

  it('may be done by the orgs function (reverting a rules override) and the members function (deleting a departed member) alone; nobody may BatchWriteItem', () => {
    expect(holdersOf((st) => actionsOf(st).includes('dynamodb:DeleteItem')).sort()).toEqual(['api:members', 'api:orgs']);
    expect(holdersOf((st) => actionsOf(st).some((a) => a === 'dynamodb:BatchWriteItem' || a === 'dynamodb:*'))).toEqual([]);
    const tableArn = { 'Fn::GetAtt': [logicalId(stack.data.table), 'Arn'] };
    const deletes = grants().filter((g) => actionsOf(g.st).includes('dynamodb:DeleteItem'));
    for (const { st } of deletes) expect(st.Resource).toEqual(tableArn); // the table, not its indexes or anything else
  });
});

describe('the WeChat AppSecret', () => {
  it('is a declared need of the login route only', () => {
    expect(secretsOf([{ secrets: ['wechatAppSecret'] }, {}])).toEqual(['wechatAppSecret']);
    expect(deployedRoutes.filter((r) => r.secrets?.includes('wechatAppSecret')).map((r) => r.id)).toEqual(['auth-wechat']);
  });

  it('is readable by the auth function and the reminder job alone', () => {
    const secret = { Ref: logicalId(stack.secrets.wechatAppSecret) };
    expect(holdersOf((st) => [st.Resource].flat().some((r) => same(r, secret)))).toEqual(['api:auth', 'reminders']);
    // The signing key, by contrast, every function reads (tokens).
    const signing = { Ref: logicalId(stack.secrets.signingKey) };
    expect(holdersOf((st) => [st.Resource].flat().some((r) => same(r, signing)))).toEqual([...roleNames().values()].sort());
  });

  it('has its id given to those two functions only', () => {
    const variable = secretVariables.wechatAppSecret;
    const withId = ofType('AWS::Lambda::Function')
      .filter(([, fn]) => variable in (fn.Properties.Environment.Variables as Record<string, unknown>))
      .map(([id]) => id)
      .sort();
    expect(withId).toEqual([logicalId(stack.api.functions.get('auth')!), logicalId(stack.reminders.fn)].sort());
    for (const id of withId) {
      expect(resources[id]!.Properties.Environment.Variables[variable]).toEqual({ Ref: logicalId(stack.secrets.wechatAppSecret) });
    }
  });
});

describe('the WeChat tokens (content checks, message push)', () => {
  const readers = (secret: IConstruct, action: string) => {
    const id = { Ref: logicalId(secret) };
    return holdersOf((st) => actionsOf(st).includes(action) && [st.Resource].flat().some((r) => same(r, id)));
  };

  it('the published access token: read by the functions whose routes store texts or images or make the console\'s sign-in code, written by the reminder job alone', () => {
    expect(readers(stack.secrets.wechatAccessToken, 'secretsmanager:GetSecretValue')).toEqual(['api:auth', 'api:inspection', 'api:members', 'api:points', 'api:sessions', 'api:visits', 'reminders']);
    expect(holdersOf((st) => actionsOf(st).includes('secretsmanager:PutSecretValue'))).toEqual(['reminders']);
    expect(readers(stack.secrets.wechatAccessToken, 'secretsmanager:PutSecretValue')).toEqual(['reminders']);
  });

  it('the push token: read by the push route\u2019s function alone', () => {
    expect(readers(stack.secrets.wechatPushToken, 'secretsmanager:GetSecretValue')).toEqual(['api:uploads']);
  });

  it('each function reads the signing key and exactly the secrets its routes declare', () => {
    const arnOf = { wechatAppSecret: stack.secrets.wechatAppSecret, wechatAccessToken: stack.secrets.wechatAccessToken, wechatPushToken: stack.secrets.wechatPushToken };
    for (const d of domains()) {
      const read = grants()
        .filter((g) => g.role === `api:${d}` && actionsOf(g.st).includes('secretsmanager:GetSecretValue'))
        .flatMap(({ st }) => [st.Resource].flat());
      const expected = [stack.secrets.signingKey, ...secretsOf(routesOf(d)).map((need) => arnOf[need])].map((secret) => ({ Ref: logicalId(secret) }));
      expect(read, d).toHaveLength(expected.length);
      expect(read, d).toEqual(expect.arrayContaining(expected));
    }
  });
});

describe('the customer-managed key', () => {
  it('is one symmetric key for the data, rotated, retained; the alarm topic has its own (infra/src/constructs/observability.ts)', () => {
    const keys = ofType('AWS::KMS::Key');
    expect(keys.map(([id]) => id).sort()).toEqual([logicalId(stack.key.key), logicalId(stack.observability.topic.masterKey!)].sort());
    for (const [, key] of keys) {
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.Properties.KeySpec ?? 'SYMMETRIC_DEFAULT').toBe('SYMMETRIC_DEFAULT');
      expect(key.DeletionPolicy).toBe('Retain');
    }
  });

  it('encrypts the table, the upload bucket and every log group; the access-log bucket keeps SSE-S3 (log delivery needs it)', () => {
    const [, table] = ofType('AWS::DynamoDB::Table')[0]!;
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: keyArn() });
    const buckets = Object.fromEntries(ofType('AWS::S3::Bucket'));
    const uploadSse = buckets[logicalId(stack.uploads.bucket)]!.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0];
    expect(uploadSse.ServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn() });
    const logSse = buckets[logicalId(stack.uploads.accessLogs)]!.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0];
    expect(logSse.ServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: 'AES256' });
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups.length).toBe(domains().length + 2); // each function, the API access logs, the reminder job
    for (const [id, g] of groups) expect(g.Properties.KmsKeyId, id).toEqual(keyArn());
  });

  it("lets CloudWatch Logs of this account and region use it, named with the stack's region and URL suffix, never a literal partition", () => {
    const [, key] = ofType('AWS::KMS::Key')[0]!;
    const statements = key.Properties.KeyPolicy.Statement as Statement[];
    const logs = statements.filter((st) => st.Principal?.Service !== undefined);
    expect(logs).toHaveLength(1);
    expect(logs[0]!.Principal.Service).toEqual({ 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] });
    expect(logs[0]!.Condition).toEqual({
      ArnLike: {
        'kms:EncryptionContext:aws:logs:arn': {
          'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:*']],
        },
      },
    });
    // No other principal but the account (whose IAM policies grant the roles below).
    expect(statements.filter((st) => st.Principal?.AWS !== undefined)).toHaveLength(1);
    expect(JSON.stringify(template.toJSON())).not.toContain('arn:aws:');
  });

  it('synthesises for the China partition (aws-cn): ARNs and the logs principal follow the region', () => {
    const { template: cn } = buildStack({ env: { account: '123456789012', region: 'cn-north-1' } });
    const text = JSON.stringify(cn.toJSON());
    expect(text).not.toContain('arn:aws:');
    expect(text).toContain('arn:aws-cn:logs:cn-north-1:123456789012:log-group:*');
    const key = Object.values(cn.findResources('AWS::KMS::Key') as Record<string, Resource>)[0]!;
    const logs = (key.Properties.KeyPolicy.Statement as Statement[]).find((st) => st.Principal?.Service !== undefined)!;
    // logs.cn-north-1.amazonaws.com.cn once CloudFormation resolves the suffix.
    expect(logs.Principal.Service).toEqual({ 'Fn::Join': ['', ['logs.cn-north-1.', { Ref: 'AWS::URLSuffix' }]] });
  });

  it('is usable by each role only for its work, and only through DynamoDB or S3', () => {
    const viaService = (service: string) => ({ StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', [`${service}.`, { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] } } });
    const expected = (domain: string | undefined) => {
      const access = domain ? uploadAccessOf(routesOf(domain)) : [];
      return [
        { actions: [...TABLE_KEY_ACTIONS].sort(), condition: viaService('dynamodb') },
        ...(access.includes('presign') ? [{ actions: ['kms:GenerateDataKey'], condition: viaService('s3') }] : []),
        ...(access.some((a) => a === 'read' || a === 'check') ? [{ actions: ['kms:Decrypt'], condition: viaService('s3') }] : []),
      ];
    };
    const names = roleNames();
    for (const [, name] of names) {
      const kms = grants()
        .filter((g) => g.role === name && actionsOf(g.st).some((a) => a.startsWith('kms:')))
        .map(({ st }) => {
          expect(st.Resource, name).toEqual(keyArn());
          return { actions: actionsOf(st).sort(), condition: st.Condition };
        });
      expect(kms, name).toEqual(expected(name === 'reminders' ? undefined : name.slice('api:'.length)));
    }
    // The uploading role may create data keys, the reading ones may decrypt, the others touch no file.
    expect(holdersOf((st) => actionsOf(st).includes('kms:GenerateDataKey') && same(st.Condition, viaService('s3')))).toEqual(['api:uploads']);
    expect(holdersOf((st) => actionsOf(st).includes('kms:Decrypt') && same(st.Condition, viaService('s3')))).toEqual(['api:exports', 'api:inspection', 'api:members', 'api:sessions', 'api:visits']);
  });
});

describe('log retention', () => {
  it('keeps every log group at least six months (网络安全法 Art. 21), and S3 access logs too', () => {
    expect(MIN_LOG_RETENTION).toBe(180);
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(0);
    for (const [id, g] of groups) expect(g.Properties.RetentionInDays, id).toBeGreaterThanOrEqual(180);
    const logBucket = resources[logicalId(stack.uploads.accessLogs)]!;
    const expiry = (logBucket.Properties.LifecycleConfiguration.Rules as { ExpirationInDays?: number }[]).map((r) => r.ExpirationInDays).filter((d) => d !== undefined);
    expect(expiry.length).toBeGreaterThan(0);
    for (const days of expiry) expect(days).toBeGreaterThanOrEqual(180);
  });

  it('refuses at synth a retention below six months, and applies a longer one to every log group', () => {
    const routes = deployedRoutes.filter((r) => r.domain === 'auth');
    expect(() => buildStack({ routes, logRetention: RetentionDays.THREE_MONTHS })).toThrow(/logRetention keeps logs 90 days.*at least six months \(180 days\)/);
    expect(() => buildStack({ routes, logRetention: RetentionDays.FIVE_MONTHS })).toThrow(/网络安全法/);
    const { template: longer } = buildStack({ routes, logRetention: RetentionDays.ONE_YEAR });
    const groups = Object.values(longer.findResources('AWS::Logs::LogGroup') as Record<string, Resource>);
    expect(groups).toHaveLength(3); // auth, the access logs, the reminder job
    for (const g of groups) expect(g.Properties.RetentionInDays).toBe(365);
  });
});
