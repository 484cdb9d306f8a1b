import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStack } from '../integration/support/stack';
import { startH5Stack } from './support/h5-stack';
import { openPhone, shot } from './support/browser';
import { closeAll, fieldLabelled, seeText, signIn, tapButton } from './support/ui';
import { elderAudit } from './support/elder-audit';
import { msFromNow } from '../support/time';

let stack: TestStack;
let phone: Awaited<ReturnType<typeof openPhone>>;

// A one-pixel PNG and a one-page PDF, uploaded through the real forms.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A day `offset` days from today in Beijing time, as the date boxes take it. */
function beijingDay(offset: number) {
  const day = new Date(msFromNow(offset * 24 * 3600 * 1000 + 8 * 3600 * 1000));
  return {
    year: day.getUTCFullYear(),
    month: day.getUTCMonth() + 1,
    date: day.getUTCDate(),
    weekday: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'][day.getUTCDay()],
    /** 9:30 that morning in Beijing, as the API's UTC timestamp. */
    at930: new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 9, 30) - 8 * 3600 * 1000).toISOString(),
  };
}
// The session the secretary records was held yesterday at 9:30 (the API refuses to close one not
// yet held); the member's "next study" is planned three days ahead, through the API.
const held = beijingDay(-1);
const planned = beijingDay(3);
const material = '学习材料：全会公报全文，请大家提前阅读。';

beforeAll(async () => {
  stack = await startH5Stack();
  phone = await openPhone();
});
afterAll(() => closeAll(phone, stack));

const signInAs = (label: string) => signIn(phone.page, stack.url, label);

const visible = (text: string | RegExp, timeout?: number) => seeText(phone.page, text, timeout);

/** The field whose label is exactly `label`. */
const field = (label: string) => fieldLabelled(phone.page, label);

/** Taps a button by its exact words (the last one when a word repeats, e.g. a tab and a heading). */
const tap = (text: string) => tapButton(phone.page, text);

async function upload(buttonText: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([phone.page.waitForEvent('filechooser'), tap(buttonText)]);
  await chooser.setFiles(file);
}

let sessionId = '';
let nextId = '';

/**
 * The member's next study, three days ahead: planned through the API with the material PDF
 * uploaded through the real presigned form, and 王建国's leave already recorded (presence waits for the start).
 */
async function planAhead(): Promise<string> {
  const token = await stack.login('secretary-1');
  const ticket = (await stack.call('POST', '/uploads', { token, body: { contentType: 'application/pdf', size: pdf.length, name: '学习材料.pdf' } })).body;
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.fields as Record<string, string>)) form.append(k, v);
  form.append(ticket.fileField, new Blob([pdf], { type: 'application/pdf' }), '学习材料.pdf');
  const sent = await fetch(new URL(ticket.url, stack.url), { method: 'POST', body: form });
  expect(sent.status).toBeLessThan(300);
  const created = await stack.call('POST', '/branches/br-1/sessions', {
    token,
    body: {
      kind: 'theme_day',
      topic: `${planned.month}月主题党日：学习党的最新理论成果`,
      startsAt: planned.at930,
      place: '党员活动室',
      hostName: '张卫东',
      recorderName: '张卫东',
      materialText: material,
      attachments: [{ uploadId: ticket.uploadId, name: '学习材料.pdf' }],
      onlineOffered: true,
    },
  });
  expect(created.status).toBe(201);
  const members = (await stack.call('GET', '/branches/br-1/members', { token })).body.items as { id: string; name: string }[];
  const wang = members.find((m) => m.name === '王建国')!.id;
  expect((await stack.call('PUT', `/sessions/${created.body.id}/attendance/${wang}`, { token, body: { status: 'present' } })).status).toBe(409);
  expect((await stack.call('PUT', `/sessions/${created.body.id}/attendance/${wang}`, { token, body: { status: 'excused', reason: '外出探亲' } })).status).toBe(200);
  return created.body.id as string;
}

