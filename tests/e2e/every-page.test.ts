import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from '../integration/support/stack';
import { chinaDayIn } from '../support/time';
import { BROWSER_DEFAULT_FONT_PX, openPhone } from './support/browser';
import { startH5Stack } from './support/h5-stack';
import { auditPage, bodyTextPx, type AuditFinding } from './support/page-audit';
import { closeAll, openSignedOut, seeText, signIn, tapButton } from './support/ui';

/**
 * Issue 17: "the elder audit passes on every page, including the new states, at the default and at a
 * larger font size". Every page of app.config.ts is opened by the persona who uses it, with the params it
 * needs, over the demo's months of history, in two Chromiums: one at the browser's default font, one at
 * Chromium's "Large" (24 px). Each must show what it is for (not an error, not a page it sent us on to),
 * pass the in-repo audit (page-audit.ts) at both sizes, and its body text must grow with the setting.
 */
const LARGER_FONT_PX = 24;

type Persona = 'signed-out' | 'member-wang' | 'proxy-liu' | 'secretary-1' | 'contact-1' | 'inspector' | 'admin';
/** The demo accounts as the local login page lists them. */
const loginLabels: Record<Exclude<Persona, 'signed-out'>, string> = {
  'member-wang': '王建国（党员，第一支部）',
  'proxy-liu': '刘芳（代母亲李秀英办理）',
  'secretary-1': '张卫东（第一支部）',
  'contact-1': '林小红（第一支部）',
  inspector: '周明（党工委）',
  admin: '党工委管理员',
};

interface Ids {
  nextSessionId: string;
  sunId: string;
  wangId: string;
  visitId: string;
  period: string;
}

interface Visit {
  path: string;
  query?: Record<string, string>;
  /** Text that only the page doing its job shows (its data, not only its title). */
  ready: string | RegExp;
  /** A new state of the page, reached by taps after it loads, audited as well. */
  state?: { name: string; act: (page: Page) => Promise<void>; ready: string | RegExp };
}

/** Every page, by the persona who opens it, with the params it needs. */
const visitsOf = (ids: Ids): Record<Persona, Visit[]> => ({
  'signed-out': [
    { path: 'pages/login/index', ready: '王建国（党员，第一支部）' },
    { path: 'pages/bind/index', ready: '请输入支部书记或管理员给您的 6 位邀请码' },
  ],
  'member-wang': [
    {
      path: 'pages/home/index', ready: '您已请假：身体不适',
      state: { name: '我能来了 asked', act: (p) => tapButton(p, '我能来了'), ready: '撤销请假，按时来参加这次学习吗？支部会看到您能来。' },
    },
    { path: 'pages/visit-request/index', query: { session: ids.nextSessionId }, ready: '重阳敬老' },
    { path: 'pages/points/index', ready: '参加社区垃圾分类宣传志愿服务' },
    { path: 'packages/me/pages/health-consent/index', ready: '谁看过健康信息' },
    {
      path: 'packages/me/pages/care-card/index', ready: '如果老人需要帮助，请打卡上的电话，谢谢您！',
      state: { name: '修改卡上内容 opened', act: (p) => tapButton(p, '修改卡上内容'), ready: '卡上印哪些内容' },
    },
    { path: 'packages/feedback/pages/write/index', ready: '您的意见、投诉或求助会送到上级组织的管理员' },
    { path: 'packages/feedback/pages/mine/index', ready: '希望会议通知早一点发' },
    { path: 'packages/about/pages/privacy/index', ready: /个人信息/ },
  ],
  'proxy-liu': [
    // The proxy's view of the member home: the banner for whom she acts, and the visit she asked for.
    {
      path: 'pages/home/index', ready: '您在代 李秀英 办理',
      state: { name: '撤回送学申请 asked', act: (p) => tapButton(p, '撤回送学申请'), ready: '撤回这次送学上门的申请吗？撤回后支部不再派人上门。' },
    },
  ],
  'secretary-1': [
    {
      path: 'packages/branch/pages/home/index', ready: '⚠ 孙桂兰',
      state: { name: '已联系 opened', act: (p) => tapButton(p, '✓ 已联系'), ready: '确认已与孙桂兰联系' },
    },
    { path: 'packages/branch/pages/members/index', ready: '孙桂兰' },
    // Opened by scanning the web console's code (its scene in the query): asks before signing the computer in.
    { path: 'pages/console-login/index', query: { scene: 'A'.repeat(32) }, ready: '在电脑上登录 张卫东（支部书记）？' },
    {
      path: 'packages/branch/pages/member-detail/index', query: { id: ids.sunId }, ready: /^电话联系$/,
      state: { name: '已联系 opened', act: (p) => tapButton(p, '✓ 已联系'), ready: '确认已与孙桂兰联系' },
    },
    { path: 'packages/branch/pages/member-edit/index', query: { id: ids.sunId }, ready: '修改：孙桂兰' },
    { path: 'packages/branch/pages/member-edit/index', ready: '新增党员' },
    { path: 'packages/branch/pages/sessions/index', ready: '重阳敬老，学习新时代老干部工作要求' },
    { path: 'packages/branch/pages/session-new/index', ready: /主题/ },
    {
      path: 'packages/branch/pages/session/index', query: { id: ids.nextSessionId }, ready: /重阳敬老/,
      state: { name: '改时间或地点 opened', act: (p) => tapButton(p, '改时间或地点'), ready: '保存，并告诉党员' },
    },
    { path: 'packages/branch/pages/outbox/index', ready: /提醒/ },
    { path: 'packages/branch/pages/visits/index', ready: '李秀英' },
    { path: 'packages/branch/pages/points/index', ready: '王建国' },
    { path: 'packages/branch/pages/member-points/index', query: { id: ids.wangId }, ready: '参加社区垃圾分类宣传志愿服务' },
    { path: 'packages/branch/pages/roster-import/index', ready: '导入花名册：第一离退休干部党支部' },
  ],
  'contact-1': [
    { path: 'packages/branch/pages/contact-home/index', ready: '有 1 次送学上门等您去。' },
    { path: 'packages/branch/pages/my-visits/index', ready: '李秀英' },
    { path: 'packages/branch/pages/visit-deliver/index', query: { id: ids.visitId }, ready: '记录送学：李秀英' },
    { path: 'packages/branch/pages/visit-handout/index', query: { id: ids.visitId }, ready: /关于新时代老干部工作的意见/ },
  ],
  inspector: [
    { path: 'packages/inspector/pages/compliance/index', ready: '第一离退休干部党支部' },
    { path: 'packages/inspector/pages/branches/index', ready: '第一离退休干部党支部' },
    { path: 'packages/inspector/pages/ledger/index', query: { branch: 'br-1', period: ids.period }, ready: '第一离退休干部党支部 台账' },
    { path: 'packages/inspector/pages/tree/index', ready: '第一离退休干部党支部' },
    { path: 'packages/inspector/pages/rules/index', ready: /主题党日/ },
  ],
  admin: [
    { path: 'packages/inspector/pages/admin-home/index', ready: '城南街道离退休干部党工委 管理' },
    { path: 'packages/inspector/pages/staff/index', ready: '林小红' },
    { path: 'packages/feedback/pages/answer/index', ready: '希望会议通知早一点发' },
  ],
});

