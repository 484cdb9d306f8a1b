import { describe, expect, it, vi } from 'vitest';
import { createSubmission, newIdempotencyKey } from '@/services/idempotency';
import { entryLine, pointsText, pointsView, thisYear, toAwardInput, emptyAwardForm, reversalReasonProblem } from '@/services/points-view';
import type { MemberPoints, PointsEntry, VisitRequest } from '@/services/types';
import { defaultScheduleForm, deliverErrorsFromApi, defaultDeliverForm, toDeliverInput, toScheduleInput, toVisitRequestInput, cancelReasonProblem } from '@/services/visit-forms';
import {
  ageText,
  careChangeText,
  careNotesLines,
  contactOrder,
  memberMayConfirm,
  memberVisitLine,
  overdueText,
  secretaryActions,
  secretaryOrder,
  visitCountsText,
  windowText,
} from '@/services/visit-words';

const visit = (over: Partial<VisitRequest> = {}): VisitRequest => ({
  id: 'v1',
  branchId: 'b1',
  memberId: 'm1',
  memberName: '李秀英',
  slot: 'any',
  status: 'requested',
  requestedBy: 'u1',
  requestedByRole: 'proxy',
  createdAt: '2025-11-20T02:00:00.000Z',
  ageDays: 0,
  overdue: null,
  statusText: '已申请（上午下午都行），等待支部安排',
  version: 1,
  ...over,
});

describe('送学上门 in words', () => {
  it('says how late a request is, in days and words, and nothing when it is on time', () => {
    expect(overdueText({ overdue: 'not_scheduled', ageDays: 3 })).toBe('已逾期：3 天未安排');
    expect(overdueText({ overdue: 'not_delivered', ageDays: 15 })).toBe('已逾期：15 天未送学');
    expect(overdueText({ overdue: null, ageDays: 2 })).toBeUndefined();
    expect(ageText(0)).toBe('今天提出');
    expect(ageText(4)).toBe('已提出 4 天');
  });

  it('says a visit window in Beijing time, the part of day once when it does not change', () => {
    // 01:00 and 03:00 UTC are 9 and 11 in the morning in Beijing.
    expect(windowText('2025-11-30T01:00:00.000Z', '2025-11-30T03:00:00.000Z')).toBe('2025年11月30日 星期日 上午9点到11点');
    expect(windowText('2025-11-30T03:00:00.000Z', '2025-11-30T07:30:00.000Z')).toBe('2025年11月30日 星期日 上午11点到下午3点半');
  });

  it('puts the secretary’s overview counts in words, with a warning only when something is late', () => {
    expect(visitCountsText({ open: 0, notScheduled: 0, notDelivered: 0 })).toEqual({ line: '送学上门：没有未完成的申请。' });
    expect(visitCountsText({ open: 2, notScheduled: 0, notDelivered: 0 })).toEqual({ line: '送学上门：未完成 2 件。都在期限内。' });
    expect(visitCountsText({ open: 0, drafts: 2, notScheduled: 0, notDelivered: 0 })).toEqual({ line: '送学上门：没有未完成的申请。另有 2 件系统建议待您确认。' });
    expect(visitCountsText({ open: 3, notScheduled: 1, notDelivered: 1 })).toEqual({
      line: '送学上门：未完成 3 件。',
      warning: '⚠ 已逾期：1 件没有按期安排，1 件没有按期送学',
    });
  });

  it('lists care notes as lines for the door, and where an observation went', () => {
    expect(careNotesLines({ hearing: '左耳听力弱', bestVisitTime: '上午', readAloud: true, dialect: '上海话' })).toEqual([
      '方便探访时间：上午',
      '听力：左耳听力弱',
      '方言：上海话',
      '需要读给本人听',
    ]);
    // From the member record: 她 for a woman, 他 for a man.
    expect(careNotesLines({ readAloud: true }, 'female')).toEqual(['需要读给她听']);
    expect(careNotesLines({ readAloud: true }, 'male')).toEqual(['需要读给他听']);
    expect(careNotesLines(undefined)).toEqual([]);
    expect(careChangeText('pending_approval')).toContain('等支部书记审核');
    expect(careChangeText('applied')).toBe('照护观察已更新到党员档案。');
    expect(careChangeText(undefined)).toBeUndefined();
  });

  it('offers the secretary exactly the steps the state machine allows', () => {
    expect(secretaryActions('draft')).toEqual({ accept: true, schedule: false, reschedule: false, confirmByPhone: false, cancel: true });
    expect(secretaryActions('requested')).toEqual({ accept: false, schedule: true, reschedule: false, confirmByPhone: false, cancel: true });
    expect(secretaryActions('scheduled')).toEqual({ accept: false, schedule: false, reschedule: true, confirmByPhone: false, cancel: true });
    expect(secretaryActions('delivered')).toEqual({ accept: false, schedule: false, reschedule: false, confirmByPhone: true, cancel: false });
    expect(secretaryActions('closed')).toEqual({ accept: false, schedule: false, reschedule: false, confirmByPhone: false, cancel: false });
  });

  it('orders late requests first for the secretary and a contact’s visits by time', () => {
    const a = visit({ id: 'a', createdAt: '2025-11-01T00:00:00Z' });
    const b = visit({ id: 'b', createdAt: '2025-11-02T00:00:00Z', overdue: 'not_scheduled' });
    const c = visit({ id: 'c', createdAt: '2025-10-01T00:00:00Z' });
    expect(secretaryOrder([a, b, c]).map((v) => v.id)).toEqual(['b', 'c', 'a']);
    const at = (iso: string) => ({ contactUserId: 'u', contactName: '林小红', windowStart: iso, windowEnd: iso, by: 's', at: iso });
    const late = visit({ id: 'late', scheduled: at('2025-12-02T01:00:00Z') });
    const soon = visit({ id: 'soon', scheduled: at('2025-12-01T01:00:00Z') });
    expect(contactOrder([late, soon]).map((v) => v.id)).toEqual(['soon', 'late']);
  });

  it('tells the member what the request is waiting for, and asks for confirmation once delivered', () => {
    expect(memberVisitLine(visit({ status: 'scheduled', statusText: '已安排：林小红 11月30日 星期日 上午9点来', sessionTopic: '主题党日' }))).toBe(
      '已安排：林小红 11月30日 星期日 上午9点来（主题党日）',
    );
    expect(memberVisitLine(visit({ status: 'delivered', statusText: '已送学，待确认' }))).toBe('已送学上门。请确认是否已经送到。');
    expect(memberMayConfirm({ status: 'delivered' })).toBe(true);
    expect(memberMayConfirm({ status: 'scheduled' })).toBe(false);
  });
});

