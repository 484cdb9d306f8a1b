import { afterEach, describe, expect, it } from 'vitest';
import { auditActions, auditSentence, type AuditAction, type AuditEntry } from '@ltx/shared/domain/audit-sentences';
import { periodWords } from '@ltx/shared/domain/periods';

const at = '2026-11-03T01:30:00.000Z'; // 09:30 in Beijing
const actorId = 'e6f11ad0-5b8c-4a43-9d3e-0c1f2a3b4c5d';
const targetId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const session = { kind: 'branch_general_meeting', startsAt: '2026-11-03T01:00:00.000Z', topic: '学习党章' } as const;

/** An entry as written now: the actor, the target and the details named at write time. */
function full(action: AuditAction): AuditEntry {
  const [type] = action.split('.');
  return {
    at, actorUserId: actorId, action, targetType: type === 'attendance' ? 'session' : type!, targetId,
    actorName: '吴淑珍', actorRole: 'secretary', memberName: '王建国', session,
    fields: action.startsWith('member.') ? ['phone', 'livingSituation'] : action === 'session.update' ? ['place', 'startsAt'] : undefined,
    lines: [{ name: '王建国', status: 'present' }, { name: '李秀英', status: 'excused' }],
    points: { category: 'volunteer', points: action === 'points.reverse' ? -5 : 5 },
    visit: { from: 'requested', to: 'scheduled', windowStart: '2026-11-05T06:00:00.000Z' },
    period: '2026-Q4', item: '补开九月支委会', itemCount: 2, inviteKind: 'proxy',
    staff: { name: '李明', role: 'inspector', scope: '某市委老干部局', from: { role: 'contact', scope: '第一支部' } }, orgName: '某市委老干部局',
    roster: { created: 28, updated: 2 }, consent: { way: 'secretary_paper' }, careCard: { items: ['emergencyContacts', 'medicines'] }, deletion: { reason: 'family_request' },
    rules: { kind: 'frequency', org: '城北党工委' }, call: { reminder: 'session_tomorrow', quietUntil: '2026-12-03' }, feedback: { kind: 'complaint', senderName: '王建国' },
    ...(type === 'branch' ? { hierarchy: { name: '第三支部', parent: '城北党工委', from: action === 'branch.rename' ? '第三党支部' : '城南党工委', to: '城北党工委', on: '2026-11-03' } } : {}),
    ...(type === 'org' && action !== 'org.create' ? { hierarchy: { name: '某市委老干部局', from: '某市老干部局', on: '2026-11-03' } } : {}),
  };
}

/** An entry as written before names were carried: ids and codes only (attendance listed member ids). */
function bare(action: AuditAction): AuditEntry {
  return {
    at, actorUserId: actorId, action, targetType: action.split('.')[0]!, targetId: action === 'period.signoff' ? 'not-a-period' : targetId,
    ...(action === 'attendance.mark' || action.startsWith('member.') ? { fields: [targetId, 'healthConsent', 'expectedVersion'] } : {}),
  };
}

