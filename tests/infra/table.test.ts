import { beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { BranchStack } from '../../infra/src/stacks/branch-stack';
import { tableDefinition } from '../../functions/src/db/table-definition';
import { WECHAT_SECRET_PLACEHOLDER } from '../../infra/src/constructs/secrets';
import { buildStack } from './helpers';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

let stack: BranchStack;
let template: Template;
let table: Resource;

beforeAll(() => {
  ({ stack, template } = buildStack());
  const tables = Object.values(template.findResources('AWS::DynamoDB::Table')) as Resource[];
  expect(tables).toHaveLength(1);
  table = tables[0]!;
});

describe('DynamoDB table', () => {
  it('has the key schema of tableDefinition', () => {
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
  });

  it('defines exactly the key attributes of the table and its indexes, all strings', () => {
    const expected = [
      tableDefinition.partitionKey,
      tableDefinition.sortKey,
      ...tableDefinition.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey]),
    ];
    const defs = table.Properties.AttributeDefinitions as { AttributeName: string; AttributeType: string }[];
    expect(defs.map((d) => d.AttributeName).sort()).toEqual([...new Set(expected)].sort());
    expect(defs.every((d) => d.AttributeType === 'S')).toBe(true);
  });

  it('has the GSIs of tableDefinition, projecting keys only (no record content, so no health data)', () => {
    const gsis = table.Properties.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown; Projection: unknown }[];
    expect(gsis).toEqual(
      tableDefinition.globalSecondaryIndexes.map((g) => ({
        IndexName: g.indexName,
        KeySchema: [
          { AttributeName: g.partitionKey, KeyType: 'HASH' },
          { AttributeName: g.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      })),
    );
  });

  it('is on demand, with point-in-time recovery, encryption and deletion protection', () => {
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.ProvisionedThroughput).toBeUndefined();
    expect(table.Properties.PointInTimeRecoverySpecification).toMatchObject({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.SSESpecification).toMatchObject({ SSEEnabled: true });
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
  });

  it('removes Idempotency-Key answers by their `ttl`, so a replayed answer holding personal data does not outlive its week', () => {
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
  });

  it('is retained when the stack or resource goes away', () => {
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('secrets', () => {
  it('has a generated signing key and push token and a WeChat placeholder, retained, and the published access token', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret') as Record<string, Resource>;
    expect(Object.keys(secrets)).toHaveLength(4);
    const accessToken = stack.getLogicalId(stack.secrets.wechatAccessToken.node.defaultChild as CfnElement);
    // The access token lives two hours and is written again every 15 minutes: nothing to keep once the stack is gone.
    expect(secrets[accessToken]!.DeletionPolicy).toBe('Delete');
    const kept = Object.entries(secrets).filter(([id]) => id !== accessToken).map(([, s]) => s);
    for (const s of kept) expect(s.DeletionPolicy).toBe('Retain');
    const generated = kept.filter((s) => s.Properties.GenerateSecretString);
    expect(generated).toHaveLength(2);
    for (const g of generated) expect(g.Properties.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(32);
    expect(kept.filter((s) => s.Properties.SecretString === WECHAT_SECRET_PLACEHOLDER)).toHaveLength(1);
  });
});
