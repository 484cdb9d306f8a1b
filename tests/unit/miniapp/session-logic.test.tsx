import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockText, defaultWhen, sessionDateText, startsAtFrom, whenPartsFrom, whenText } from '@/services/session-time';
import { ManualClock } from '@ltx/shared/time/clock';
import { setDeviceClock } from '@/adapters/clock';
import { testClock } from '../../support/clock';
import { nextSession, hasStarted, offersOnlineStudy, speechTextFor } from '@/services/next-session';
import {
  attendanceSummaryText,
  channelText,
  expectedText,
  myStatusText,
  quorumText,
} from '@/services/session-words';
import { attendanceForMinutes, boardRows, everyonePresent, leaveInput, tapStatus } from '@/services/attendance-board';
import { emptySessionForm, formErrorsFromApi, partyGroupsOf, toSessionInput, withKind } from '@/services/session-form';
import { toAmendmentInput, toMinutesInput, emptyAmendment } from '@/services/minutes-form';
import { contentTypeOf, fileProblem, tidyName, uploadPicked, UploadFailed } from '@/services/upload-flow';
import { lastPlace, newestFirst, outboxOrder } from '@/services/session-list';
import { chineseVoice, webSpeechUsable } from '@/services/speech-rule';
import { createSpeech, webSpeechEngine, type SpeechEngine } from '@/adapters/speech';
import type { AttendanceEntry, MemberSession } from '@/services/types';

// 2025-12-03 is a Wednesday; 01:30 UTC is 09:30 in Beijing.
const wednesdayMorning = '2025-12-03T01:30:00.000Z';

describe('session times in Beijing time', () => {
  it('says the date with its weekday and the hour in words, whatever the phone’s zone', () => {
    expect(sessionDateText(wednesdayMorning)).toBe('2025年12月3日 星期三');
    expect(clockText(wednesdayMorning)).toBe('上午9点半');
    expect(clockText('2025-12-03T06:00:00Z')).toBe('下午2点');
    expect(clockText('2025-12-03T04:00:00Z')).toBe('中午12点');
    expect(clockText('2025-12-03T11:05:00Z')).toBe('晚上7点05分');
    // 20:00 UTC on the 2nd is already 04:00 on the 3rd in Beijing.
    expect(whenText('2025-12-02T20:00:00Z')).toBe('2025年12月3日 星期三 凌晨4点');
    expect(whenText('2025-12-02T20:05:00Z')).toBe('2025年12月3日 星期三 凌晨4点05分');
  });

  it('leaves out the year for a date in this year by the phone’s clock', () => {
    setDeviceClock(new ManualClock('2025-11-20T02:00:00.000Z'));
    try {
      expect(sessionDateText(wednesdayMorning)).toBe('12月3日 星期三');
      expect(whenText(wednesdayMorning)).toBe('12月3日 星期三 上午9点半');
      expect(sessionDateText('2026-01-07T01:00:00.000Z')).toBe('2026年1月7日 星期三');
    } finally {
      setDeviceClock(testClock);
    }
  });

  it('turns the date and time boxes into the instant in UTC, or names the box to fix', () => {
    expect(startsAtFrom({ year: '2025', month: '12', day: '3', hour: '9', minute: '30' })).toEqual({ ok: true, iso: wednesdayMorning });
    expect(startsAtFrom({ year: '2025', month: '12', day: '3', hour: '9', minute: '' })).toEqual({ ok: true, iso: '2025-12-03T01:00:00.000Z' });
    expect(startsAtFrom({ year: '2025', month: '2', day: '30', hour: '9', minute: '0' })).toMatchObject({ ok: false, problem: { field: 'date', message: '日期：没有这一天，请检查年、月、日' } });
    expect(startsAtFrom({ year: '', month: '', day: '', hour: '9', minute: '0' })).toMatchObject({ ok: false, problem: { field: 'date' } });
    expect(startsAtFrom({ year: '2025', month: '12', day: '3', hour: '24', minute: '0' })).toMatchObject({ ok: false, problem: { field: 'time' } });
    expect(startsAtFrom({ year: '2025', month: '12', day: '3', hour: '9', minute: '75' })).toMatchObject({ ok: false, problem: { field: 'time' } });
    expect(startsAtFrom({ year: '2025', month: '12', day: '3', hour: '', minute: '' })).toMatchObject({ ok: false, problem: { message: '时间：请填写几点' } });
  });

  it('fills the boxes back from an instant, and proposes a week ahead at nine', () => {
    expect(whenPartsFrom(wednesdayMorning)).toEqual({ year: '2025', month: '12', day: '3', hour: '9', minute: '30' });
    expect(defaultWhen(new Date('2025-11-26T20:00:00Z'))).toEqual({ year: '2025', month: '12', day: '4', hour: '9', minute: '00' });
  });
});