/** What no reader may meet: Latin letters (ids, enum values, English), long digit runs, code punctuation. */
const codeLike = /[A-Za-z_#]|\d{5,}|[0-9a-f]{8}-/;

describe('audit sentences', () => {
  afterEach(() => {
    delete process.env.TZ;
  });

  it.each(auditActions)('%s reads as a Chinese sentence with names, and without them when an old entry has none', (action) => {
    const sentence = auditSentence(full(action));
    expect(sentence, sentence).not.toMatch(codeLike);
    expect(sentence.startsWith('2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）')).toBe(true);
    expect(sentence.endsWith('。')).toBe(true);
    // Each names its target: the member, the session, the item or the period.
    const names: Partial<Record<string, string>> = { member: '王建国', consent: '王建国', careCard: '王建国', binding: '王建国', points: '王建国', visit: '王建国', session: '支部党员大会（11月3日 星期二）「学习党章」', attendance: '支部党员大会（11月3日 星期二）', rectification: '补开九月支委会', review: '2026年第四季度', period: '2026年第四季度', staff: '某市委老干部局的督导', org: '「某市委老干部局」', branch: '「第三支部」', roster: '导入花名册：新建 28 人，更新 2 人', rules: '「城北党工委」的组织生活频次要求', feedback: '投诉', console: '在电脑上登录了网页版' };
    expect(sentence).toContain(names[action.split('.')[0]!]);

    const old = auditSentence(bare(action));
    expect(old, old).not.toMatch(codeLike);
    expect(old.startsWith('2026年11月3日 星期二 上午9点半 一位用户')).toBe(true);
    expect(auditSentence(bare(action), '张卫东').startsWith('2026年11月3日 星期二 上午9点半 张卫东')).toBe(true);
    const fallback: Partial<Record<string, string>> = { member: action === 'member.create' ? '一位新党员' : '一位党员', consent: '一位党员', careCard: '一位党员', binding: '一位党员', points: '一位党员', visit: '一位党员', session: '一次组织生活', attendance: '一次组织生活', rectification: '一项整改事项', review: '本期', period: '本期', staff: '一项职务', org: '一个组织', branch: '支部', roster: '导入了花名册', rules: '本组织的规定', feedback: '意见反馈', console: '在电脑上登录了网页版' };
    expect(old).toContain(fallback[action.split('.')[0]!]);
  });

  it('says who did what to whom, when, in full', () => {
    const attendance: AuditEntry = { ...bare('attendance.mark'), actorName: '吴淑珍', actorRole: 'secretary', session: { kind: 'branch_general_meeting', startsAt: '2026-11-03T01:00:00.000Z' }, lines: [{ name: '王建国', status: 'present' }] };
    delete attendance.fields;
    expect(auditSentence(attendance)).toBe('2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）为王建国登记了出席：支部党员大会（11月3日 星期二）。');
    expect(auditSentence(full('attendance.mark'))).toBe('2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）为王建国登记了出席，为李秀英登记了请假：支部党员大会（11月3日 星期二）「学习党章」。');
    expect(auditSentence(full('points.award'))).toBe('2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）为王建国记录了积分：志愿服务 加 5 分。');
    expect(auditSentence(full('points.reverse'))).toBe('2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）更正了王建国的一笔积分（撤回原来的一条）：志愿服务 扣 5 分。');
    expect(auditSentence(full('member.update'))).toBe('2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）修改了王建国的信息：手机号、居住情况。');
    expect(auditSentence(full('visit.schedule'))).toBe('2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）安排了为王建国送学上门，上门时间 11月5日 星期四 下午2点（由“已申请，待安排”改为“已安排”）。');
    expect(auditSentence({ ...full('period.signoff'), actorName: '周明', actorRole: 'inspector' })).toBe('2026年11月3日 星期二 上午9点半 周明（督导）签字确认了2026年第四季度的台账。');
    expect(auditSentence(full('member.call'))).toBe('2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）记录了已与王建国电话联系（电话通知了开会前一天提醒），2026年12月3日前不再提醒。');
    expect(auditSentence({ ...full('member.call'), call: { quietUntil: '2026-12-03' } })).toBe('2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）记录了已与王建国电话联系，2026年12月3日前不再提醒。');
    expect(auditSentence(full('member.invite'))).toContain('为王建国生成了家属代办绑定邀请码');
    expect(auditSentence(full('consent.give'))).toBe('2026年11月3日 星期二 上午9点半 吴淑珍（支部书记）登记了王建国同意保存健康和照护信息（凭本人签字的同意书）。');
    expect(auditSentence({ ...full('consent.withdraw'), actorName: '刘芳', actorRole: 'proxy' })).toBe('2026年11月3日 星期二 上午9点半 刘芳（家属代办）登记了王建国撤回保存健康和照护信息的同意，健康和照护信息已删除。');
    expect(auditSentence({ ...full('careCard.edit'), actorName: '刘芳', actorRole: 'proxy' })).toBe('2026年11月3日 星期二 上午9点半 刘芳（家属代办）修改了王建国的爱心卡，卡上印：姓名、所在支部、常用药、紧急联系人。');
    const own = { ...full('visit.request'), actorName: '王建国', actorRole: 'member' as const, session: { topic: '学习党章' } };
    expect(auditSentence(own)).toBe('2026年11月3日 星期二 上午9点半 王建国（党员）申请了送学上门：组织生活「学习党章」。');
    expect(auditSentence({ ...own, actorName: '刘芳', actorRole: 'proxy' })).toBe('2026年11月3日 星期二 上午9点半 刘芳（家属代办）为王建国申请了送学上门：组织生活「学习党章」。');
  });

  it('tells a member\'s ways back: a changed status, leave or online study taken back, a request withdrawn, nobody came', () => {
    const member = { actorName: '王建国', actorRole: 'member' as const, session: { kind: 'branch_general_meeting' as const, startsAt: '2026-11-03T01:00:00.000Z' } };
    expect(auditSentence({ ...full('attendance.mark'), ...member, lines: [{ name: '王建国', status: 'online', from: 'excused' }] })).toBe('2026年11月3日 星期二 上午9点半 王建国（党员）把王建国的请假改为网上自学：支部党员大会（11月3日 星期二）。');
    // The same status again (a reason edited) is not a change of mind.
    expect(auditSentence({ ...full('attendance.mark'), ...member, lines: [{ name: '王建国', status: 'excused', from: 'excused' }] })).toBe('2026年11月3日 星期二 上午9点半 王建国（党员）为王建国登记了请假：支部党员大会（11月3日 星期二）。');
    expect(auditSentence({ ...full('attendance.withdraw'), ...member, lines: [{ name: '王建国', status: 'excused' }] })).toBe('2026年11月3日 星期二 上午9点半 王建国（党员）撤销了王建国的请假：支部党员大会（11月3日 星期二）。');
    expect(auditSentence({ ...full('attendance.withdraw'), actorName: '刘芳', actorRole: 'proxy', lines: [{ name: '王建国', status: 'online' }] })).toContain('刘芳（家属代办）撤销了王建国的网上自学');
    const visit = { ...full('visit.withdraw'), actorName: '刘芳', actorRole: 'proxy' as const, session: { topic: '学习党章' }, visit: { from: 'scheduled' as const, to: 'cancelled' as const } };
    expect(auditSentence(visit)).toBe('2026年11月3日 星期二 上午9点半 刘芳（家属代办）撤回了王建国的送学上门申请：组织生活「学习党章」（由“已安排”改为“已取消”）。');
    expect(auditSentence({ ...visit, action: 'visit.reportMissed', visit: { from: 'delivered', to: 'requested' } })).toBe('2026年11月3日 星期二 上午9点半 刘芳（家属代办）告知支部：没有人来为王建国送学上门，请重新安排：组织生活「学习党章」。');
  });

  it('tells the hierarchy\'s changes in the names of the day', () => {
    const admin = { at, actorUserId: actorId, actorName: '郑国强', actorRole: 'admin' as const, targetId };
    const head = '2026年11月3日 星期二 上午9点半 郑国强（管理员）';
    expect(auditSentence({ ...admin, action: 'org.create', targetType: 'org', hierarchy: { name: '城北党工委', kindText: '党工委', parent: '市工委' } })).toBe(`${head}在「市工委」下设立了党工委「城北党工委」。`);
    expect(auditSentence({ ...admin, action: 'branch.create', targetType: 'branch', hierarchy: { name: '第三支部', parent: '城北党工委' } })).toBe(`${head}在「城北党工委」下设立了支部「第三支部」。`);
    expect(auditSentence({ ...admin, action: 'org.rename', targetType: 'org', hierarchy: { name: '城北党委', kindText: '党委', from: '城北党工委' } })).toBe(`${head}把党委「城北党工委」更名为「城北党委」。`);
    expect(auditSentence({ ...admin, action: 'rules.set', targetType: 'org', rules: { kind: 'points', org: '城北党工委', points: 'off' } })).toBe(`${head}停止了「城北党工委」的积分管理（不实行积分管理）。`);
    expect(auditSentence({ ...admin, action: 'rules.set', targetType: 'org', rules: { kind: 'points', org: '城北党工委', points: 'on' } })).toBe(`${head}恢复了「城北党工委」的积分管理。`);
    expect(auditSentence({ ...admin, action: 'rules.revert', targetType: 'org', rules: { kind: 'visits', org: '城北党工委' } })).toBe(`${head}让「城北党工委」的送学上门规定恢复沿用上级规定。`);
    expect(auditSentence({ ...admin, action: 'branch.close', targetType: 'branch', hierarchy: { name: '第三支部', on: '2026-11-03' } })).toBe(`${head}撤销了支部「第三支部」（2026年11月3日）。`);
    expect(auditSentence({ ...admin, action: 'branch.move', targetType: 'branch', hierarchy: { name: '第三支部', from: '城南党工委', to: '城北党工委' } })).toBe(`${head}把支部「第三支部」从「城南党工委」调整到「城北党工委」。`);
  });

  it('counts the rest when many are marked at once', () => {
    const lines = ['甲一', '乙二', '丙三', '丁四', '戊五', '己六', '庚七'].map((name) => ({ name, status: 'present' as const }));
    expect(auditSentence({ ...full('attendance.mark'), lines })).toContain('为甲一、乙二、丙三、丁四、戊五等 7 人登记了出席');
  });

  it('never shows a code, even for an action it does not know', () => {
    const odd = { ...bare('member.create'), action: 'something.new' } as unknown as AuditEntry;
    expect(auditSentence(odd)).toBe('2026年11月3日 星期二 上午9点半 一位用户做了一项记录。');
  });

  it('tells the time in Beijing whatever the machine’s zone, across midnight and the year’s end', () => {
    const late = { ...bare('member.create'), at: '2026-12-31T15:50:00.000Z', session: { kind: 'branch_general_meeting' as const, startsAt: '2026-12-31T16:10:00.000Z' } };
    for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      expect(auditSentence(late).startsWith('2026年12月31日 星期四 晚上11点50分 ')).toBe(true);
      // The session ten minutes later is in the next year, so its date says the year.
      expect(auditSentence({ ...late, action: 'attendance.mark' })).toContain('（2027年1月1日 星期五）');
    }
  });

  it('says periods in words', () => {
    expect(periodWords('2026-11')).toBe('2026年11月');
    expect(periodWords('2026-Q1')).toBe('2026年第一季度');
    expect(periodWords('2026')).toBe('2026年全年');
    expect(periodWords('2026-13')).toBe('2026-13');
  });
});
