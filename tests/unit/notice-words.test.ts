import { describe, expect, it } from 'vitest';
import type { Notice } from '@ltx/shared/schemas/notice';
import { chinaInstant } from '@ltx/shared/time/china-day';
import { noticeWords } from '@ltx/shared/wording/notice-words';

/** 变动通知 as the member and her daughter read it: what changed, why, who told them; never a code. */
const at = (y: number, mo: number, d: number, h = 0, mi = 0) => chinaInstant(y, mo, d, h, mi);
const today = at(2026, 12, 1, 10);
const base: Notice = { id: 'n1', memberId: 'm-1', kind: 'visit_cancelled', at: at(2026, 12, 1, 9, 5), byName: '张卫东', byRole: 'secretary' };

describe('change notices in words', () => {
  it('says a visit scheduled: who comes, the day and the hours', () => {
    const w = noticeWords({ ...base, kind: 'visit_scheduled', contactName: '林小红', to: { startsAt: at(2026, 12, 3, 9), endsAt: at(2026, 12, 3, 11) } }, { today });
    expect(w).toEqual({ title: '送学上门安排好了', lines: ['林小红将在12月3日 星期四 上午9点到11点上门送学。'], told: '支部书记张卫东 12月1日告知' });
  });

  it('says a visit moved: as it was, as it is now, and the reason', () => {
    const w = noticeWords({
      ...base, kind: 'visit_moved', contactName: '林小红', reason: '联系人那天要去医院',
      from: { startsAt: at(2026, 12, 3, 9), endsAt: at(2026, 12, 3, 11) }, to: { startsAt: at(2026, 12, 4, 15), endsAt: at(2026, 12, 4, 16, 30) },
    }, { today });
    expect(w.title).toBe('送学上门改时间了');
    expect(w.lines).toEqual(['原来定的是12月3日 星期四 上午9点到11点。', '改为12月4日 星期五 下午3点到4点半，林小红上门。']);
    expect(w.reason).toBe('原因：联系人那天要去医院');
  });

  it('says a visit cancelled, with or without its time, and next year with the year', () => {
    expect(noticeWords({ ...base, reason: '老人已住院', from: { startsAt: at(2027, 1, 5, 9), endsAt: at(2027, 1, 5, 11) } }, { today }).lines)
      .toEqual(['原来定在2027年1月5日 星期二 上午9点到11点的送学上门不来了。']);
    expect(noticeWords({ ...base, sessionKind: 'party_lecture', sessionTopic: '学习全会精神' }, { today }).lines).toEqual(['这次党课「学习全会精神」的送学上门不来了。']);
  });

  it('says a session moved in time, or only in place', () => {
    const moved = noticeWords({
      ...base, kind: 'session_moved', sessionKind: 'theme_day', sessionTopic: '重温入党誓词', reason: '活动室装修',
      from: { startsAt: at(2026, 12, 8, 9, 30), place: '社区党员活动室' }, to: { startsAt: at(2026, 12, 9, 14, 30), place: '老干部活动中心二楼' },
    }, { today });
    expect(moved.title).toBe('主题党日改时间了');
    expect(moved.lines).toEqual(['主题党日「重温入党誓词」原来定在12月8日 星期二 上午9点半，在社区党员活动室。', '改为12月9日 星期三 下午2点半，在老干部活动中心二楼。']);
    const placeOnly = noticeWords({
      ...base, kind: 'session_moved', sessionKind: 'group_meeting', from: { startsAt: at(2026, 12, 8, 9), place: '活动室' }, to: { startsAt: at(2026, 12, 8, 9), place: '王建国家' },
    }, { today });
    expect(placeOnly.title).toBe('党小组会换地方了');
  });

  it('names whoever told them by role and name, never an account or a code', () => {
    for (const kind of ['visit_scheduled', 'visit_moved', 'visit_cancelled', 'session_moved'] as const) {
      const w = noticeWords({ ...base, kind, byRole: 'admin', byName: '李明', from: { startsAt: at(2026, 12, 8, 9) }, to: { startsAt: at(2026, 12, 9, 9) } }, { today });
      expect(w.told).toBe('管理员李明 12月1日告知');
      expect(Object.values(w).flat().join('')).not.toMatch(/[a-z]{3,}|undefined|m-1|n1/);
    }
  });
});