const memberSession = (over: Partial<MemberSession>): MemberSession => ({
  id: 's1',
  branchId: 'b1',
  kind: 'theme_day',
  topic: '学习全会精神',
  startsAt: wednesdayMorning,
  place: '党员活动室',
  status: 'open',
  onlineOffered: false,
  expectedCount: 8,
  attachments: [],
  myStatus: null,
  ...over,
});

describe('the member’s next session', () => {
  const now = new Date('2025-12-01T00:00:00Z');
  it('is the earliest one that has not started, whatever order the list comes in', () => {
    const list = [
      memberSession({ id: 'later', startsAt: '2025-12-20T01:00:00Z' }),
      memberSession({ id: 'past', startsAt: '2025-11-20T01:00:00Z' }),
      memberSession({ id: 'soon', startsAt: '2025-12-02T01:00:00Z' }),
    ];
    expect(nextSession(list, now)?.id).toBe('soon');
    expect(nextSession([memberSession({ startsAt: '2025-11-30T00:00:00Z' })], now)).toBeUndefined();
    expect(nextSession([], now)).toBeUndefined();
  });

  it('is today’s session once started and while open (China’s calendar) before the next one: the time for "我已学习"', () => {
    // 2025-12-01 00:00Z is 08:00 in Beijing: 07:59 Beijing the same day has started.
    const underWay = memberSession({ id: 'today', startsAt: '2025-11-30T23:59:00Z' });
    const soon = memberSession({ id: 'soon', startsAt: '2025-12-02T01:00:00Z' });
    expect(nextSession([soon, underWay], now)?.id).toBe('today');
    expect(hasStarted(underWay, now)).toBe(true);
    expect(hasStarted(soon, now)).toBe(false);
    expect(nextSession([soon, { ...underWay, status: 'closed' }], now)?.id).toBe('soon');
    // 23:00 Beijing the day before: yesterday's, not today's.
    expect(nextSession([soon, memberSession({ id: 'old', startsAt: '2025-11-30T15:00:00Z' })], now)?.id).toBe('soon');
  });

  it('offers "我已学习" when the session is online or the member studies online anyway', () => {
    expect(offersOnlineStudy({ onlineOffered: true }, 'in_person')).toBe(true);
    expect(offersOnlineStudy({ onlineOffered: false }, 'online')).toBe(true);
    expect(offersOnlineStudy({ onlineOffered: false }, 'in_person')).toBe(false);
  });

  it('reads the card aloud in whole sentences', () => {
    const text = speechTextFor(memberSession({ materialText: '全会公报。' }));
    expect(text).toBe('下一次学习：主题党日。时间：2025年12月3日 星期三，上午9点半。地点：党员活动室。主题：学习全会精神。学习材料：全会公报。');
    expect(speechTextFor(memberSession({}))).not.toContain('学习材料');
  });
});

