import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from '../integration/support/stack';
import { startH5Stack } from './support/h5-stack';
import { openPhone, shot } from './support/browser';
import { closeAll, fieldLabelled, seeText, signIn, smallestTextPx } from './support/ui';
import { elderAudit } from './support/elder-audit';
import { msFromNow } from '../support/time';

let stack: TestStack;
let phone: Awaited<ReturnType<typeof openPhone>>;

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

// The period under test is the chooser's "上个月": last month on China's calendar.
const pad = (n: number) => String(n).padStart(2, '0');
const chinaNow = new Date(msFromNow(8 * 3600_000));
const [py, pm] = chinaNow.getUTCMonth() === 0 ? [chinaNow.getUTCFullYear() - 1, 12] : [chinaNow.getUTCFullYear(), chinaNow.getUTCMonth()];
const period = `${py}-${pad(pm)}`;
/** A day of the period at an hour of Beijing time, as the API's UTC timestamp. */
const at = (day: number, hour = 10) => new Date(Date.UTC(py, pm - 1, day, hour - 8)).toISOString();
// The deadline the inspector types: three weeks from today, in China.
const due = new Date(chinaNow.getTime() + 21 * 24 * 3600_000);

const branch1 = '第一离退休干部党支部';
const itemWhat = '补开党小组会并完善会议记录';
const lateWhat = '更新党员信息登记表';
let committeeId = '';

async function plan(token: string, branchId: string, kind: string, day: number, extra: Record<string, unknown> = {}) {
  const r = await stack.call('POST', `/branches/${branchId}/sessions`, {
    token, body: { kind, topic: `${kind} ${period}`, startsAt: at(day), place: '党员活动室', hostName: '书记', recorderName: '委员', ...extra },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; attendance: { memberId: string; memberName: string }[] };
}

beforeAll(async () => {
  stack = await startH5Stack();
  const [secretary, secretary2, inspector] = await Promise.all(['secretary-1', 'secretary-2', 'inspector'].map((a) => stack.login(a)));

  // Branch 2 held everything a month asks for, everyone present.
  const kinds: [string, Record<string, unknown>][] = [
    ['committee_meeting', {}], ['theme_day', {}], ['group_meeting', { partyGroup: '第一党小组' }], ['branch_general_meeting', {}], ['party_lecture', {}],
  ];
  for (const [i, [kind, extra]] of kinds.entries()) {
    const s = await plan(secretary2!, 'br-2', kind, 5 + i, extra);
    const r = await stack.call('PUT', `/sessions/${s.id}/attendance`, { token: secretary2, body: { entries: s.attendance.map((a) => ({ memberId: a.memberId, status: 'present' })) } });
    expect(r.status).toBe(200);
  }
  // Branch 1 held one 支委会 (吴淑珍 on leave), still open, with its decisions: it falls short.
  const committee = await plan(secretary!, 'br-1', 'committee_meeting', 10, { topic: '研究本月组织生活安排' });
  committeeId = committee.id;
  const entries = committee.attendance.map((a) => (a.memberName === '吴淑珍' ? { memberId: a.memberId, status: 'excused', reason: '住院治疗' } : { memberId: a.memberId, status: 'present' }));
  expect((await stack.call('PUT', `/sessions/${committee.id}/attendance`, { token: secretary, body: { entries } })).status).toBe(200);
  expect((await stack.call('PUT', `/sessions/${committee.id}/minutes`, { token: secretary, body: { content: '研究本月工作。', decisions: '下月补开党小组会' } })).status).toBe(200);
  // An earlier opinion whose item is already past its deadline: both sides see it flagged.
  const late = await stack.call('POST', '/branches/br-1/reviews', { token: inspector, body: { period, opinion: '党员信息需及时更新。', items: [{ what: lateWhat, deadline: `${period}-01` }] } });
  expect(late.status).toBe(201);
  expect(late.body.items[0].overdue).toBe(true);

  phone = await openPhone();
});
afterAll(() => closeAll(phone, stack));

const signInAs = (label: string) => signIn(phone.page, stack.url, label);

const visible = (text: string | RegExp, timeout?: number) => seeText(phone.page, text, timeout);

/** The field whose label is exactly `label`. */
const field = (label: string) => fieldLabelled(phone.page, label);

/** Taps a button by its words. */
const tap = (text: string) => phone.page.locator('taro-button-core').filter({ hasText: text }).first().click();

/** Scrolls so that the element with this text is at the top of the screen. */
const scrollToTop = (text: string | RegExp) => phone.page.getByText(text).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));

/** The period is one line at the top: a tap on it opens the choices. */
async function choosePeriod(label: string) {
  await phone.page.getByText(/^\d{4}年.*（.+）$/).filter({ visible: true }).first().click();
  await tap(label);
  await visible(new RegExp(`（${label}）$`));
}

