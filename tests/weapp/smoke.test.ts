import { describe, expect, it } from 'vitest';
import { Branch, Invite, Me, MemberDetail, MemberSummary } from '@ltx/shared';
import { BranchOverview, MemberSession, OutboxEntry, SessionDetail, UploadTicket } from '@ltx/shared/schemas/session';
import { ContactVisit, VisitRequest } from '@ltx/shared/schemas/visit';
import { BranchPoints, MemberPoints, PointsEntry } from '@ltx/shared/schemas/points';
import { attendanceModeLabels } from '@ltx/shared/labels';
import { roles, type Role } from '@ltx/shared/domain/roles';
import { operatorMissingWords } from '@ltx/shared/domain/privacy-policy';
import { BRANCH, fixtures, meFor, ORG } from './support/api-fixtures';
import { copiesForThisFile, pageRoutes, readAppJson } from './support/build-dir';
import { describeFindings } from './support/findings';
import { runSmoke, type PageExpectation, type SmokeInput } from './support/smoke';
import { makePageThrow } from './support/variants';
import { speechTextFor } from '../../miniapp/src/services/next-session';
import { speechChunks } from '../../miniapp/src/services/speech-chunks';

/**
 * The headless smoke run of the weapp runtime: app.js and every page of app.json under a stubbed
 * `wx`, with the fake API of support/fake-api.ts. Catches what no compiler sees: a page that
 * throws while rendering, or renders without its content.
 */

const member = fixtures.member.name;
/** Key texts per page: a fixed label of the page and a text that only arrives through the API. */
const pages: Record<string, PageExpectation> = {
  'pages/login/index': { texts: ['离退休干部党支部'] },
  'pages/home/index': {
    role: 'member',
    texts: [member, attendanceModeLabels[fixtures.member.attendanceMode], '送学上门', '我的积分', `已送学上门（${fixtures.memberVisit.sessionTopic}）。请确认是否已经送到。`, '确认已送学'],
  },
  'pages/bind/index': { role: 'visitor', texts: ['绑定党员档案', '邀请码'] },
  // Opened by scanning the web console's code: its scene arrives in the page's options.
  'pages/console-login/index': { role: 'secretary', query: { scene: 'A'.repeat(32) }, texts: ['在电脑上登录 李书记（支部书记）？', '确认登录'] },
  'packages/branch/pages/members/index': { role: 'secretary', texts: ['党员名单', fixtures.members[1]!.name] },
  'packages/branch/pages/member-detail/index': { role: 'secretary', query: { id: fixtures.member.id }, texts: [member, '微信绑定邀请码'] },
  'packages/branch/pages/member-edit/index': { role: 'secretary', query: { id: fixtures.member.id }, texts: [`修改：${member}`] },
  'packages/inspector/pages/branches/index': { role: 'inspector', texts: [`${ORG.name} 各支部`, BRANCH.name] },
  // Organisational life and 送学上门 (pages still being written: fixture texts first, few labels).
  'pages/visit-request/index': { role: 'member', query: { session: fixtures.session.id }, texts: ['请支部送学上门', `主题：${fixtures.session.topic}`, '提交申请'] },
  'pages/points/index': { role: 'member', texts: ['我的积分', `${fixtures.memberPoints.total} 分`, fixtures.pointsEntry.reason] },
  'packages/branch/pages/visits/index': { role: 'secretary', texts: ['送学上门', fixtures.visit.memberName, fixtures.visit.statusText] },
  'packages/branch/pages/contact-home/index': { role: 'contact', texts: ['我的送学任务', '党员名单'] },
  'packages/branch/pages/my-visits/index': { role: 'contact', texts: ['我的送学任务', fixtures.contactVisit.address!, `☎ 打电话给${fixtures.visit.memberName}`] },
  // WeChat cannot print: the handout shows in large print and says where to print it.
  'packages/branch/pages/visit-handout/index': { role: 'contact', query: { id: fixtures.visit.id }, texts: ['大字学习材料', fixtures.session.topic, fixtures.sessionDetail.materialText!, '微信里不能打印'] },
  'packages/branch/pages/visit-deliver/index': { role: 'contact', query: { id: fixtures.visit.id }, texts: [`记录送学：${fixtures.visit.memberName}`, '保存送学记录'] },
  'packages/branch/pages/points/index': { role: 'secretary', texts: ['党员积分', fixtures.branchPoints.rows[0]!.name, '点一位党员'] },
  'packages/branch/pages/member-points/index': { role: 'secretary', query: { id: fixtures.member.id }, texts: [`${fixtures.member.name} 的积分`, '更正这一条（撤回）'] },
  'packages/branch/pages/home/index': { role: 'secretary', texts: [BRANCH.name, fixtures.session.topic, fixtures.overview.quietMembers[0]!.name, '送学上门：未完成 1 件。都在期限内。', '党员积分'] },
  'packages/branch/pages/sessions/index': { role: 'secretary', texts: ['组织生活记录', fixtures.session.topic] },
  'packages/branch/pages/session-new/index': { role: 'secretary', texts: ['新建组织生活'] },
  'packages/branch/pages/session/index': { role: 'secretary', query: { id: fixtures.session.id }, texts: [fixtures.session.topic, fixtures.sessionDetail.place] },
  'packages/branch/pages/outbox/index': { role: 'secretary', texts: ['待发提醒', fixtures.outbox[0]!.memberName] },
  'packages/about/pages/privacy/index': { role: 'member', texts: ['个人信息保护政策', '二、收集哪些信息', '四、谁能看到', operatorMissingWords, '返回'] },
};
// One tap through Taro's event handler, answered by the fake API: the member's 送学上门 request.
// The home page's "送学上门" button only navigates (wx.navigateTo, which the stub records), so the
// tap is the one that sends: "提交申请" on the page it opens, which then shows the answer in words.
const tap = { route: 'pages/visit-request/index', label: '提交申请', expect: '已申请，等支部安排' };
/**
 * WeChat's privacy check, for a contact who has not agreed to the 隐私保护指引 yet: "上传照片" on the visit record calls
 * chooseMedia, which WeChat holds while the popup shows; "同意，继续" (open-type agreePrivacyAuthorization) lets it run.
 */