describe('session words', () => {
  it('says the quorum with more than half, or not', () => {
    expect(quorumText({ entitled: 3, present: 2, met: true })).toBe('应到 3 人，实到 2 人，超过半数');
    expect(quorumText({ entitled: 4, present: 2, met: false })).toBe('应到 4 人，实到 2 人，未超过半数');
  });

  it('tells the member their own status in a sentence', () => {
    expect(myStatusText('excused', '腿脚不便')).toBe('您已请假：腿脚不便');
    expect(myStatusText('online', undefined, '很受教育')).toBe('您已登记网上学习。您的体会：很受教育');
    expect(myStatusText('present')).toBe('支部已登记您出席');
    expect(myStatusText(null)).toBeUndefined();
  });

  it('counts statuses, leaving out those with nobody', () => {
    const lines = [{ status: 'present' as const }, { status: 'present' as const }, { status: 'excused' as const }, { status: null }];
    expect(attendanceSummaryText(lines)).toBe('共 4 人：出席 2 人，请假 1 人，未登记 1 人');
    expect(attendanceSummaryText([])).toBe('没有应到人员');
  });

  it('explains who is expected by kind, and channels and people in words', () => {
    expect(expectedText('committee_meeting')).toContain('支委成员');
    expect(expectedText('group_meeting', '第二党小组')).toBe('应到人员：第二党小组的党员');
    expect(expectedText('theme_day')).toBe('应到人员：全体党员');
    expect(channelText('wechat')).toBe('微信提醒');
    expect(channelText('none')).toBe('需电话通知');
  });
});

const line = (memberId: string, memberName: string, status: AttendanceEntry['status'], reason?: string): AttendanceEntry => ({
  memberId,
  memberName,
  status,
  ...(reason ? { reason } : {}),
});

describe('the attendance screen', () => {
  const attendance = [line('m1', '王建国', 'present'), line('m2', '李秀英', 'excused', '住院'), line('m3', '赵德明', null)];

  it('draws each row with its status in words and the reason', () => {
    expect(boardRows(attendance).map((r) => r.line)).toEqual(['出席情况：出席', '出席情况：请假（住院）', '出席情况：未登记']);
  });

  it('marks everyone present in one write, and nothing when nobody is expected', () => {
    expect(everyonePresent({ attendance })).toEqual({
      entries: [
        { memberId: 'm1', status: 'present' },
        { memberId: 'm2', status: 'present' },
        { memberId: 'm3', status: 'present' },
      ],
    });
    expect(everyonePresent({ attendance: [] })).toBeNull();
  });

  it('asks for a reason before sending a leave; other statuses go at once', () => {
    expect(tapStatus('excused')).toEqual({ kind: 'ask-reason' });
    expect(tapStatus('online')).toEqual({ kind: 'send', input: { status: 'online' } });
    expect(leaveInput('  ')).toEqual({ ok: false, error: '请假需要填写原因' });
    expect(leaveInput(' 住院 ')).toEqual({ ok: true, input: { status: 'excused', reason: '住院' } });
    expect(leaveInput('很'.repeat(201))).toMatchObject({ ok: false });
  });

  it('gives the minutes who came and who did not, with reasons', () => {
    expect(attendanceForMinutes(attendance)).toEqual([
      { title: '出席（1 人）', names: '王建国' },
      { title: '请假（1 人）', names: '李秀英（住院）' },
      { title: '未登记（1 人）', names: '赵德明' },
    ]);
  });
});

