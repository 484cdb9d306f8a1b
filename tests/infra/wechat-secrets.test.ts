import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { deployedRoutes } from '../../functions/src/api';
import { wechatAccessOf } from '../../infra/src/constructs/api';
import type { BranchStack } from '../../infra/src/stacks/branch-stack';
import { buildStack } from './helpers';

type Resource = { Type: string; Properties: Record<string, any> };
type Statement = { Action: string | string[]; Resource: unknown };

let stack: BranchStack;
let template: Template;
beforeAll(() => {
  ({ stack, template } = buildStack({ wechatCheckOpenId: 'o-service-openid' }));
});

const logicalId = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const ref = (construct: IConstruct) => ({ Ref: logicalId(construct) });
const domains = () => [...new Set(deployedRoutes.map((r) => r.domain))].sort();

/** Every secretsmanager statement on the role of `fn`, as `action -> secrets`. */
function secretGrants(roleOf: IConstruct): Record<string, unknown[]> {
  const roleId = logicalId(roleOf);
  const out: Record<string, unknown[]> = {};
  for (const policy of Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)) {
    if (!(policy.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId)) continue;
    for (const st of policy.Properties.PolicyDocument.Statement as Statement[]) {
      for (const action of [st.Action].flat().filter((a) => a.startsWith('secretsmanager:'))) out[action] = [...(out[action] ?? []), ...[st.Resource].flat()];
    }
  }
  return out;
}

describe('WeChat tokens: who may read them', () => {
  it('derives each function\u2019s WeChat grants from its routes\u2019 declarations', () => {
    // Written out on purpose (not read from the declarations): widening a grant must change this test.
    const byDomain = Object.fromEntries(domains().map((d) => [d, wechatAccessOf(deployedRoutes.filter((r) => r.domain === d))]));
    expect(byDomain).toEqual({
      auth: [],
      orgs: [],
      members: ['access-token'], // care notes, departure notes, transfer notes
      sessions: ['access-token'], // topics, material, leave, minutes, amendments, minutes photos
      uploads: [],
      visits: ['access-token'], // request notes, deliveries (observations, photos), cancellations
      points: ['access-token'], // award and reversal reasons
      inspection: ['access-token'], // opinions, items, answers (evidence photos), returns
      exports: [],
      wechat: ['push-token'], // the message push
    });
    const access = (id: string) => deployedRoutes.find((r) => r.id === id)?.wechat;
    expect(access('minutes-put')).toBe('access-token');
    expect(access('visit-request-deliver')).toBe('access-token');
    expect(access('review-create')).toBe('access-token');
    expect(access('session-get')).toBeUndefined();
    expect(deployedRoutes.filter((r) => r.method === 'GET' && r.wechat === 'access-token')).toEqual([]);
  });

  it('lets only the declaring domains read the access token, only the push route the push token', () => {
    const token = JSON.stringify(ref(stack.secrets.wechatAccessToken));
    const push = JSON.stringify(ref(stack.secrets.wechatPushToken));
    for (const d of domains()) {
      const read = (secretGrants(stack.api.functions.get(d)!.role!)['secretsmanager:GetSecretValue'] ?? []).map((r) => JSON.stringify(r));
      const declared = wechatAccessOf(deployedRoutes.filter((r) => r.domain === d));
      expect(read.includes(token), `${d} reads the access token`).toBe(declared.includes('access-token'));
      expect(read.includes(push), `${d} reads the push token`).toBe(declared.includes('push-token'));
      expect(secretGrants(stack.api.functions.get(d)!.role!)).not.toHaveProperty(['secretsmanager:PutSecretValue']);
    }
  });

  it('lets the reminder job read the access token and put new versions of it, and nothing more on it', () => {
    const grants = secretGrants(stack.reminders.fn.role!);
    expect(grants['secretsmanager:GetSecretValue']).toContainEqual(ref(stack.secrets.wechatAccessToken));
    expect(grants['secretsmanager:PutSecretValue']).toEqual([ref(stack.secrets.wechatAccessToken)]);
    expect(grants['secretsmanager:GetSecretValue']).not.toContainEqual(ref(stack.secrets.wechatPushToken));
    expect(Object.keys(grants).sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue']);
  });

  it('tells every function where the tokens are (ids, not values) and the service openid', () => {
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function') as Record<string, Resource>)) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        WECHAT_TOKEN_SECRET_ID: ref(stack.secrets.wechatAccessToken),
        WECHAT_PUSH_TOKEN_SECRET_ID: ref(stack.secrets.wechatPushToken),
        WECHAT_CHECK_OPENID: 'o-service-openid',
      });
    }
  });

  it('generates both tokens (no value in the template) and outputs what WeChat\u2019s console needs', () => {
    for (const secret of [stack.secrets.wechatAccessToken, stack.secrets.wechatPushToken]) {
      const props = (template.findResources('AWS::SecretsManager::Secret') as Record<string, Resource>)[logicalId(secret)]!.Properties;
      expect(props.GenerateSecretString).toMatchObject({ ExcludePunctuation: true, PasswordLength: 32 });
      expect(props).not.toHaveProperty('SecretString');
    }
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(JSON.stringify(outputs.WechatPushUrl?.Value)).toContain('/api/v1/wechat/push');
    expect(outputs.WechatPushTokenArn?.Value).toEqual(ref(stack.secrets.wechatPushToken));
  });
});