const privacyPopup = ['请先看一下隐私保护指引', '您要选一张照片。按微信的规定，要先征得您的同意。', '不同意的话，这次不能上传照片；其他功能照常使用。'];
const privacy = { route: 'packages/branch/pages/visit-deliver/index', label: '上传照片', popup: privacyPopup, agree: '同意，继续', after: '第 1 张：照片' };
/** "读给我听" on the member's home: WeChat's 同声传译 plugin (stubbed, wx-speech.ts) must be asked for the card's text, in chunks. */
const speech = { route: 'pages/home/index', label: '读给我听' };

/** A page added since this list was written still runs, signed in as whoever its package serves, and must show some Chinese. */
const guessRole = (route: string): Role =>
  route.startsWith('packages/branch/') ? 'secretary' : route.startsWith('packages/inspector/') ? 'inspector' : 'member';

const plan = (dir: string): SmokeInput => {
  const all = pageRoutes(readAppJson(dir)).map((route) => [route, pages[route] ?? { role: guessRole(route), texts: [] }]);
  return { dir, pages: Object.fromEntries(all), tap, privacy, speech };
};

const copy = copiesForThisFile();

describe('the fake API', () => {
  it('answers in the shapes of the real API', () => {
    for (const role of roles) Me.parse(meFor(role));
    fixtures.members.forEach((m) => MemberSummary.parse(m));
    MemberDetail.parse(fixtures.memberDetail);
    Branch.parse(fixtures.branch);
    Invite.parse(fixtures.invite);
    SessionDetail.parse(fixtures.sessionDetail);
    MemberSession.parse(fixtures.memberSession);
    BranchOverview.parse(fixtures.overview);
    fixtures.outbox.forEach((o) => OutboxEntry.parse(o));
    VisitRequest.parse(fixtures.visit);
    VisitRequest.parse(fixtures.memberVisit);
    ContactVisit.parse(fixtures.contactVisit);
    MemberPoints.parse(fixtures.memberPoints);
    BranchPoints.parse(fixtures.branchPoints);
    PointsEntry.parse(fixtures.pointsEntry);
    UploadTicket.parse(fixtures.uploadTicket);
  });
});

