import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { deployedRoutes } from '../../functions/src/api';
import { secretVariables } from '../../functions/src/config/env';
import { secretsOf } from '../../infra/src/constructs/api';
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
  it('derives each function\u2019s secrets from its routes\u2019 declarations (`secrets`)', () => {
    // Written out on purpose (not read from the declarations): widening a grant must change this test.
    const byDomain = Object.fromEntries(domains().map((d) => [d, secretsOf(deployedRoutes.filter((r) => r.domain === d))]));
    expect(byDomain).toEqual({
      auth: ['wechatAppSecret', 'wechatAccessToken'], // login (tests/infra/least-privilege.test.ts); the web console's mini-program code (getwxacodeunlimit)
      orgs: [],
      members: ['wechatAccessToken'], // care notes, departure notes, transfer notes
      sessions: ['wechatAccessToken'], // topics, material, leave, minutes, amendments, minutes photos
      uploads: ['wechatPushToken'], // the message push (image verdicts change an upload's check state)
      visits: ['wechatAccessToken'], // request notes, deliveries (observations, photos), cancellations
      points: ['wechatAccessToken'], // award and reversal reasons
      inspection: ['wechatAccessToken'], // opinions, items, answers (evidence photos), returns
      exports: [],
    });
    const checks = (id: string) => deployedRoutes.find((r) => r.id === id)?.secrets?.includes('wechatAccessToken') ?? false;
    expect(checks('minutes-put')).toBe(true);
    expect(checks('visit-request-deliver')).toBe(true);
    expect(checks('review-create')).toBe(true);
    expect(checks('session-get')).toBe(false);
    expect(deployedRoutes.filter((r) => r.method === 'GET' && r.secrets?.includes('wechatAccessToken')).map((r) => r.id)).toEqual([]);
  });

  it('lets only the declaring domains read the access token, only the push route the push token', () => {
    const token = JSON.stringify(ref(stack.secrets.wechatAccessToken));
    const push = JSON.stringify(ref(stack.secrets.wechatPushToken));
    for (const d of domains()) {
      const read = (secretGrants(stack.api.functions.get(d)!.role!)['secretsmanager:GetSecretValue'] ?? []).map((r) => JSON.stringify(r));
      const declared = secretsOf(deployedRoutes.filter((r) => r.domain === d));
      expect(read.includes(token), `${d} reads the access token`).toBe(declared.includes('wechatAccessToken'));
      expect(read.includes(push), `${d} reads the push token`).toBe(declared.includes('wechatPushToken'));
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

  it('tells a function where a token is (its id, not its value) only if it may read it; every one the service openid', () => {
    const variables = (fn: IConstruct) => (template.findResources('AWS::Lambda::Function') as Record<string, Resource>)[logicalId(fn)]!.Properties.Environment.Variables as Record<string, unknown>;
    for (const d of domains()) {
      const declared = secretsOf(deployedRoutes.filter((r) => r.domain === d));
      const vars = variables(stack.api.functions.get(d)!);
      expect(vars.WECHAT_CHECK_OPENID).toBe('o-service-openid');
      expect(vars[secretVariables.wechatAccessToken], d).toEqual(declared.includes('wechatAccessToken') ? ref(stack.secrets.wechatAccessToken) : undefined);
      expect(vars[secretVariables.wechatPushToken], d).toEqual(declared.includes('wechatPushToken') ? ref(stack.secrets.wechatPushToken) : undefined);
    }
    // The reminder job publishes the access token: it is told where, and never where the push token is.
    const job = variables(stack.reminders.fn);
    expect(job).toMatchObject({ [secretVariables.wechatAccessToken]: ref(stack.secrets.wechatAccessToken), WECHAT_CHECK_OPENID: 'o-service-openid' });
    expect(job).not.toHaveProperty(secretVariables.wechatPushToken);
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
