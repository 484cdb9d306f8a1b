import { describe, expect, it } from 'vitest';
import { shot } from './support/browser';
import { auditPage } from './support/page-audit';
import { phoneOnStack } from './support/phone-on-stack';
import { signIn } from './support/ui';
import { validMember } from '../integration/support/stack';
import { chinaDayIn } from '../support/time';

/**
 * The administrator deletes a departed member in Chromium, as she would: from the organisation tree to the
 * branch's roll, the member's page, the reason, the words of what goes and what stays, the deletion. Each
 * page on the way passes the audit (text size, targets, contrast, roles).
 */
const e2e = phoneOnStack();
const { visible, tap } = e2e;

describe('deleting a departed member in a real browser', () => {
  it('goes tree → 党员名单 → the member → reason → confirm, and the roll then names the member anonymously', async () => {
    const { stack } = e2e;
    const secretary = await stack.login('secretary-1');
    const member = (await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name: '赵永年' } })).body;
    const departed = await stack.call('POST', `/members/${member.id}/departure`, { token: secretary, body: { reason: 'deceased', on: chinaDayIn(-3 * 366), expectedVersion: member.version } });
    expect(departed.status).toBe(200);

    const { page } = e2e.phone;
    await signIn(page, stack.url, '党工委管理员');
    await tap('设立支部和下级组织');
    await visible('第一离退休干部党支部');
    await page.locator('.row').filter({ hasText: '第一离退休干部党支部' }).filter({ visible: true }).locator('taro-button-core').filter({ hasText: '党员名单' }).first().click();
    await visible('已故党员');
    await page.locator('.row').filter({ hasText: '赵永年' }).filter({ visible: true }).first().click();
    await tap('删除这位党员的个人信息');
    await tap('家属申请删除');
    await tap('下一步：核对');
    await visible(/原因：家属申请删除。删除后，赵永年的姓名、电话、住址/);
    await page.screenshot({ path: shot('member-deletion-confirm.png'), fullPage: false });
    expect((await auditPage(page)).findings).toEqual([]);
    await tap('确认删除');
    await visible('个人信息已删除');
    await page.screenshot({ path: shot('member-deletion-done.png'), fullPage: false });
    expect((await auditPage(page)).findings).toEqual([]);

    const after = (await stack.call('GET', '/branches/br-1/members', { token: secretary })).body.items.find((m: { id: string }) => m.id === member.id);
    expect(after.name).toMatch(/^已删除的党员（\d{4}号）$/);
    expect(after.deletedOn).toBe(chinaDayIn(0));
  });
});