describe('smoke run of the weapp runtime', () => {
  it('opens every page of the real build: no throw, key texts rendered, one tap answered, the card read aloud', async () => {
    const dir = copy('smoke');
    const unlisted = pageRoutes(readAppJson(dir)).filter((r) => !pages[r]);
    // A new page still runs (it must throw nothing and show some Chinese); list its texts above.
    if (unlisted.length) console.warn(`[weapp] pages with no key texts listed in smoke.test.ts: ${unlisted.join(', ')}`);
    const result = await runSmoke(plan(dir));
    console.log(`[weapp] smoke: ${result.ms} ms for ${result.pages.length} pages; wx calls ${JSON.stringify(result.wxCalls)}`);
    if (result.notes.length) console.warn(`[weapp] smoke notes:\n${result.notes.join('\n')}`);
    expect(result.findings, describeFindings(result.findings)).toEqual([]);
    expect(result.pages.map((p) => p.route)).toEqual(pageRoutes(readAppJson(dir)));
    expect(result.afterTap.some((t) => t.includes('已申请，等支部安排'))).toBe(true);
    // The type size follows WeChat's font setting, read through getAppBaseInfo (getSystemInfoSync is deprecated).
    expect(result.wxCalls.getAppBaseInfo).toBeGreaterThan(0);
    // "读给我听" in WeChat: the 同声传译 plugin, declared in app.json, asked for the card's text chunk by chunk, each played in turn.
    expect(readAppJson(dir).plugins?.WechatSI?.provider).toBe('wx069ba97219f66d99');
    const chunks = speechChunks(speechTextFor(fixtures.memberSession));
    expect(chunks.length).toBeGreaterThan(1);
    expect(result.speech?.plugins).toContain('WechatSI');
    expect(result.speech?.asked).toEqual(chunks);
    expect(result.speech?.played).toEqual(chunks.map((_, i) => `https://tts.smoke/${i + 1}.mp3`));
    expect(result.wxCalls.createInnerAudioContext).toBe(1);
  });

  it('holds a privacy API back until the person agrees in the popup, then lets it run', async () => {
    const dir = copy('privacy');
    const { findings, privacy: step } = await runSmoke(plan(dir));
    expect(findings, describeFindings(findings)).toEqual([]);
    // WeChat asked once, for the photo chooser, and nothing ran before the agreement.
    expect(step?.log.asked).toEqual(['chooseMedia']);
    expect(step?.ranBeforeAgreement).toBe(false);
    for (const text of privacyPopup) expect(step?.popup.some((t) => t.includes(text)), text).toBe(true);
    // The agree button is WeChat's own kind, and the app named it when it resolved.
    expect(step?.agreeButton).toEqual({ id: 'privacy-agree', openType: 'agreePrivacyAuthorization', bindsAgree: true });
    expect(step?.log.answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'privacy-agree' }]);
    expect(step?.log.released).toEqual(['chooseMedia']);
    expect(step?.log.refused).toEqual([]);
    expect(step?.log.unguarded).toEqual([]);
    // The popup is gone and the chosen photo went through the upload onto the visit record.
    expect(step?.afterAgree.some((t) => t.includes(privacyPopup[0]!))).toBe(false);
    expect(step?.afterAgree.some((t) => /^第 1 张：照片[\d-]+\.jpg$/.test(t)), JSON.stringify(step?.afterAgree)).toBe(true);
  });

  it('names a page that throws while rendering', async () => {
    const dir = copy('throwing-page');
    const route = 'pages/home/index';
    const file = makePageThrow(dir, route);
    const { findings } = await runSmoke(plan(dir));
    // The first finding names the page; pages opened after it may fail too, since all pages share one React root.
    expect(findings[0], describeFindings(findings)).toMatchObject({ check: 'smoke', file });
    expect(findings[0]?.message).toContain('deliberately broken render');
  });
});