describe('送学上门 forms', () => {
  it('asks with "都行" unless told otherwise, and keeps notes short', () => {
    expect(toVisitRequestInput({ slot: 'any', note: '  ' }, 's1')).toEqual({ ok: true, value: { sessionId: 's1', slot: 'any' } });
    expect(toVisitRequestInput({ slot: 'morning', note: '妈妈这次来不了' }, undefined)).toEqual({ ok: true, value: { slot: 'morning', note: '妈妈这次来不了' } });
    expect(toVisitRequestInput({ slot: 'any', note: '长'.repeat(201) }, 's1')).toEqual({ ok: false, errors: { note: '备注：最多 200 个字' } });
  });

  it('schedules in Beijing time, checks the contact and the hours, and starts from a sensible guess', () => {
    const now = new Date('2025-11-28T02:00:00Z');
    const guess = defaultScheduleForm(visit({ slot: 'afternoon' }), now, [{ userId: 'u-lin' }]);
    expect(guess).toEqual({ contactUserId: 'u-lin', date: { year: '2025', month: '11', day: '29' }, start: { hour: '15', minute: '00' }, end: { hour: '17', minute: '00' } });
    expect(toScheduleInput(guess)).toEqual({ ok: true, value: { contactUserId: 'u-lin', windowStart: '2025-11-29T07:00:00.000Z', windowEnd: '2025-11-29T09:00:00.000Z' } });
    expect(toScheduleInput({ ...guess, contactUserId: '', end: { hour: '14', minute: '' } })).toEqual({
      ok: false,
      errors: { contactUserId: '送学联系人：请选择一位', end: '结束时间：要晚于开始时间' },
    });
    expect(toScheduleInput({ ...guess, date: { year: '2025', month: '2', day: '30' } })).toMatchObject({ ok: false, errors: { date: '日期：没有这一天，请检查年、月、日' } });
    expect(toScheduleInput({ ...guess, start: { hour: '25', minute: '' } })).toMatchObject({ ok: false, errors: { start: '开始时间：点为 0 到 23 之间的数字（下午 2 点填 14）' } });
  });

  it('requires a cancel reason', () => {
    expect(cancelReasonProblem('  ')).toBe('取消原因：请填写为什么取消');
    expect(cancelReasonProblem('身体好转')).toBeUndefined();
  });

  it('records a delivery with only the observations typed, and refuses one without content', () => {
    const now = new Date('2025-11-28T06:30:00Z');
    const form = defaultDeliverForm(now, '学习：主题党日');
    expect(form.time).toEqual({ hour: '14', minute: '30' });
    const sent = toDeliverInput({ ...form, observations: { ...form.observations, hearing: ' 右耳也听不清 ' } }, now);
    expect(sent).toEqual({ ok: true, value: { deliveredAt: '2025-11-28T06:30:00.000Z', studied: '学习：主题党日', observations: { hearing: '右耳也听不清' }, photos: [] } });
    expect(toDeliverInput({ ...form, studied: '' }, now)).toEqual({ ok: false, errors: { studied: '学习内容：请写下这次学了什么' } });
    expect(toDeliverInput({ ...form, time: { hour: '23', minute: '0' } }, now)).toEqual({ ok: false, errors: { time: '送学时间：不能晚于现在' } });
    expect(deliverErrorsFromApi({ 'observations.hearing': '听力：太长', deliveredAt: '送学时间：格式不对' })).toEqual({ hearing: '听力：太长', date: '送学时间：格式不对' });
  });
});

