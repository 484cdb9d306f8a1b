import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/src/db/client';
import { keys } from '../../functions/src/db/keys';
import { fakeWxaCodePng } from '../../local/fake-wechat';
import { shot } from './support/browser';
import { auditPage } from './support/page-audit';
import { phoneOnStack } from './support/phone-on-stack';
import { openSignedOut } from './support/ui';

const e2e = phoneOnStack();

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

describe('the web console signs in by scanning its code with the mini-program', () => {
  it('shows WeChat’s code, and once the secretary confirms on the phone, signs itself in to her home', async () => {
    const { page } = e2e.phone;
    // The secretary's phone is signed in already (as the mini-program would be).
    const phoneToken = await e2e.stack.login('secretary-1');
    await withoutDemoAccounts();

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
});
