import { afterAll, describe, expect, it } from 'vitest';
import { Branch, Invite, Me, MemberDetail, MemberSummary } from '@ltx/shared';
import { BranchOverview, MemberSession, OutboxEntry, SessionDetail } from '@ltx/shared/schemas/session';
import { VisitRequest } from '@ltx/shared/schemas/visit';
import { attendanceModeLabels } from '@ltx/shared/labels';
import { roles, type Role } from '@ltx/shared/domain/roles';
import { BRANCH, fixtures, meFor, ORG } from './support/api-fixtures';
import { copyRealBuild, pageRoutes, readAppJson, removeCopy } from './support/build-dir';
import { describeFindings } from './support/findings';
import { runSmoke, type PageExpectation, type SmokeInput } from './support/smoke';
import { makePageThrow } from './support/variants';

/**
 * The headless smoke run of the weapp runtime: app.js and every page of app.json under a stubbed
 * `wx`, with the fake API of support/fake-api.ts. Catches what no compiler sees: a page that
 * throws while rendering, or renders without its content.
 */

const member = fixtures.member.name;
/** Key texts per page: a fixed label of the page and a text that only arrives through the API. */
const pages: Record<string, PageExpectation> = {
  'pages/login/index': { texts: ['离退休干部党支部'] },
  'pages/home/index': { role: 'member', texts: [member, attendanceModeLabels[fixtures.member.attendanceMode]] },
  'pages/bind/index': { role: 'visitor', texts: ['绑定党员档案', '邀请码'] },
  'packages/branch/pages/members/index': { role: 'secretary', texts: ['党员名单', fixtures.members[1]!.name] },
  'packages/branch/pages/member-detail/index': { role: 'secretary', query: { id: fixtures.member.id }, texts: [member, '微信绑定邀请码'] },
  'packages/branch/pages/member-edit/index': { role: 'secretary', query: { id: fixtures.member.id }, texts: [`修改：${member}`] },
  'packages/inspector/pages/branches/index': { role: 'inspector', texts: [`${ORG.name} 各支部`, BRANCH.name] },
  // Organisational life and 送学上门 (pages still being written: fixture texts first, few labels).
  'pages/visit-request/index': { role: 'member', query: { session: fixtures.session.id }, texts: ['送学上门'] },
  'packages/branch/pages/home/index': { role: 'secretary', texts: [BRANCH.name, fixtures.session.topic, fixtures.overview.quietMembers[0]!.name] },
  'packages/branch/pages/sessions/index': { role: 'secretary', texts: ['组织生活记录', fixtures.session.topic] },
  'packages/branch/pages/session-new/index': { role: 'secretary', texts: ['新建组织生活'] },
  'packages/branch/pages/session/index': { role: 'secretary', query: { id: fixtures.session.id }, texts: [fixtures.session.topic, fixtures.sessionDetail.place] },
  'packages/branch/pages/outbox/index': { role: 'secretary', texts: ['待发提醒', fixtures.outbox[0]!.memberName] },
};
// One tap through Taro's event handler, answered by the fake API. (When the member's 送学上门
// button exists, tap that instead.)
const tap = { route: 'packages/branch/pages/member-detail/index', label: '生成邀请码（党员本人）', expect: fixtures.invite.code };

/** A page added since this list was written still runs, signed in as whoever its package serves, and must show some Chinese. */
const guessRole = (route: string): Role =>
  route.startsWith('packages/branch/') ? 'secretary' : route.startsWith('packages/inspector/') ? 'inspector' : 'member';

const plan = (dir: string): SmokeInput => {
  const all = pageRoutes(readAppJson(dir)).map((route) => [route, pages[route] ?? { role: guessRole(route), texts: [] }]);
  return { dir, pages: Object.fromEntries(all), tap };
};

const copies: string[] = [];
const copy = (label: string) => {
  const dir = copyRealBuild(label);
  copies.push(dir);
  return dir;
};
afterAll(() => copies.forEach(removeCopy));

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
  });
});

describe('smoke run of the weapp runtime', () => {
  it('opens every page of the real build: no throw, key texts rendered, one tap answered', async () => {
    const dir = copy('smoke');
    const unlisted = pageRoutes(readAppJson(dir)).filter((r) => !pages[r]);
    // A new page still runs (it must throw nothing and show some Chinese); list its texts above.
    if (unlisted.length) console.warn(`[weapp] pages with no key texts listed in smoke.test.ts: ${unlisted.join(', ')}`);
    const result = await runSmoke(plan(dir));
    console.log(`[weapp] smoke: ${result.ms} ms for ${result.pages.length} pages; wx calls ${JSON.stringify(result.wxCalls)}`);
    if (result.notes.length) console.warn(`[weapp] smoke notes:\n${result.notes.join('\n')}`);
    expect(result.findings, describeFindings(result.findings)).toEqual([]);
    expect(result.pages.map((p) => p.route)).toEqual(pageRoutes(readAppJson(dir)));
    expect(result.afterTap.some((t) => t.includes(fixtures.invite.code))).toBe(true);
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
