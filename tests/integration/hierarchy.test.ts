import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSentence } from '@ltx/shared/domain/audit-sentences';
import { monthOf } from '@ltx/shared/domain/periods';
import { chinaDayIn } from '../support/time';
import { buildServices } from '../../functions/src/context';
import { createDocumentClient } from '../../functions/src/db/client';
import { startTestStack, validMember, type TestStack } from './support/stack';
import { testClock } from '../support/clock';

/**
 * The hierarchy end to end over HTTP on the seeded tree (工委 org-city → 党工委 org-chengnan with br-1, br-2,
 * and 党工委 org-chengbei with br-3, br-4, br-5): reading an organisation with its children, creating,
 * renaming, closing and moving, and inspectors scoped to their subtree (another subtree answers 404).
 */
let stack: TestStack;
let cityAdmin = '';
let southAdmin = '';
let southInspector = '';
let northInspector = '';
let secretary2 = '';

const sentencesOf = async (scope: string) => {
  const { repositories } = buildServices({ db: createDocumentClient(stack.dynamoEndpoint), tableName: stack.tableName, clock: testClock });
  const entries = await repositories.audit.list(scope, '2000-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z');
  return entries.map((e) => auditSentence(e));
};

beforeAll(async () => {
  stack = await startTestStack();
  cityAdmin = await stack.login('admin-city');
  southAdmin = await stack.login('admin');
  southInspector = await stack.login('inspector');
  northInspector = await stack.login('inspector-2');
  secretary2 = await stack.login('secretary-2');
});
afterAll(async () => {
  await stack?.stop();
});

describe('reading the tree', () => {
  it('shows an organisation with its child organisations and branches, kinds in words', async () => {
    const root = await stack.call('GET', '/orgs/org-city', { token: cityAdmin });
    expect(root.status).toBe(200);
    expect(root.body.kindText).toBe('工委');
    expect(root.body.children.map((c: { name: string; kindText: string }) => `${c.name}/${c.kindText}`).sort()).toEqual([
      '城北街道离退休干部党工委/党工委',
      '城南街道离退休干部党工委/党工委',
    ]);
    const south = await stack.call('GET', '/orgs/org-chengnan', { token: southInspector });
    expect(south.status).toBe(200);
    expect(south.body.branches.map((b: { id: string }) => b.id).sort()).toEqual(['br-1', 'br-2']);
    // The 工委 above is outside the inspector's subtree: not named, and not readable.
    expect(south.body.parent).toBeUndefined();
    expect((await stack.call('GET', '/orgs/org-city', { token: southInspector })).status).toBe(404);
    expect((await stack.call('GET', '/orgs/org-chengnan', { token: cityAdmin })).body.parent).toEqual({ id: 'org-city', name: '某市委老干部局离退休干部工委' });
  });

  it('gives the top administrator the branches of the whole subtree, and each inspector only theirs', async () => {
    const period = monthOf(chinaDayIn(0));
    const all = await stack.call('GET', `/orgs/org-city/compliance?period=${period}`, { token: cityAdmin });
    expect(all.status).toBe(200);
    expect(all.body.branches.map((b: { branchId: string }) => b.branchId).sort()).toEqual(['br-1', 'br-2', 'br-3', 'br-4', 'br-5']);
    const listed = await stack.call('GET', '/orgs/org-city/branches', { token: cityAdmin });
    expect(listed.body.items).toHaveLength(5);
    const south = await stack.call('GET', `/orgs/org-chengnan/compliance?period=${period}`, { token: southInspector });
    expect(south.body.branches.map((b: { branchId: string }) => b.branchId).sort()).toEqual(['br-1', 'br-2']);
    expect((await stack.call('GET', `/orgs/org-chengbei/compliance?period=${period}`, { token: southInspector })).status).toBe(404);
    expect((await stack.call('GET', `/orgs/org-city/compliance?period=${period}`, { token: northInspector })).status).toBe(404);
  });

  it('answers 404 for another subtree\'s branch, members and ledger', async () => {
    expect((await stack.call('GET', '/branches/br-3', { token: southInspector })).status).toBe(404);
    expect((await stack.call('GET', '/branches/br-3', { token: northInspector })).status).toBe(200);
    expect((await stack.call('GET', '/branches/br-1/members', { token: northInspector })).status).toBe(404);
    expect((await stack.call('GET', '/branches/br-1/members', { token: cityAdmin })).status).toBe(200);
    expect((await stack.call('GET', `/branches/br-1/ledger?period=${monthOf(chinaDayIn(0))}`, { token: northInspector })).status).toBe(404);
  });
});