describe('Idempotency-Key', () => {
  it('makes keys the API accepts, different each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('sends once for a double tap, and reuses the key for a retry after a failure', async () => {
    let release!: (v: string) => void;
    const send = vi.fn((_input: string, _key: string) => new Promise<string>((r) => (release = r)));
    const keys = ['key-first-0001', 'key-second-0002'];
    const submission = createSubmission(send, () => keys.shift()!);
    const first = submission.submit('都行');
    const second = submission.submit('都行');
    expect(send).toHaveBeenCalledTimes(1);
    release('created');
    await expect(first).resolves.toBe('created');
    await expect(second).resolves.toBe('created');

    const failing = vi.fn(async (_input: string, _key: string): Promise<string> => {
      if (failing.mock.calls.length === 1) throw new Error('网络连接失败');
      return 'ok';
    });
    const retrying = createSubmission(failing, () => 'key-retry-0001');
    await expect(retrying.submit('x')).rejects.toThrow('网络连接失败');
    await expect(retrying.submit('x')).resolves.toBe('ok');
    expect(failing.mock.calls.map((c) => c[1])).toEqual(['key-retry-0001', 'key-retry-0001']);
  });

  it('takes a new key for the next record once one is saved', async () => {
    const send = vi.fn(async (_input: string, key: string) => key);
    let n = 0;
    const submission = createSubmission(send, () => `key-number-${++n}`);
    await submission.submit('a');
    submission.renew();
    await submission.submit('b');
    expect(send.mock.calls.map((c) => c[1])).toEqual(['key-number-1', 'key-number-2']);
  });

  it('keeps the key for the same content and takes a new one when the content changed (the server refuses a reused key)', async () => {
    const send = vi.fn(async (_input: { topic: string; n: number }, key: string) => key);
    let n = 0;
    const submission = createSubmission(send, () => `key-content-${++n}`);
    await submission.submit({ topic: '学习', n: 1 });
    await submission.submit({ n: 1, topic: '学习' }); // same content, other key order: a repeat
    await submission.submit({ topic: '学习党章', n: 1 }); // corrected: another request
    expect(send.mock.calls.map((c) => c[1])).toEqual(['key-content-1', 'key-content-1', 'key-content-2']);
  });
});

const entry = (over: Partial<PointsEntry>): PointsEntry => ({
  id: 'e1',
  memberId: 'm1',
  year: 2025,
  date: '2025-11-20',
  category: 'meeting',
  points: 2,
  source: 'attendance',
  reason: '党课「初心」：出席',
  recordedBy: 'u-sec',
  recordedAt: '2025-11-20T02:00:00Z',
  ...over,
});