describe('the new-session form', () => {
  const now = new Date('2025-11-26T02:00:00Z');
  const base = () => emptySessionForm({ now, secretaryName: '张卫东', lastPlace: '社区活动中心' });

  it('starts with the secretary as host and the last place, and the kind fills the template', () => {
    const f = withKind(base(), 'theme_day', now);
    expect(f).toMatchObject({ kind: 'theme_day', hostName: '张卫东', place: '社区活动中心', onlineOffered: true });
    expect(f.topic).toBe('12月主题党日：学习党的最新理论成果');
    expect(emptySessionForm({ now, secretaryName: '张卫东' }).place).toBe('党员活动室');
  });

  it('replaces a template topic on a new kind but keeps one typed by hand', () => {
    const templ = withKind(withKind(base(), 'theme_day', now), 'committee_meeting', now);
    expect(templ.topic).toBe('研究12月支部工作');
    const typed = withKind({ ...withKind(base(), 'theme_day', now), topic: '我自己写的主题' }, 'party_lecture', now);
    expect(typed.topic).toBe('我自己写的主题');
  });

  it('needs a party group for a 党小组会 and sends the time in UTC', () => {
    const group = withKind(base(), 'group_meeting', now);
    expect(toSessionInput(group)).toMatchObject({ ok: false, errors: { partyGroup: '党小组会请选择党小组' } });
    const ok = toSessionInput({ ...group, partyGroup: '第二党小组', when: { year: '2025', month: '12', day: '3', hour: '9', minute: '30' } });
    expect(ok).toEqual({
      ok: true,
      value: expect.objectContaining({ kind: 'group_meeting', partyGroup: '第二党小组', startsAt: wednesdayMorning, attachments: [], onlineOffered: false }),
    });
  });

  it('names every field to fix, in Chinese', () => {
    const r = toSessionInput({ ...base(), topic: ' ', place: '', hostName: '', when: { year: '2025', month: '13', day: '1', hour: '9', minute: '0' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toMatchObject({ kind: '会议类型：请选择', topic: expect.stringContaining('主题'), place: expect.stringContaining('地点'), hostName: expect.stringContaining('主持人'), date: expect.stringContaining('日期') });
  });

  it('puts the API’s field messages under the right boxes', () => {
    expect(formErrorsFromApi({ startsAt: '格式不正确', 'attachments.0.uploadId': '请重新上传', weird: '其他' })).toEqual({ date: '格式不正确', attachments: '请重新上传', other: '其他' });
    expect(partyGroupsOf([{ partyGroup: '第二党小组' }, {}, { partyGroup: '第一党小组' }, { partyGroup: '第二党小组' }])).toHaveLength(2);
  });
});

describe('minutes and amendments', () => {
  it('refuses empty minutes and trims what is sent', () => {
    expect(toMinutesInput({ agenda: '', content: '', decisions: '', votes: '', photos: [] })).toMatchObject({ ok: false, errors: { content: expect.stringContaining('至少') } });
    expect(toMinutesInput({ agenda: ' 一、学习 ', content: '', decisions: '', votes: '', photos: [{ uploadId: 'u1', name: 'a.png', url: 'blob:x' }] })).toEqual({
      ok: true,
      value: { agenda: '一、学习', content: '', decisions: '', votes: '', photos: [{ uploadId: 'u1', name: 'a.png' }] },
    });
  });

  it('needs a reason, and either a note or one member’s status', () => {
    expect(toAmendmentInput(emptyAmendment)).toMatchObject({ ok: false, errors: { reason: expect.any(String), note: expect.any(String) } });
    expect(toAmendmentInput({ ...emptyAmendment, reason: '会后核实', note: '补充' })).toEqual({ ok: true, value: { reason: '会后核实', note: '补充' } });
    const leave = { ...emptyAmendment, reason: '会后核实', what: 'attendance' as const, memberId: 'm1', status: 'excused' as const };
    expect(toAmendmentInput(leave)).toMatchObject({ ok: false, errors: { leaveReason: '请假需要填写原因' } });
    expect(toAmendmentInput({ ...leave, leaveReason: '住院' })).toEqual({ ok: true, value: { reason: '会后核实', attendance: { memberId: 'm1', status: 'excused', reason: '住院' } } });
  });
});

describe('uploads', () => {
  it('knows the allowed types by type or by name, and why a file is refused', () => {
    expect(contentTypeOf({ name: 'x.JPG', contentType: '' })).toBe('image/jpeg');
    expect(contentTypeOf({ name: 'x', contentType: 'application/pdf' })).toBe('application/pdf');
    expect(contentTypeOf({ name: 'x.doc', contentType: 'application/msword' })).toBeUndefined();
    expect(fileProblem({ name: 'a.doc', size: 10, contentType: '', path: '' })).toContain('只能上传');
    expect(fileProblem({ name: 'a.pdf', size: 11 * 1024 * 1024, contentType: '', path: '' })).toContain('10 MB');
    expect(tidyName('x'.repeat(100) + '.pdf', 'application/pdf')).toHaveLength(80);
  });

  it('asks for a ticket, posts the file and returns the reference; a refused post is an error in words', async () => {
    const ticket = { uploadId: 'up-1', url: 'http://x/upload', method: 'POST' as const, fields: { key: 'k' }, fileField: 'file' as const, expiresAt: '2025-12-01T00:00:00Z' };
    const createTicket = vi.fn(async () => ticket);
    const send = vi.fn(async () => 204);
    const file = { name: '会议照片.png', size: 68, contentType: 'image/png', path: 'blob:1' };
    await expect(uploadPicked(createTicket, send, file)).resolves.toEqual({ uploadId: 'up-1', name: '会议照片.png' });
    expect(createTicket).toHaveBeenCalledWith({ contentType: 'image/png', size: 68, name: '会议照片.png' });
    expect(send).toHaveBeenCalledWith(ticket, file);

    await expect(uploadPicked(createTicket, async () => 400, file)).rejects.toThrow('上传没有成功');
    await expect(uploadPicked(createTicket, async () => Promise.reject(new Error('offline')), file)).rejects.toBeInstanceOf(UploadFailed);
    createTicket.mockClear();
    await expect(uploadPicked(createTicket, send, { ...file, name: 'a.exe', contentType: '' })).rejects.toThrow('只能上传');
    expect(createTicket).not.toHaveBeenCalled();
  });
});

describe('lists', () => {
  it('puts the newest session first and remembers the last place', () => {
    const list = [{ startsAt: '2025-03-01T00:00:00Z', place: '甲' }, { startsAt: '2025-09-01T00:00:00Z', place: '乙' }];
    expect(newestFirst(list).map((s) => s.place)).toEqual(['乙', '甲']);
    expect(lastPlace(list)).toBe('乙');
    expect(lastPlace([])).toBeUndefined();
  });

  it('orders reminders: pending first, soonest first', () => {
    const e = (id: string, dueAt: string, status: string) => ({ id, dueAt, status });
    expect(outboxOrder([e('a', '2025-12-03T00:00:00Z', 'sent'), e('b', '2025-12-05T00:00:00Z', 'pending'), e('c', '2025-12-04T00:00:00Z', 'pending')]).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('reading aloud', () => {
  afterEach(() => {
    delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  });

  it('uses the browser only on H5, with speechSynthesis and at least one voice', () => {
    const withVoices = { speechSynthesis: { getVoices: () => [{ lang: 'zh-CN', name: 'Ting-Ting' }] } };
    expect(webSpeechUsable('h5', withVoices)).toBe(true);
    expect(webSpeechUsable('weapp', withVoices)).toBe(false);
    expect(webSpeechUsable('h5', { speechSynthesis: { getVoices: () => [] } })).toBe(false);
    expect(webSpeechUsable('h5', {})).toBe(false);
    expect(webSpeechUsable('h5', undefined)).toBe(false);
  });

  it('prefers a Chinese voice', () => {
    expect(chineseVoice([{ lang: 'en-US' }, { lang: 'zh-TW' }, { lang: 'zh-CN' }])).toEqual({ lang: 'zh-CN' });
    expect(chineseVoice([{ lang: 'en-US' }])).toBeUndefined();
  });

  it('reports the browser engine unavailable without voices and available with them', () => {
    expect(webSpeechEngine.available()).toBe(false);
    const voices: { lang: string; name: string }[] = [];
    Object.assign(window, { speechSynthesis: { getVoices: () => voices, cancel() {}, speak() {} } });
    expect(webSpeechEngine.available()).toBe(false);
    voices.push({ lang: 'zh-CN', name: 'Ting-Ting' });
    expect(webSpeechEngine.available()).toBe(true);
  });

  it('lets another engine (WeChat plugin, server voice) take over without the pages changing', () => {
    const off: SpeechEngine = { available: () => false, speak: vi.fn(), stop: vi.fn() };
    const on: SpeechEngine = { available: () => true, speak: vi.fn(), stop: vi.fn() };
    expect(createSpeech([off]).available()).toBe(false);
    expect(createSpeech([off]).speak('你好')).toBe(false);
    const speech = createSpeech([off, on]);
    expect(speech.speak('你好')).toBe(true);
    expect(on.speak).toHaveBeenCalledWith('你好', {});
    expect(off.speak).not.toHaveBeenCalled();
  });
});