describe('staff invites within a subtree', () => {
  it('takes a scope anywhere under the inviter, and refuses one beside it naming the field', async () => {
    const secretary = await stack.call('POST', '/orgs/org-city/staff-invites', { token: cityAdmin, body: { name: '钱志强', role: 'secretary', branchId: 'br-3' } });
    expect(secretary.status).toBe(201);
    expect(secretary.body.scopeText).toBe('城北第一离退休干部党支部');
    const inspector = await stack.call('POST', '/orgs/org-chengbei/staff-invites', { token: cityAdmin, body: { name: '赵一民', role: 'inspector' } });
    expect(inspector.status).toBe(201);
    expect(inspector.body.scopeText).toBe('城北街道离退休干部党工委');
    const beside = await stack.call('POST', '/orgs/org-chengnan/staff-invites', { token: southAdmin, body: { name: '钱志强', role: 'secretary', branchId: 'br-3' } });
    expect(beside.status).toBe(422);
    expect(beside.body.error.fields[0].path).toBe('branchId');
    expect((await stack.call('POST', '/orgs/org-chengbei/staff-invites', { token: southAdmin, body: { name: '赵一民', role: 'inspector' } })).status).toBe(404);
  });
});

describe('changing the tree', () => {
  it('creates a child organisation and a branch under it, once per Idempotency-Key, audited in words', async () => {
    const first = await stack.call('POST', '/orgs/org-chengbei/children', { token: cityAdmin, idempotencyKey: 'zongzhi-1', body: { name: '城北第一党总支', kind: 'zongzhi' } });
    expect(first.status).toBe(201);
    expect(first.body.kindText).toBe('党总支');
    const retry = await stack.call('POST', '/orgs/org-chengbei/children', { token: cityAdmin, idempotencyKey: 'zongzhi-1', body: { name: '城北第一党总支', kind: 'zongzhi' } });
    expect(retry.body.id).toBe(first.body.id);
    const north = await stack.call('GET', '/orgs/org-chengbei', { token: northInspector });
    expect(north.body.children.filter((c: { name: string }) => c.name === '城北第一党总支')).toHaveLength(1);

    const branch = await stack.call('POST', `/orgs/${first.body.id}/branches`, { token: cityAdmin, idempotencyKey: 'branch-1', body: { name: '城北第四离退休干部党支部' } });
    expect(branch.status).toBe(201);
    const again = await stack.call('POST', `/orgs/${first.body.id}/branches`, { token: cityAdmin, idempotencyKey: 'branch-1', body: { name: '城北第四离退休干部党支部' } });
    expect(again.body.id).toBe(branch.body.id);
    expect((await stack.call('GET', `/orgs/${first.body.id}`, { token: cityAdmin })).body.branches).toHaveLength(1);
    // Three levels down from the 工委: the inspector of 城北 sees it, the one of 城南 does not.
    expect((await stack.call('GET', `/branches/${branch.body.id}`, { token: northInspector })).status).toBe(200);
    expect((await stack.call('GET', `/branches/${branch.body.id}`, { token: southInspector })).status).toBe(404);
    const compliance = await stack.call('GET', `/orgs/org-chengbei/compliance?period=${monthOf(chinaDayIn(0))}`, { token: northInspector });
    expect(compliance.body.branches.map((b: { branchId: string }) => b.branchId)).toContain(branch.body.id);

    expect(await sentencesOf(first.body.id)).toEqual([expect.stringContaining('工委管理员（管理员）在「城北街道离退休干部党工委」下设立了党总支「城北第一党总支」。')]);
    expect(await sentencesOf(branch.body.id)).toEqual([expect.stringContaining('在「城北第一党总支」下设立了支部「城北第四离退休干部党支部」。')]);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const blank = await stack.call('POST', '/orgs/org-chengbei/children', { token: cityAdmin, idempotencyKey: 'bad-input-1', body: { name: ' ', kind: 'zongzhi' } });
    expect(blank.status).toBe(422);
    expect(JSON.stringify(blank.body.error.fields)).toContain('名称');
    const kind = await stack.call('POST', '/orgs/org-chengbei/children', { token: cityAdmin, idempotencyKey: 'bad-input-2', body: { name: '某某党委', kind: 'club' } });
    expect(kind.status).toBe(422);
    expect(JSON.stringify(kind.body.error.fields)).toContain('组织类别');
    const move = await stack.call('POST', '/branches/br-1/move', { token: cityAdmin, body: {} });
    expect(move.status).toBe(422);
    expect(JSON.stringify(move.body.error.fields)).toContain('调入的组织');
    expect((await stack.call('GET', '/orgs/org-chengbei', { token: cityAdmin })).body.children.map((c: { name: string }) => c.name)).not.toContain('某某党委');
    // Outside the actor's subtree: 404; an inspector may look but not change: 403.
    expect((await stack.call('POST', '/orgs/org-chengbei/branches', { token: southAdmin, idempotencyKey: 'outside-1', body: { name: '越界支部' } })).status).toBe(404);
    expect((await stack.call('POST', '/orgs/org-chengnan/branches', { token: southInspector, idempotencyKey: 'inspector-1', body: { name: '督导建的支部' } })).status).toBe(403);
    const outside = await stack.call('POST', '/branches/br-1/move', { token: southAdmin, body: { toOrgId: 'org-chengbei' } });
    expect(outside.status).toBe(422);
    expect(outside.body.error.fields[0].message).toContain('调入的组织');
    expect((await stack.call('GET', '/branches/br-1', { token: southInspector })).status).toBe(200);
  });

  it('renames and closes a branch: closed, it stays readable, shown as 已撤销 with its day, and refuses changes', async () => {
    const renamed = await stack.call('POST', '/branches/br-5/rename', { token: cityAdmin, body: { name: '城北第五离退休干部党支部' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('城北第五离退休干部党支部');
    const closed = await stack.call('POST', '/branches/br-5/close', { token: cityAdmin });
    expect(closed.status).toBe(200);
    expect(closed.body.closed.text).toMatch(/^已撤销（\d{4}年\d{1,2}月\d{1,2}日）$/);
    expect((await stack.call('POST', '/branches/br-5/close', { token: cityAdmin })).body.closed).toEqual(closed.body.closed);
    const refused = await stack.call('POST', '/branches/br-5/rename', { token: cityAdmin, body: { name: '再改一个名' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ORG_CLOSED');
    const read = await stack.call('GET', '/branches/br-5', { token: northInspector });
    expect(read.status).toBe(200);
    expect(read.body.closed.on).toBe(closed.body.closed.on);
    const sentences = await sentencesOf('br-5');
    // The seed set the branch up through the same service, as the city's administrator.
    expect(sentences).toHaveLength(3);
    expect(sentences[0]).toContain('在「城北街道离退休干部党工委」下设立了支部「城北第三离退休干部党支部」');
    expect(sentences[1]).toContain('把支部「城北第三离退休干部党支部」更名为「城北第五离退休干部党支部」。');
    expect(sentences[2]).toContain('撤销了支部「城北第五离退休干部党支部」（');
  });

  it('refuses to close an organisation that still has open branches, and closes an empty one', async () => {
    const busy = await stack.call('POST', '/orgs/org-chengbei/close', { token: cityAdmin });
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('ORG_NOT_EMPTY');
    const empty = await stack.call('POST', '/orgs/org-chengbei/children', { token: cityAdmin, idempotencyKey: 'empty-org-1', body: { name: '临时党委', kind: 'dangwei' } });
    const closed = await stack.call('POST', `/orgs/${empty.body.id}/close`, { token: cityAdmin });
    expect(closed.status).toBe(200);
    expect(closed.body.closed.text).toContain('已撤销');
    expect((await stack.call('POST', `/orgs/${empty.body.id}/branches`, { token: cityAdmin, idempotencyKey: 'late-branch-1', body: { name: '迟到的支部' } })).status).toBe(409);
  });

  it('moves a branch with its history into another subtree: the new inspector sees it and its members, the old one no longer', async () => {
    const members = await stack.call('GET', '/branches/br-2/members', { token: southInspector });
    expect(members.status).toBe(200);
    const memberId = members.body.items[0].id as string;
    expect((await stack.call('GET', '/branches/br-2', { token: northInspector })).status).toBe(404);

    const moved = await stack.call('POST', '/branches/br-2/move', { token: cityAdmin, body: { toOrgId: 'org-chengbei' } });
    expect(moved.status).toBe(200);
    expect(moved.body.orgId).toBe('org-chengbei');

    expect((await stack.call('GET', '/branches/br-2', { token: northInspector })).status).toBe(200);
    expect((await stack.call('GET', '/branches/br-2/members', { token: northInspector })).body.items).toHaveLength(members.body.items.length);
    expect((await stack.call('GET', `/members/${memberId}`, { token: northInspector })).status).toBe(200);
    expect((await stack.call('GET', '/branches/br-2', { token: southInspector })).status).toBe(404);
    expect((await stack.call('GET', `/members/${memberId}`, { token: southInspector })).status).toBe(404);
    // Its own people keep it.
    expect((await stack.call('GET', '/branches/br-2/members', { token: secretary2 })).status).toBe(200);
    expect((await stack.call('GET', '/orgs/org-chengbei', { token: northInspector })).body.branches.map((b: { id: string }) => b.id)).toContain('br-2');
    expect((await stack.call('GET', '/orgs/org-chengnan', { token: southInspector })).body.branches.map((b: { id: string }) => b.id)).toEqual(['br-1']);

    const sentences = await sentencesOf('br-2');
    expect(sentences.at(-1)).toContain('工委管理员（管理员）把支部「第二离退休干部党支部」从「城南街道离退休干部党工委」调整到「城北街道离退休干部党工委」。');
  });

  it('keeps a closed branch read-only for its own secretary too', async () => {
    const before = await stack.call('GET', '/branches/br-2/members', { token: secretary2 });
    expect((await stack.call('POST', '/branches/br-2/close', { token: cityAdmin })).status).toBe(200);
    const refused = await stack.call('POST', '/branches/br-2/members', { token: secretary2, idempotencyKey: 'closed-member-1', body: validMember });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ORG_CLOSED');
    const after = await stack.call('GET', '/branches/br-2/members', { token: secretary2 });
    expect(after.status).toBe(200);
    expect(after.body.items).toEqual(before.body.items);
    expect((await stack.call('POST', '/branches/br-2/move', { token: cityAdmin, body: { toOrgId: 'org-chengnan' } })).status).toBe(409);
  });
});