/** The pages app.config.ts declares, main package and subpackages, as routes without the leading slash. */
function declaredPages(): string[] {
  const config = readFileSync('miniapp/src/app.config.ts', 'utf8');
  const main = [...(config.match(/pages:\s*\[([^\]]*)\]/)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  const subs = [...config.matchAll(/root:\s*'([^']+)',\s*pages:\s*\[([^\]]*)\]/g)].flatMap((m) => [...m[2]!.matchAll(/'([^']+)'/g)].map((p) => `${m[1]}/${p[1]}`));
  return [...main, ...subs];
}

type Phone = Awaited<ReturnType<typeof openPhone>>;
let stack: TestStack | undefined;
let normal: Phone | undefined;
let large: Phone | undefined;
let ids: Ids;

beforeAll(async () => {
  stack = await startH5Stack({ demoHistory: true });
  [normal, large] = await Promise.all([openPhone(), openPhone({ defaultFontPx: LARGER_FONT_PX })]);
  const [secretary, contact, member] = await Promise.all(['secretary-1', 'contact-1', 'member-wang'].map((a) => stack!.login(a))) as [string, string, string];
  const roll = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items as { id: string; name: string }[];
  // Around today, not "this year": on New Year's Eve the next study is already next year's.
  const sessions = (await stack.call('GET', `/branches/br-1/sessions?from=${chinaDayIn(-60)}&to=${chinaDayIn(60)}`, { token: secretary })).body.items as { id: string; topic: string }[];
  const tasks = (await stack.call('GET', '/contacts/me/visits', { token: contact })).body.items as { id: string; memberName: string }[];
  // 王建国 asked for leave from the next study (his home then offers 我能来了).
  const leave = await stack.call('PUT', `/sessions/${sessions.find((s) => s.topic.startsWith('重阳敬老'))!.id}/attendance/${roll.find((m) => m.name === '王建国')!.id}`, {
    token: member, body: { status: 'excused', reason: '身体不适' },
  });
  expect(leave.status, JSON.stringify(leave.body)).toBe(200);
  // A message for the 意见反馈 pages (the member's own list, the administrator's answers).
  expect((await stack.call('POST', '/feedback', { token: member, body: { kind: 'suggestion', text: '希望会议通知早一点发' } })).status).toBe(201);
  ids = {
    nextSessionId: sessions.find((s) => s.topic.startsWith('重阳敬老'))!.id,
    sunId: roll.find((m) => m.name === '孙桂兰')!.id,
    wangId: roll.find((m) => m.name === '王建国')!.id,
    visitId: tasks.find((t) => t.memberName === '李秀英')!.id,
    period: chinaDayIn(0).slice(0, 7),
  };
});
afterAll(async () => {
  await large?.close();
  await closeAll(normal, stack);
});