/** A branch's card opens on a tap on its head, to show every indicator and the way into its ledger. */
const openCard = (name: string) => phone.page.locator('.compliance__head').filter({ hasText: name }).filter({ visible: true }).first().click();

async function openLedgerOfBranch1() {
  await visible(/^\d{4}年\d+月（本月）$/);
  await choosePeriod('上个月');
  await openCard(branch1);
  await visible(`查看台账：${branch1}`);
  await tap(`查看台账：${branch1}`);
  await visible(`${branch1} 台账`);
}

describe('inspection in a real browser', () => {
  it('shows the inspector the short branch first, its ledger, and takes an opinion with a rectification item', async () => {
    const { page } = phone;
    await signInAs('周明（党工委）');
    await visible(/^\d{4}年\d+月（本月）$/);
    await choosePeriod('上个月');
    // The branch that falls short comes first, what is short on its second line, said once.
    const cards = page.locator('.compliance');
    await expect.poll(() => cards.count()).toBe(2);
    await expect(cards.nth(0).locator('.row__title').innerText()).resolves.toBe(`✗ ${branch1}`);
    await expect(cards.nth(1).locator('.row__title').innerText()).resolves.toBe('✓ 第二离退休干部党支部');
    expect(await cards.nth(0).innerText()).toContain('党小组会 0/1，不足');
    expect(await cards.nth(1).innerText()).toContain('各项达标');
    // Every indicator a tap away.
    await openCard(branch1);
    await visible('✗ 党小组会 0/1 不足');
    const first = await cards.nth(0).innerText();
    for (const words of ['✓ 支委会 1/1 达标', '✗ 整改事项未完成 1 项，其中已逾期 1 项', '○ 未签字']) expect(first).toContain(words);
    expect(first.split('党小组会 0/1').length - 1).toBe(1); // said once: the glance line steps aside when the card opens
    await openCard('第二离退休干部党支部');
    await visible('✓ 学习覆盖：5 次学习，平均参学率 100%，最低 100%');

    const smallest = await smallestTextPx(page);
    expect(smallest).toBeGreaterThanOrEqual(18);
    await scrollToTop(/^\d{4}年\d+月（上个月）$/);
    await page.screenshot({ path: shot('inspector-compliance.png'), fullPage: false });
    const token = await page.evaluate(() => localStorage.getItem('token') ?? '');
    const audit = await elderAudit([page.url()], { token });
    if (audit.available) expect(audit.status, audit.output).toBe(0);

    // The ledger, in its sections.
    await tap(`查看台账：${branch1}`);
    await visible(`${branch1} 台账`);
    await visible('健康状况（只显示人数）');
    await visible('组织委员：');
    await tap('组织生活');
    await visible('支委会：研究本月组织生活安排');
    await visible('吴淑珍：请假（住院治疗）');
    await visible('下月补开党小组会');
    await visible('✓ 到会人数超过半数');
    await scrollToTop(/^期间：/);
    await page.screenshot({ path: shot('inspector-ledger.png'), fullPage: false });
    const ledgerAudit = await elderAudit([page.url()], { token });
    if (ledgerAudit.available) expect(ledgerAudit.status, ledgerAudit.output).toBe(0);
    expect(await page.getByText('左耳听力弱').count()).toBe(0);

    // An opinion with one rectification item; the earlier overdue item is flagged in words.
    await page.evaluate(() => window.scrollTo(0, 0));
    await tap('督导意见与整改');
    await visible(`整改事项：${lateWhat}`);
    await visible('⚠ 已逾期：已过整改期限，还没有通过审核');
    await tap('提交督导意见');
    await visible('督导意见：请填写');
    await field('督导意见（必填）').locator('textarea').fill('党小组会、主题党日、党课本月未开，请按要求补开并完善记录。');
    await tap('＋ 添加一项整改事项');
    await field('第 1 项：要整改什么').locator('textarea').fill(itemWhat);
    const deadline = field('第 1 项：整改期限').locator('input');
    await deadline.nth(0).fill(String(due.getUTCFullYear()));
    await deadline.nth(1).fill(String(due.getUTCMonth() + 1));
    await deadline.nth(2).fill(String(due.getUTCDate()));
    await tap('提交督导意见');
    await visible('督导意见已提交，含整改事项 1 项，见上面的列表。');
    await visible(`整改事项：${itemWhat}`);
    await scrollToTop('第 2 条督导意见');
    await page.screenshot({ path: shot('inspector-review.png'), fullPage: false });

    const reviews = await stack.call('GET', `/branches/br-1/reviews?period=${period}`, { token: await stack.login('inspector') });
    const saved = reviews.body.items.flatMap((r: { items: { what: string }[] }) => r.items).find((i: { what: string }) => i.what === itemWhat);
    expect(saved).toMatchObject({ status: 'open', overdue: false, deadline: `${due.getUTCFullYear()}-${pad(due.getUTCMonth() + 1)}-${pad(due.getUTCDate())}` });
  });

  it('lets the secretary answer the item on the branch home, with a photo', async () => {
    const { page } = phone;
    await signInAs('张卫东（第一支部）');
    await visible(`整改事项：${itemWhat}`);
    await visible(`整改事项：${lateWhat}`);
    await visible('⚠ 已逾期：已过整改期限，还没有通过审核');
    await visible(/共 2 项未完成，其中 1 项已逾期/);
    await tap(`答复：${itemWhat}`);
    await tap('提交整改情况');
    await visible('整改情况：请填写');
    await field('整改情况（必填）').locator('textarea').fill('已补开党小组会，会议记录已补全并归档。');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap('上传佐证照片')]);
    await chooser.setFiles({ name: '整改照片.png', mimeType: 'image/png', buffer: png });
    await visible('第 1 张：整改照片.png');
    await page.getByText('整改事项', { exact: true }).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: shot('secretary-rectification.png'), fullPage: false });
    await tap('提交整改情况');
    await visible('整改情况已提交，等待督导审核。');
  });

  it('lets the inspector accept it, sign the period off and export the ledger; a later change is refused', async () => {
    const { page, context } = phone;
    await signInAs('周明（党工委）');
    await openLedgerOfBranch1();
    await tap('督导意见与整改');
    await visible('已答复，待督导审核');
    await visible(/张卫东 答复整改情况：已补开党小组会，会议记录已补全并归档。（附佐证材料 1 件）/);
    await tap('通过');
    await visible('✓ 已通过');
    await expect.poll(() => page.locator('taro-button-core').filter({ hasText: '通过' }).count()).toBe(0);

    await page.evaluate(() => window.scrollTo(0, 0));
    await tap('签字与导出');
    await visible(/^○ 未签字：.*的台账还没有督导签字。$/);
    // The check lists what is still missing (the overdue item at least); each is acknowledged before signing.
    await visible(/^本期还缺以下 \d+ 项。要签字，请逐项确认您已知晓：$/);
    await visible(new RegExp(`整改事项「${lateWhat}」待整改，已逾期`));
    const missing = Number(/以下 (\d+) 项/.exec((await page.getByText(/^本期还缺以下/).first().textContent()) ?? '')?.[1]);
    expect(missing).toBeGreaterThan(0);
    await visible(`还有 ${missing} 项没有确认，确认后才能签字。`);
    for (let i = 1; i <= missing; i++) {
      await tap(`确认已知晓第 ${i} 项`);
      await visible(`✓ 已确认第 ${i} 项（再点一下取消）`);
    }
    await tap('签字确认本期台账');
    await visible('签字后本期记录将锁定，不能再修改。');
    await tap('确认签字');
    await visible(/^✓ 已签字：周明 (\d{4}年)?\d+月\d+日 星期.$/);
    await visible(/^✓ 已签字：周明 (\d{4}年)?\d+月\d+日 星期.，本期已锁定$/);
    await visible(`签字时尚缺、经督导确认的事项（${missing} 项）：`);

    // The workbook downloads through the browser; an xlsx file is a zip.
    const [download] = await Promise.all([page.waitForEvent('download'), tap('导出 Excel')]);
    expect(download.suggestedFilename()).toBe(`${branch1}台账-${period}.xlsx`);
    const book = readFileSync((await download.path())!);
    expect(book.subarray(0, 2).toString('latin1')).toBe('PK');
    await visible(`已下载：${branch1}台账-${period}.xlsx`);
    // The print version opens in a new tab, signed.
    const [printed] = await Promise.all([context.waitForEvent('page'), tap('打印版')]);
    await expect.poll(async () => (await printed.content()).includes('督导签字：周明'), { timeout: 20_000 }).toBe(true);
    await printed.close();

    // After the sign-off the secretary cannot change the period's attendance: the reason is said in words.
    await signInAs('张卫东（第一支部）');
    await visible('整改事项');
    await page.goto(`${stack.url}/#/packages/branch/pages/session/index?id=${committeeId}`);
    await visible('研究本月组织生活安排');
    await tap('出席登记');
    const row = page.locator('.row--attendance').filter({ hasText: '王建国' });
    await row.getByText('缺席', { exact: true }).click();
    await visible(/该期间的台账已由督导签字确认，不能再修改/);
    const secretary = await stack.login('secretary-1');
    const session = (await stack.call('GET', `/sessions/${committeeId}`, { token: secretary })).body;
    const wang = session.attendance.find((a: { memberName: string }) => a.memberName === '王建国');
    expect(wang.status).toBe('present');
    const refused = await stack.call('PUT', `/sessions/${committeeId}/attendance/${wang.memberId}`, { token: secretary, body: { status: 'absent' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PERIOD_LOCKED');
  });
});