describe('organisational life in a real browser', () => {
  it('lets the secretary plan a 主题党日 from its template, mark attendance, write minutes with a photo and close it', async () => {
    const { page } = phone;
    await signInAs('张卫东（第一支部）');
    // The secretary starts on the branch home: warnings first, then the work.
    await visible('五个月未参加组织生活');
    await visible('没有五个月以上未参加组织生活的党员。');
    await visible('近两个月还没有安排会议。');
    for (const button of ['新建组织生活', '组织生活记录', '党员名单', '待发提醒']) await visible(button);

    // Plan from the template: the kind fills the topic, the host and the place.
    await tap('新建组织生活');
    await visible('第一步：选择会议类型');
    await tap('主题党日');
    await visible('应到人员：全体党员');
    await expect(field('主题').locator('input').inputValue()).resolves.toContain('主题党日');
    await expect(field('主持人').locator('input').inputValue()).resolves.toBe('张卫东');
    await expect(field('地点').locator('input').inputValue()).resolves.toBe('党员活动室');
    await visible(/已勾选：提供网上参学/);
    const date = field('日期').locator('input');
    await date.nth(0).fill(String(held.year));
    await date.nth(1).fill(String(held.month));
    await date.nth(2).fill(String(held.date));
    const time = field('开始时间（北京时间）').locator('input');
    await time.nth(0).fill('9');
    await time.nth(1).fill('30');
    await field('学习材料').locator('textarea').fill(material);
    await upload('上传附件', { name: '学习材料.pdf', mimeType: 'application/pdf', buffer: pdf });
    await visible('学习材料.pdf（PDF 文件）');
    await tap('保存并发布');

    // The session's page opens; mark everyone present, then one leave with a reason and one online study.
    await visible(/未归档/);
    sessionId = new URL(page.url().replace('/#/', '/')).searchParams.get('id') ?? '';
    expect(sessionId).not.toBe('');
    await tap('出席登记');
    await tap('全部出席');
    // First what it will do: nobody is recorded yet, so all 8 will be marked present.
    await visible('将为 8 人登记；0 人已有登记或已安排送学上门，保持不变。');
    await tap('确认登记这 8 人出席');
    await visible('共 8 人：出席 8 人');
    await visible('撤销刚才的全部出席（8 人）');
    const row = (name: string) => page.locator('.row--attendance').filter({ hasText: name });
    await row('李秀英').getByText('请假', { exact: true }).click();
    // Without a reason nothing is sent and the box says why.
    await row('李秀英').getByText('保存请假').click();
    await visible('请假需要填写原因');
    await row('李秀英').locator('textarea').fill('卧床，由女儿照顾');
    await row('李秀英').getByText('保存请假').click();
    await visible('出席情况：请假（卧床，由女儿照顾）');
    await row('赵德明').getByText('网上自学', { exact: true }).click();
    await visible('共 8 人：出席 6 人，请假 1 人，网上自学 1 人');
    await row('李秀英').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('session-attendance.png'), fullPage: false });

    // Minutes: who came and who did not come from the attendance; a photo through the real form.
    await page.evaluate(() => window.scrollTo(0, 0));
    await tap('会议记录');
    await visible('李秀英（卧床，由女儿照顾）');
    await field('议程').locator('textarea').fill('一、学习全会公报；二、交流发言');
    await field('会议内容').locator('textarea').fill('张卫东同志领学公报，大家结合实际交流体会。');
    await field('决议').locator('textarea').fill('下月走访困难党员');
    await upload('上传照片', { name: '会议照片.png', mimeType: 'image/png', buffer: png });
    await visible('第 1 张：会议照片.png');
    await tap('保存会议记录');
    await visible('会议记录已保存。');
    await page.locator('.thumb').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('session-minutes.png'), fullPage: false });

    // Close: the first tap asks inline, the second closes.
    await page.evaluate(() => window.scrollTo(0, 0));
    await tap('归档更正');
    await tap('结束并归档');
    await visible(/确定要归档吗/);
    await tap('确认归档');
    await visible('✓ 已归档：张卫东', 20_000);

    // A closed record changes only by an appended correction that says who, when and why.
    await tap('添加更正');
    await visible('更正原因：请填写为什么要更正');
    await field('更正原因（必填）').locator('textarea').fill('会后补充');
    await field('更正内容').locator('textarea').fill('会上还传达了街道党工委的通知。');
    await tap('添加更正');
    await visible('更正已添加，见上面的更正说明。');
    await visible('第 1 条更正');

    // The next one is planned ahead (through the API, with its material): before it begins the page
    // offers neither 全部出席 nor archiving, and says why.
    nextId = await planAhead();
    await page.goto(`${stack.url}/#/packages/branch/pages/session/index?id=${nextId}`);
    await visible(/未归档/);
    await tap('出席登记');
    await visible('会议还没有开始：开始后才能登记出席、缺席和网上自学；请假现在就可以登记。');
    await expect.poll(() => page.locator('taro-button-core').filter({ hasText: /^全部出席$/ }).count()).toBe(0);
    await tap('归档更正');
    await visible('会议还没有开始，开过之后才能归档。');
    await expect.poll(() => page.locator('taro-button-core').filter({ hasText: '结束并归档' }).count()).toBe(0);

    // Back on the home page the planned session is listed under 近期会议.
    await page.goto(`${stack.url}/#/packages/branch/pages/home/index`);
    await visible('近期会议');
    await visible(/主题党日：学习党的最新理论成果/);
    await page.screenshot({ path: shot('secretary-home.png'), fullPage: false });

    const token = await stack.login('secretary-1');
    const saved = (await stack.call('GET', `/sessions/${sessionId}`, { token })).body;
    expect(saved).toMatchObject({ kind: 'theme_day', status: 'closed', place: '党员活动室', hostName: '张卫东', materialText: material, onlineOffered: true });
    expect(saved.startsAt).toBe(held.at930);
    expect(saved.attachments).toEqual([expect.objectContaining({ name: '学习材料.pdf' })]);
    expect(saved.minutes).toMatchObject({ decisions: '下月走访困难党员', photos: [expect.objectContaining({ name: '会议照片.png' })] });
    const photo = await fetch(saved.minutes.photos[0].url);
    expect(Buffer.from(await photo.arrayBuffer()).equals(png)).toBe(true);
    const status = (name: string) => saved.attendance.find((a: { memberName: string }) => a.memberName === name);
    expect(status('李秀英')).toMatchObject({ status: 'excused', reason: '卧床，由女儿照顾' });
    expect(status('赵德明')).toMatchObject({ status: 'online' });
    expect(status('王建国')).toMatchObject({ status: 'present' });
    expect(saved.amendments).toEqual([expect.objectContaining({ reason: '会后补充', by: 'u-demo-sec1' })]);
  });

  it('shows the member the next session in large type and opens its material', async () => {
    const { page } = phone;
    await signInAs('王建国（党员，第一支部）');
    await visible('下一次学习');
    // The year is said only when the session falls in another year than today (three days before 1 January).
    await visible(`${planned.year === beijingDay(0).year ? '' : `${planned.year}年`}${planned.month}月${planned.date}日 ${planned.weekday}`);
    await visible('上午9点半');
    await visible('地点：党员活动室');
    await visible(material);
    await visible('您已请假：外出探亲');
    // "读给我听" is there only where the browser has voices (headless Chromium on Linux has none): never a dead button.
    const speechButtonMatchesVoices = async () => {
      const voices = await page.evaluate(() => speechSynthesis.getVoices().length);
      const buttons = await page.locator('taro-button-core').filter({ hasText: '读给我听' }).count();
      return buttons === (voices > 0 ? 1 : 0);
    };
    await expect.poll(speechButtonMatchesVoices).toBe(true);

    const kindSize = await page.locator('.next-session__kind').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(kindSize).toBeGreaterThanOrEqual(26);
    const whenSize = await page.locator('.next-session__when').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(whenSize).toBeGreaterThanOrEqual(26);
    await page.screenshot({ path: shot('member-home-next-session.png'), fullPage: false });

    const [opened] = await Promise.all([phone.context.waitForEvent('page'), tap('打开附件：学习材料.pdf')]);
    await opened.waitForLoadState().catch(() => undefined);
    expect(opened.url()).toContain('/local-files/');
    const file = await fetch(opened.url());
    expect(file.headers.get('content-type')).toBe('application/pdf');
    await opened.close();

    await page.evaluate(() => window.scrollTo(0, 0));
    const audit = await elderAudit([page.url()], { token: await page.evaluate(() => localStorage.getItem('token') ?? '') });
    if (audit.available) expect(audit.status, audit.output).toBe(0);
  });
});