let opened = 0;

/** Opens a page by its route and waits until it shows what it is for; fails on an error, a spinner or a redirect. */
async function open(page: Page, visit: Visit, timeout = 15_000): Promise<void> {
  const query = visit.query ? `?${new URLSearchParams(visit.query).toString()}` : '';
  // A fresh document for every page (a hash-only change would push it onto the pages already open).
  await page.goto(`${stack!.url}/?visit=${++opened}#/${visit.path}${query}`);
  await shows(page, visit.path, visit.ready, timeout);
  await settled(page, visit.path);
}

/** Waits for the text; when it never comes, says which page and what it showed instead. */
async function shows(page: Page, path: string, ready: string | RegExp, timeout = 15_000): Promise<void> {
  try {
    await seeText(page, ready, timeout);
  } catch {
    const shown = await page.locator('.elder-page').filter({ visible: true }).first().innerText({ timeout: 1000 }).catch(() => '(no page)');
    throw new Error(`${path} never showed “${String(ready)}”; it showed: ${shown.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
}

/** Nothing still loading, no error shown, and still on the page asked for (not sent home or to sign in). */
async function settled(page: Page, path: string): Promise<void> {
  await expect.poll(() => page.getByText('正在加载，请稍候').filter({ visible: true }).count(), { timeout: 20_000 }).toBe(0);
  const errors = await page.locator('.message--error').filter({ visible: true }).allInnerTexts();
  expect(errors, `${path} shows an error`).toEqual([]);
  expect(new URL(page.url()).hash.replace(/^#\//, '').split('?')[0], 'the page asked for').toBe(path);
}

/** The audit at this size: no finding, with text and the visible body size. */
async function audited(page: Page, label: string): Promise<number> {
  const result = await auditPage(page);
  expect.soft(result.findings, label).toEqual([] as AuditFinding[]);
  expect(result.texts, `${label} has text`).toBeGreaterThan(0);
  return bodyTextPx(page);
}

const audits: string[] = [];

/** One persona: signed in once on each phone, every page at both sizes (the state too, if the page has one). */
async function walk(persona: Persona): Promise<void> {
  for (const phone of [normal!, large!]) {
    if (persona === 'signed-out') await openSignedOut(phone.page, stack!.url);
    else {
      await signIn(phone.page, stack!.url, loginLabels[persona]);
      await expect.poll(() => phone.page.evaluate(() => localStorage.getItem('token'))).toBeTruthy();
    }
  }
  for (const visit of visitsOf(ids)[persona]) {
    const sizes: number[] = [];
    for (const phone of [normal!, large!]) {
      await open(phone.page, visit);
      sizes.push(await audited(phone.page, `${visit.path} as ${persona}`));
      if (visit.state) {
        await visit.state.act(phone.page);
        await shows(phone.page, visit.path, visit.state.ready);
        await settled(phone.page, visit.path);
        await audited(phone.page, `${visit.path} (${visit.state.name}) as ${persona}`);
      }
    }
    const [normalPx, largePx] = sizes as [number, number];
    expect(normalPx, visit.path).toBeGreaterThanOrEqual(18);
    expect(largePx, `${visit.path}: the text grows with the browser's font`).toBeCloseTo((normalPx * LARGER_FONT_PX) / BROWSER_DEFAULT_FONT_PX, 1);
    audits.push(visit.path + (visit.state ? ` + ${visit.state.name}` : ''));
  }
}

describe('every page passes the elder audit at the default and a larger font', () => {
  it('lists every page of app.config.ts, each with a persona', () => {
    const listed = Object.values(visitsOf({ nextSessionId: '', sunId: '', wangId: '', visitId: '', period: '' })).flat().map((v) => v.path);
    const declared = declaredPages();
    expect(declared.length).toBeGreaterThan(30);
    expect([...new Set(listed)].sort()).toEqual([...declared].sort());
  });

  for (const persona of Object.keys(loginLabels).concat('signed-out') as Persona[]) {
    it(`as ${persona}`, async () => {
      await walk(persona);
    });
  }

  it('fails a page opened without the params it needs, rather than auditing its error', async () => {
    await signIn(normal!.page, stack!.url, loginLabels['secretary-1']);
    await expect.poll(() => normal!.page.evaluate(() => localStorage.getItem('token'))).toBeTruthy();
    await expect(open(normal!.page, { path: 'packages/branch/pages/member-detail/index', ready: /^电话联系$/ }, 3000)).rejects.toThrow(/never showed.*没有指定党员/);
  });

  it('audited every page', () => {
    console.log(`[e2e] audited ${audits.length} page visits at ${BROWSER_DEFAULT_FONT_PX} and ${LARGER_FONT_PX} px:\n${audits.join('\n')}`);
    expect(new Set(audits.map((a) => a.split(' + ')[0])).size).toBe(declaredPages().length);
  });
});
