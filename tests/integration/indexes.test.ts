import { GetCommand, QueryCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byPinyin } from '@ltx/shared/domain/name-order';
import { createDocumentClient } from '../../functions/src/db/client';
import { keys } from '../../functions/src/db/keys';
import { tableDefinition } from '../../functions/src/db/table-definition';
import { DynamoIdempotencyRepository } from '../../functions/src/repositories/idempotency-repository';
import { startTestStack, type TestStack } from './support/stack';
import { daysFromNow, msFromNow, nowIso } from '../support/time';

/**
 * Health and care data live in the table alone (issue 14, item 6): both secondary indexes project
 * keys only (dynalite honours projections, as DynamoDB does), and the lists read through them still
 * answer, from the table. Read here with raw requests on the indexes, as an attacker with index
 * access would.
 */
let stack: TestStack;
let db: DynamoDBDocumentClient;
let secretary: string;
let contact: string;
let memberId: string;

/** What a KEYS_ONLY index holds of an item: the table's keys and its own. */
const keysOf = (indexName: string) => {
  const index = tableDefinition.globalSecondaryIndexes.find((g) => g.indexName === indexName)!;
  return ['pk', 'sk', index.partitionKey, index.sortKey].sort();
};
const queryIndex = async (indexName: string, partitionKey: string, value: string) =>
  (await db.send(new QueryCommand({ TableName: stack.tableName, IndexName: indexName, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': value } }))).Items ?? [];

beforeAll(async () => {
  stack = await startTestStack();
  db = createDocumentClient(stack.dynamoEndpoint);
  [secretary, contact] = (await Promise.all(['secretary-1', 'contact-1'].map((a) => stack.login(a)))) as [string, string];
  // 李秀英 of the demo branch: health class, care notes and an emergency contact recorded with her consent, paired with 林小红.
  const listed = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { id: string; name: string }[];
  memberId = listed.find((m) => m.name === '李秀英')!.id;
});
afterAll(() => stack?.stop());

describe('secondary indexes', () => {
  it('hold a member with health data by keys only: no sensitive, phone, address or care notes in gsi1 or gsi2', async () => {
    const stored = (await db.send(new GetCommand({ TableName: stack.tableName, Key: keys.member(memberId) }))).Item!;
    // The table has it all.
    expect(stored).toMatchObject({ phone: '13800010002', contactUserId: 'u-demo-contact1', sensitive: { healthClass: 'not_self_reliant' } });
    expect(stored.sensitive.emergencyContacts[0].phone).toBe('13900010002');

    const inGsi1 = (await queryIndex('gsi1', 'gsi1pk', keys.membersOfBranch('br-1'))).filter((i) => i.pk === `MEMBER#${memberId}`);
    const inGsi2 = (await queryIndex('gsi2', 'gsi2pk', keys.membersOfContact('u-demo-contact1'))).filter((i) => i.pk === `MEMBER#${memberId}`);
    expect(inGsi1).toHaveLength(1);
    expect(inGsi2).toHaveLength(1);
    for (const [indexName, item] of [['gsi1', inGsi1[0]!], ['gsi2', inGsi2[0]!]] as const) {
      expect(Object.keys(item).sort()).toEqual(keysOf(indexName));
      expect(item).not.toHaveProperty('sensitive');
      const text = JSON.stringify(item);
      for (const secret of ['not_self_reliant', '卧床', '看不清小字', '13900010002', '13800010002', '和平里']) expect(text).not.toContain(secret);
    }
  });

  it('still answer the lists, read from the table: the secretary sees the member (without health data), the paired contact too', async () => {
    const mine = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { id: string; name: string }[];
    const listed = mine.find((m) => m.id === memberId);
    expect(listed).toMatchObject({ name: '李秀英' });
    expect(JSON.stringify(listed)).not.toContain('not_self_reliant');
    const names = mine.map((m) => m.name);
    expect(names).toEqual([...names].sort(byPinyin)); // every member read back, in the one name order (pinyin)
    const paired = (await stack.call('GET', '/branches/br-1/members', { token: contact })).body.items as { id: string }[];
    expect(paired.map((m) => m.id)).toContain(memberId);
  });

  it('carry no record content of any kind, care observations of a delivered visit included', async () => {
    const session = { kind: 'theme_day', topic: '索引送学', startsAt: daysFromNow(4), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍', materialText: '材料' };
    expect((await stack.call('POST', '/branches/br-1/sessions', { token: secretary, body: session })).status).toBe(201);
    const requested = await stack.call('POST', `/members/${memberId}/visit-requests`, { token: secretary, body: { slot: 'morning' } });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const window = { contactUserId: 'u-demo-contact1', windowStart: daysFromNow(1), windowEnd: msFromNow(86_400_000 + 7_200_000) };
    expect((await stack.call('POST', `/visit-requests/${requested.body.id}/schedule`, { token: secretary, body: window })).status).toBe(200);
    const delivered = await stack.call('POST', `/visit-requests/${requested.body.id}/deliver`, {
      token: contact,
      body: { deliveredAt: nowIso(), studied: '学习全会公报', observations: { eyesight: '看字吃力了' } },
    });
    expect(delivered.status).toBe(200);

    for (const { indexName } of tableDefinition.globalSecondaryIndexes) {
      // A test may read a whole index (eslint's rule is about request paths): every item of every entity type.
      // eslint-disable-next-line no-restricted-syntax
      const items = (await db.send(new ScanCommand({ TableName: stack.tableName, IndexName: indexName }))).Items ?? [];
      expect(items.length, indexName).toBeGreaterThan(10);
      for (const item of items) expect(Object.keys(item).sort(), String(item.pk)).toEqual(keysOf(indexName));
      expect(JSON.stringify(items)).not.toContain('看字吃力了');
    }
  });
});

describe('idempotency claims', () => {
  it('are given back by an update, never a delete: a released claim stays, reads as none and is taken by the next request', async () => {
    const repo = new DynamoIdempotencyRepository(db, stack.tableName);
    const claim = { scope: 'index-test-scope', fingerprint: 'f1', state: 'pending' as const, claim: 'first', claimedAt: nowIso() };
    expect(await repo.claim(claim)).toBe('created');
    expect(await repo.claim({ ...claim, claim: 'second' })).toBe('exists');
    await repo.release(claim.scope, 'first');
    const raw = (await db.send(new GetCommand({ TableName: stack.tableName, Key: keys.idempotency(claim.scope) }))).Item;
    expect(raw).toMatchObject({ state: 'released', claim: 'first' });
    expect(await repo.get(claim.scope, Math.floor(Date.parse(claim.claimedAt) / 1000))).toBeUndefined();
    expect(await repo.claim({ ...claim, fingerprint: 'f2', claim: 'second' })).toBe('created');
    expect(await repo.claim({ ...claim, claim: 'third' })).toBe('exists');
    expect(await repo.get(claim.scope, Math.floor(Date.parse(claim.claimedAt) / 1000))).toMatchObject({ state: 'pending', claim: 'second', fingerprint: 'f2' });
  });
});
