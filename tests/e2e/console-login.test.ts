import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '@ltx/shared/time/clock';
import { testClock } from '../support/clock';
import { createDocumentClient } from '../../functions/src/db/client';
import { keys } from '../../functions/src/db/keys';
import { fakeWxaCodePng } from '../../local/fake-wechat';
import { shot } from './support/browser';
import { auditPage } from './support/page-audit';
import { phoneOnStack } from './support/phone-on-stack';
import { openSignedOut } from './support/ui';

/** The run's clock, moved forward when a test says so: the stack reads "now" here, so a code can expire. */
let ahead = 0;
const clock: Clock = { now: () => new Date(testClock.now().getTime() + ahead) };
const e2e = phoneOnStack({ clock });

/**
 * A deployed stage has no demo accounts: its login page is the web console's, with a mini-program code to scan.
 * Here the stack's demo-account list is emptied (the accounts themselves stay, so the secretary's phone can sign in).
 */
async function withoutDemoAccounts(): Promise<void> {
  const db = createDocumentClient(e2e.stack.dynamoEndpoint);
  const { Items } = await db.send(new QueryCommand({ TableName: e2e.stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.demoAccounts } }));
  for (const item of Items ?? []) await db.send(new DeleteCommand({ TableName: e2e.stack.tableName, Key: { pk: item.pk, sk: item.sk } }));
  db.destroy();
}

/** The secretaries' phones, signed in already (as the mini-program would be), before the demo list goes. */
const phones: Record<'secretary-1' | 'secretary-2', string> = { 'secretary-1': '', 'secretary-2': '' };
beforeAll(async () => {
  for (const account of ['secretary-1', 'secretary-2'] as const) phones[account] = await e2e.stack.login(account);
  await withoutDemoAccounts();
});

describe('the web console signs in by scanning its code with the mini-program', () => {
  it('shows WeChat’s code, and once the secretary confirms on the phone, signs itself in to her home', async () => {
    const { page } = e2e.phone;
    const phoneToken = phones['secretary-1'];

    await openSignedOut(page, e2e.stack.url);
    await e2e.visible('用手机扫码登录');
    const code = page.locator('.console-code img').first();
    await expect.poll(() => code.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 20_000 }).toBe(true);
    // The image is the one WeChat made, for the scene it was asked about; no demo account is offered.
    const asked = e2e.stack.wechat!.wxaCodes.at(-1)!;
    expect(asked.page).toBe('pages/console-login/index');
    expect(await code.getAttribute('src')).toBe(`data:image/png;base64,${fakeWxaCodePng.toString('base64')}`);
    expect(await page.getByText('张卫东（第一支部）').count()).toBe(0);
    const audit = await auditPage(page);
    expect(audit.findings).toEqual([]);
    await page.screenshot({ path: shot('console-login-qr.png'), fullPage: false });

    // Scanning opens the mini-program's confirmation page with the scene; it confirms as the signed-in secretary.
    const confirmed = await e2e.stack.call('POST', '/console-login-confirmations', { token: phoneToken, body: { scene: asked.scene } });
    expect(confirmed.status).toBe(200);

    // The page notices by itself and opens the secretary's branch home, with a session of its own.
    await e2e.visible('党员名单');
    const pageToken = await page.evaluate(() => localStorage.getItem('token'));
    expect(pageToken).toBeTruthy();
    expect(pageToken).not.toContain(phoneToken);
    await page.screenshot({ path: shot('console-login-signed-in.png'), fullPage: false });
  });

  it('offers a new code when the one shown has expired, and the new one works', async () => {
    const { page } = e2e.phone;
    const phoneToken = phones['secretary-2'];
    const before = e2e.stack.wechat!.wxaCodes.length;
    await openSignedOut(page, e2e.stack.url);
    await e2e.visible('用手机扫码登录');
    await expect.poll(() => e2e.stack.wechat!.wxaCodes.length, { timeout: 20_000 }).toBeGreaterThan(before);
    const stale = e2e.stack.wechat!.wxaCodes.at(-1)!.scene;

    // Five minutes pass without a scan: the page says so, in words, and offers another code.
    ahead += 5 * 60_000 + 1000;
    await e2e.visible('这个二维码已经失效');
    const late = await e2e.stack.call('POST', '/console-login-confirmations', { token: phoneToken, body: { scene: stale } });
    expect(late.status).toBe(410);
    await e2e.tap('换一个二维码');
    await expect.poll(() => e2e.stack.wechat!.wxaCodes.at(-1)!.scene, { timeout: 20_000 }).not.toBe(stale);
    const fresh = e2e.stack.wechat!.wxaCodes.at(-1)!.scene;

    expect((await e2e.stack.call('POST', '/console-login-confirmations', { token: phoneToken, body: { scene: fresh } })).status).toBe(200);
    await e2e.visible('党员名单');
  });
});