describe('党员积分 view', () => {
  it('shows the total, each category in words with its cap, and reversed entries marked in words', () => {
    const p: MemberPoints = {
      memberId: 'm1',
      memberName: '王建国',
      year: 2025,
      base: 60,
      total: 94,
      enabled: true,
      byCategory: [
        { category: 'home_delivered', earned: 4, counted: 4, cap: null },
        { category: 'volunteer', earned: 33, counted: 30, cap: 30 },
        { category: 'meeting', earned: 0, counted: 0, cap: null },
      ],
      entries: [
        entry({ id: 'r1', points: -2, source: 'reversal', reversalOf: 'e1', reason: '记错了人' }),
        entry({ id: 'e1', reversedBy: 'r1' }),
        entry({ id: 'e2', category: 'home_delivered', source: 'visit', reason: '主题党日「送学」：送学上门' }),
      ],
    };
    const view = pointsView(p);
    expect(view.total).toBe('94');
    expect(view.base).toBe('其中每年起始分 60 分');
    expect(view.categories).toEqual(['送学上门学习：4 分', '志愿服务：30 分（全年最多计 30 分，已到上限）']);
    expect(view.entries.map((e) => [e.title, e.points, e.mark, e.reversible])).toEqual([
      ['更正：撤回2025年11月20日的加分', '扣 2 分', undefined, false],
      ['参加三会一课', '加 2 分', '已更正（这一条不再计分）', false],
      ['送学上门学习', '加 2 分', undefined, true],
    ]);
    expect(entryLine(entry({})).date).toBe('2025年11月20日 星期四');
    // A correction whose original is not in the list still says what it takes back.
    expect(entryLine(entry({ points: 3, source: 'reversal', reversalOf: 'gone' })).title).toBe('更正：撤回一条扣分');
    expect(pointsText(-4)).toBe('扣 4 分');
    expect(pointsText(0)).toBe('0 分');
  });

  it('takes the year in Beijing time', () => {
    expect(thisYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
    expect(thisYear(new Date('2025-12-31T15:00:00Z'))).toBe(2025);
  });

  it('checks a manual award: category, whole points, a reason; only a correction subtracts', () => {
    expect(toAwardInput(emptyAwardForm)).toEqual({
      ok: false,
      errors: { category: '积分类别：请选择', points: '分值：请填写', reason: '事由：请写清楚为什么记分（至少 2 个字）' },
    });
    const filled = { ...emptyAwardForm, category: 'volunteer' as const, points: '3', reason: '社区志愿服务', sign: 'subtract' as const };
    expect(toAwardInput(filled)).toEqual({ ok: true, value: { category: 'volunteer', points: 3, reason: '社区志愿服务' } });
    expect(toAwardInput({ ...filled, category: 'adjustment', date: { year: '2025', month: '3', day: '8' } })).toEqual({
      ok: true,
      value: { category: 'adjustment', points: -3, reason: '社区志愿服务', date: '2025-03-08' },
    });
    expect(toAwardInput({ ...filled, points: '2.5' })).toMatchObject({ ok: false, errors: { points: '分值：填 1 到 100 之间的整数' } });
    expect(toAwardInput({ ...filled, date: { year: '2025', month: '2', day: '30' } })).toMatchObject({ ok: false, errors: { date: expect.stringContaining('没有这一天') } });
    expect(reversalReasonProblem('错')).toBe('更正原因：请写清楚为什么更正（至少 2 个字）');
    expect(reversalReasonProblem('记错了人')).toBeUndefined();
  });
});

describe('the member’s address, for the contact at the door', () => {
  it('is sent when typed, changed as a patch, and kept short', async () => {
    const { emptyMemberForm, toCreateInput, toPatchInput, memberFormFrom } = await import('@/services/member-form');
    const form = {
      ...emptyMemberForm(),
      name: '李秀英',
      gender: 'female' as const,
      birthDate: { year: '1937', month: '11', day: '2' },
      joinedPartyOn: { year: '1958', month: '10', day: '1' },
      livingSituation: 'widowed' as const,
      address: ' 城南街道幸福里 3 号 ',
    };
    expect(toCreateInput(form)).toMatchObject({ ok: true, value: { address: '城南街道幸福里 3 号' } });
    expect(toCreateInput({ ...form, address: '长'.repeat(101) })).toMatchObject({ ok: false, errors: { address: '家庭住址：最多 100 个字' } });
    const original = { id: 'm2', branchId: 'b1', name: '李秀英', gender: 'female' as const, age: 88, livingSituation: 'widowed' as const, attendanceMode: 'home_delivered' as const, bound: true, birthDate: '1937-11-02', joinedPartyOn: '1958-10-01', address: '旧地址', version: 4, updatedAt: '2025-11-01T00:00:00Z', updatedBy: 'u' };
    expect(memberFormFrom(original).address).toBe('旧地址');
    expect(toPatchInput({ ...memberFormFrom(original), address: '新地址' }, original)).toEqual({ ok: true, value: { expectedVersion: 4, address: '新地址' } });
  });
});
