import type { Actor } from '@ltx/shared/domain/roles';
import type { AppContext } from '../functions/src/context';
import { systemClock, type Clock } from '@ltx/shared/time/clock';
import { demoOrg, demoUsers } from './demo-data';

const day = 86_400_000;

/**
 * A few months of branch life for `npm start`, written through the real services so the demo
 * shows what the product would hold: a closed theme day with minutes, a committee meeting, the
 * next study with its material, a 送学上门 request scheduled with the paired contact, points, and a
 * member quiet for months (the early warning). Tests start without it, from the bare seed.
 */
export async function seedDemoHistory(ctx: AppContext, clock: Clock = systemClock): Promise<void> {
  /** Half past `hour` in China, `days` from the clock's today. */
  const at = (days: number, hour = 9) => {
    const d = new Date(clock.now().getTime() + days * day);
    d.setUTCHours(hour - 8, 30, 0, 0);
    return d.toISOString();
  };
  const user = (account: string) => demoUsers.find((u) => u.account === account)!;
  const secretary: Actor = { userId: user('secretary-1').userId, role: 'secretary', orgId: demoOrg.id, branchId: 'br-1' };
  const secretary2: Actor = { userId: user('secretary-2').userId, role: 'secretary', orgId: demoOrg.id, branchId: 'br-2' };
  const contact: Actor = { userId: user('contact-1').userId, role: 'contact', orgId: demoOrg.id, branchId: 'br-1' };
  const members = await ctx.members.list(secretary, 'br-1');
  const id = (name: string) => members.find((m) => m.name === name)!.id;
  const proxy: Actor = { userId: user('proxy-liu').userId, role: 'proxy', orgId: demoOrg.id, branchId: 'br-1', memberId: id('李秀英') };
  const plan = (actor: Actor, branchId: string, kind: Parameters<AppContext['sessions']['create']>[2]['kind'], topic: string, startsAt: string, extra = {}) =>
    ctx.sessions.create(actor, branchId, { kind, topic, startsAt, place: '社区党员活动室', hostName: '张卫东', recorderName: '吴淑珍', attachments: [], onlineOffered: true, ...extra });

  // Seven months ago 孙桂兰 still came; she has not taken part since: the early warning shows her.
  const old = await plan(secretary, 'br-1', 'theme_day', '重温入党誓词', at(-210));
  await ctx.sessions.markMany(secretary, old.id, { entries: old.attendance.map((a) => ({ memberId: a.memberId, status: 'present' as const })) });

  const committee = await plan(secretary, 'br-1', 'committee_meeting', '研究本季度组织生活安排', at(-20, 15));
  await ctx.sessions.markMany(secretary, committee.id, { entries: committee.attendance.map((a) => ({ memberId: a.memberId, status: 'present' as const })) });

  const last = await plan(secretary, 'br-1', 'theme_day', '学习贯彻党的二十届四中全会精神', at(-10), { materialText: '全会公报要点：……' });
  await ctx.sessions.markMany(secretary, last.id, {
    entries: last.attendance
      .filter((a) => !['孙桂兰'].includes(a.memberName))
      .map((a) => ({
        memberId: a.memberId,
        status: a.memberName === '赵德明' || a.memberName === '冯玉梅' ? ('online' as const) : a.memberName === '周志刚' ? ('excused' as const) : ('present' as const),
        ...(a.memberName === '周志刚' ? { reason: '住院治疗' } : {}),
      })),
  });
  await ctx.sessions.writeMinutes(secretary, last.id, {
    agenda: '一、传达学习全会精神；二、交流学习体会', content: '张卫东同志领学公报，大家结合自身经历交流体会。', decisions: '下月开展走访慰问困难党员活动', votes: '', photos: [],
  });
  await ctx.sessions.close(secretary, last.id);

  const next = await plan(secretary, 'br-1', 'theme_day', '重阳敬老，学习新时代老干部工作要求', at(3), {
    materialText: '学习材料：一、关于新时代老干部工作的意见（节选）；二、本支部年度工作安排。请提前阅读，看不清的同志可点“读给我听”。',
  });
  // 李秀英 is bedridden: her daughter asks for the study at home, the secretary schedules 林小红.
  const visit = await ctx.visits.request(proxy, id('李秀英'), { sessionId: next.id, slot: 'afternoon', note: '妈妈下午精神好一些' }, 'demo-visit-li-0001');
  await ctx.visits.schedule(secretary, visit.visit.id, { contactUserId: contact.userId, windowStart: at(2, 15), windowEnd: at(2, 17) });

  await ctx.points.award(secretary, id('王建国'), { category: 'volunteer', points: 3, reason: '参加社区垃圾分类宣传志愿服务' }, 'demo-points-wang-01');

  const b2 = await plan(secretary2, 'br-2', 'committee_meeting', '研究发展党员工作', at(-15, 15), { hostName: '陈丽华', recorderName: '马红梅' });
  await ctx.sessions.markMany(secretary2, b2.id, { entries: b2.attendance.map((a) => ({ memberId: a.memberId, status: 'present' as const })) });
}
